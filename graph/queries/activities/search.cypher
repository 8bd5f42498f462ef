// One page of the activity list: the graph filters, sorts and pages.
MATCH (a:Activity)
WHERE ($text = '' OR a.search_key CONTAINS $text)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($theme IS NULL OR $theme IN a.themes)
  AND ($region IS NULL OR a.region = $region)
  AND ($visibility IS NULL OR a.visibility = $visibility)
  AND ($when IS NULL OR ($when = 'upcoming' AND a.ends_at >= datetime($now))
       OR ($when = 'past' AND a.ends_at < datetime($now)))
  AND ($organisation_id IS NULL OR EXISTS { (:Organisation {id: $organisation_id})-[:ORGANISES]->(a) })
WITH a
ORDER BY
  CASE WHEN $sort = 'starts' THEN a.starts_at END ASC,
  CASE WHEN $sort = '-starts' THEN a.starts_at END DESC,
  CASE WHEN $sort = 'title' THEN a.title_key END ASC,
  a.starts_at ASC, a.id ASC
SKIP $offset LIMIT $limit
RETURN a {.id, .title, .kind, .themes, .region, .corridor, .starts_at, .ends_at, .location,
          .online_url, .visibility, .capacity,
          registered: COUNT { (r:Registration)-[:FOR]->(a) WHERE r.status = 'registered' },
          waitlisted: COUNT { (r:Registration)-[:FOR]->(a) WHERE r.status = 'waitlisted' }} AS activity
