// Coordinators' follow-up list "dormant" (definitions in lo_network/domain/followup.py):
// organisations in the network ($statuses) whose last activity is before $since (or that have
// none). One read: the count of the whole list and one page of it (offset), each row with its
// last activity, its open follow-up notes and up to three current contacts (whom to call). With
// $directory set, only contacts with a basis for the network directory (the consent rule, as the
// people list). The last activity is the one stored on the organisation, kept current by
// refresh_last_activity.cypher on every write that can change it; a partnership in a project
// that still runs is stored at the project's end and shown as $now.
// The page is read in index order and stops at the page: for $sort 'silent' (longest silent
// first) the never-active ones by name (name_key index), then the others by their last activity
// (last_activity_at index); for 'name' / '-name' the name index forwards or backwards. Each way
// is a branch behind a WITH ... WHERE on $sort, so the ways not asked for read nothing (a bare
// WHERE on a parameter would still scan their index). The filter "before $since, or none" is
// written with coalesce where the name index leads, so the planner keeps that index's order.
CALL () {
  RETURN COUNT { MATCH (o:Organisation)
      WHERE o.status IN $statuses AND o.last_activity_at IS NULL
        AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
        AND ($theme IS NULL OR $theme IN o.themes) }
    + COUNT { MATCH (o:Organisation)
      WHERE o.last_activity_at < datetime($since) AND o.status IN $statuses
        AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
        AND ($theme IS NULL OR $theme IN o.themes) } AS total
}
CALL () {
  CALL () {
    WITH $sort AS sort WHERE sort = 'silent'
    MATCH (o:Organisation)
    WHERE o.name_key >= '' AND o.status IN $statuses AND o.last_activity_at IS NULL
      AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
      AND ($theme IS NULL OR $theme IN o.themes)
    WITH o ORDER BY o.name_key, o.id
    LIMIT $offset + $limit
    RETURN o, 0 AS rank
    UNION ALL
    WITH $sort AS sort WHERE sort = 'silent'
    MATCH (o:Organisation)
    WHERE o.last_activity_at < datetime($since) AND o.status IN $statuses
      AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
      AND ($theme IS NULL OR $theme IN o.themes)
    WITH o ORDER BY o.last_activity_at, o.name_key, o.id
    LIMIT $offset + $limit
    RETURN o, 1 AS rank
    UNION ALL
    WITH $sort AS sort WHERE sort = 'name'
    MATCH (o:Organisation)
    WHERE o.name_key >= '' AND o.status IN $statuses
      AND coalesce(o.last_activity_at, datetime('0001-01-01T00:00:00Z')) < datetime($since)
      AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
      AND ($theme IS NULL OR $theme IN o.themes)
    WITH o ORDER BY o.name_key, o.id
    LIMIT $offset + $limit
    RETURN o, 0 AS rank
    UNION ALL
    WITH $sort AS sort WHERE sort = '-name'
    MATCH (o:Organisation)
    WHERE o.name_key >= '' AND o.status IN $statuses
      AND coalesce(o.last_activity_at, datetime('0001-01-01T00:00:00Z')) < datetime($since)
      AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
      AND ($theme IS NULL OR $theme IN o.themes)
    WITH o ORDER BY o.name_key DESC, o.id
    LIMIT $offset + $limit
    RETURN o, 0 AS rank
  }
  WITH o, rank
  ORDER BY rank,
    CASE WHEN $sort = 'silent' THEN o.last_activity_at END ASC,
    CASE WHEN $sort = '-name' THEN o.name_key END DESC,
    o.name_key ASC, o.id ASC
  SKIP $offset LIMIT $limit
  RETURN collect(o) AS shown
}
UNWIND CASE WHEN size(shown) = 0 THEN [null] ELSE shown END AS o
WITH total, o,
  CASE WHEN o.last_activity_id IS NULL THEN null ELSE {
    id: o.last_activity_id, via: o.last_activity_via,
    at: CASE WHEN o.last_activity_at > datetime($now) THEN datetime($now) ELSE o.last_activity_at END,
    title: head(COLLECT { MATCH (a:Activity {id: o.last_activity_id}) RETURN a.title })} END AS last
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
