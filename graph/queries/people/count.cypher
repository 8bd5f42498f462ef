// How many people match the list filters (same WHERE as search.cypher).
MATCH (p:Person)
WHERE ($text = '' OR p.search_key CONTAINS $text)
  AND ($tag IS NULL OR $tag IN p.tags)
  AND ($organisation_id IS NULL OR EXISTS { (p)-[:WORKS_AT]->(:Organisation {id: $organisation_id}) })
RETURN count(p) AS total
