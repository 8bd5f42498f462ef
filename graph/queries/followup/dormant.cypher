// Coordinators' follow-up list "dormant" (definitions in lo_network/domain/followup.py):
// organisations in the network ($statuses) whose last activity is before $since (or that have
// none). One read: the count of the whole list and one page of it (offset), each row with its
// last activity, its open follow-up notes and up to three current contacts (whom to call). With $directory set, only
// contacts with a basis for the network directory (the consent rule, as the people list).
// An activity: a person employed there at the time was present; a registration on its
// behalf was present (a registrant who is no known person: a known person counts through
// the employment at the time); it organised one; it is partner in a living lab / project that ran
// (counted on its end, or $now while it runs). Nothing in the future counts.
MATCH (o:Organisation)
WHERE o.status IN $statuses
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($theme IS NULL OR $theme IN o.themes)
WITH o,
  [(o)<-[w:WORKS_AT]-(:Person)-[:REGISTERED]->(r:Registration)-[:FOR]->(a:Activity)
    WHERE r.attendance = 'present' AND a.starts_at <= datetime($now)
      AND (w.since IS NULL OR w.since <= left(toString(a.starts_at), 10))
      AND (w.until IS NULL OR w.until >= left(toString(a.starts_at), 10))
    | {id: a.id, title: a.title, at: a.starts_at, via: 'attended'}]
  + [(o)<-[:ON_BEHALF_OF]-(r:Registration)-[:FOR]->(a:Activity)
    WHERE r.attendance = 'present' AND a.starts_at <= datetime($now) AND NOT EXISTS { (:Person)-[:REGISTERED]->(r) }
    | {id: a.id, title: a.title, at: a.starts_at, via: 'on_behalf'}]
  + [(o)-[:ORGANISES]->(a:Activity) WHERE a.starts_at <= datetime($now)
    | {id: a.id, title: a.title, at: a.starts_at, via: 'organised'}]
  + [(o)-[:PARTNER_IN]->(a:Activity) WHERE a.starts_at <= datetime($now)
    | {id: a.id, title: a.title, via: 'partner',
       at: CASE WHEN a.ends_at IS NULL OR a.ends_at > datetime($now) THEN datetime($now) ELSE a.ends_at END}] AS events
WITH o, reduce(last = null, e IN events | CASE WHEN last IS NULL OR e.at > last.at THEN e ELSE last END) AS last
WHERE last IS NULL OR last.at < datetime($since)
WITH o, last
ORDER BY
  CASE WHEN $sort = 'silent' THEN coalesce(last.at, datetime('1900-01-01T00:00:00Z')) END ASC,
  CASE WHEN $sort = '-name' THEN o.name_key END DESC,
  o.name_key ASC, o.id ASC
WITH collect({o: o, last: last}) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS shown
UNWIND CASE WHEN size(shown) = 0 THEN [null] ELSE shown END AS row
WITH total, row.o AS o, row.last AS last
RETURN total,
  CASE WHEN o IS NULL THEN null ELSE o {.id, .name, .kind, .city, .region, .themes, .status, .status_since,
    last_activity: last,
    open_notes: [(n:FollowUpNote)-[:ABOUT]->(o) WHERE n.done IS NULL | n {.id, .note, .assignee, .due}],
    contacts: [(o)<-[w:WORKS_AT]-(p:Person)
      WHERE w.until IS NULL AND p.erased_at IS NULL
        AND ($directory IS NULL
          OR EXISTS { (p)-[c:CONSENT]->(:Purpose {key: 'directory'}) WHERE c.withdrawn IS NULL OR c.withdrawn > $today }
          OR (NOT EXISTS { (p)-[:CONSENT]->(:Purpose {key: 'directory'}) } AND coalesce(p.consent_basis, 'none') <> 'none'))
      | p {.id, .name, .email, .phone, .job_title}][..3]} END AS organisation
