// Coordinators' follow-up list "attended twice, not yet partner" (definitions in
// lo_network/domain/followup.py): organisations, network status not partner, whose people
// (employed there at the time) or registrations on whose behalf (of registrants who are no
// known person) were present at $at_least or
// more distinct activities that already took place. One read: the count and one page
// (offset), each row with the number attended, the last one, and up to three current contacts
// ($directory: only those with a basis for the network directory, as the people list).
MATCH (o:Organisation)
WHERE coalesce(o.status, '') <> 'partner'
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($theme IS NULL OR $theme IN o.themes)
WITH o,
  [(o)<-[w:WORKS_AT]-(:Person)-[:REGISTERED]->(r:Registration)-[:FOR]->(a:Activity)
    WHERE r.attendance = 'present' AND a.starts_at <= datetime($now)
      AND (w.since IS NULL OR w.since <= left(toString(a.starts_at), 10))
      AND (w.until IS NULL OR w.until >= left(toString(a.starts_at), 10))
    | {id: a.id, title: a.title, at: a.starts_at}]
  + [(o)<-[:ON_BEHALF_OF]-(r:Registration)-[:FOR]->(a:Activity)
    WHERE r.attendance = 'present' AND a.starts_at <= datetime($now) AND NOT EXISTS { (:Person)-[:REGISTERED]->(r) }
    | {id: a.id, title: a.title, at: a.starts_at}] AS events
WHERE size(events) >= $at_least
WITH o, events, size(reduce(ids = [], e IN events | CASE WHEN e.id IN ids THEN ids ELSE ids + e.id END)) AS attended
WHERE attended >= $at_least
WITH o, attended, reduce(last = null, e IN events | CASE WHEN last IS NULL OR e.at > last.at THEN e ELSE last END) AS last
ORDER BY
  CASE WHEN $sort = '-attended' THEN attended END DESC,
  CASE WHEN $sort = '-name' THEN o.name_key END DESC,
  o.name_key ASC, o.id ASC
WITH collect({o: o, last: last, attended: attended}) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS shown
UNWIND CASE WHEN size(shown) = 0 THEN [null] ELSE shown END AS row
WITH total, row.o AS o, row.last AS last, row.attended AS attended
RETURN total,
  CASE WHEN o IS NULL THEN null ELSE o {.id, .name, .kind, .city, .region, .themes, .status, .status_since,
    attended: attended, last_activity: last,
    open_notes: [(n:FollowUpNote)-[:ABOUT]->(o) WHERE n.done IS NULL | n {.id, .note, .assignee, .due}],
    contacts: [(o)<-[w:WORKS_AT]-(p:Person)
      WHERE w.until IS NULL AND p.erased_at IS NULL
        AND ($directory IS NULL
          OR EXISTS { (p)-[c:CONSENT]->(:Purpose {key: 'directory'}) WHERE c.withdrawn IS NULL OR c.withdrawn > $today }
          OR (NOT EXISTS { (p)-[:CONSENT]->(:Purpose {key: 'directory'}) } AND coalesce(p.consent_basis, 'none') <> 'none'))
      | p {.id, .name, .email, .phone, .job_title}][..3]} END AS organisation
