// How many activities match the list filters (same WHERE as search.cypher).
MATCH (a:Activity)
WHERE ($text = '' OR a.search_key CONTAINS $text)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($theme IS NULL OR $theme IN a.themes)
  AND ($region IS NULL OR a.region = $region)
  AND ($visibility IS NULL OR a.visibility = $visibility)
  AND ($when IS NULL OR ($when = 'upcoming' AND a.ends_at >= datetime($now))
       OR ($when = 'past' AND a.ends_at < datetime($now)))
  AND ($organisation_id IS NULL OR EXISTS { (:Organisation {id: $organisation_id})-[:ORGANISES]->(a) })
RETURN count(a) AS total
