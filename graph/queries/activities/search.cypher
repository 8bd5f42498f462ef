// One page of the activity list: the graph filters, sorts and pages.
MATCH (a:Activity)
WHERE ($text = '' OR a.search_key CONTAINS $text)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($theme IS NULL OR $theme IN a.themes)
  AND ($region IS NULL OR a.region = $region)
  AND ($visibility IS NULL OR a.visibility = $visibility)
  AND ($when IS NULL OR ($when = 'upcoming' AND a.ends_at >= datetime($now))
       OR ($when = 'past' AND a.ends_at < datetime($now)))
  // an organisation's activities: what it organises, the projects and living labs it is a
  // partner in, what its people take part in (not no-shows; people hidden from the reader left out)
  AND ($organisation_id IS NULL
    OR ('organiser' IN $involvement AND EXISTS { (:Organisation {id: $organisation_id})-[:ORGANISES]->(a) })
    OR ('partner' IN $involvement AND EXISTS { (:Organisation {id: $organisation_id})-[:PARTNER_IN]->(a) })
    OR ('attendee' IN $involvement AND EXISTS {
      MATCH (:Organisation {id: $organisation_id})<-[:WORKS_AT]-(p:Person)-[:REGISTERED]->(r:Registration)-[:FOR]->(a)
      WHERE NOT p.id IN $hidden_ids AND r.status IN ['registered', 'walk_in']
        AND coalesce(r.attendance, '') <> 'no_show' }))
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
