// Export: the people list as filtered and sorted on screen (same WHERE and ORDER BY as
// people/search.cypher, keyset included), every field and the current employers, one page at a time.
MATCH (p:Person)
WHERE ($text = '' OR p.search_key CONTAINS $text)
  AND ($tag IS NULL OR $tag IN p.tags)
  AND ($organisation_id IS NULL OR EXISTS { (p)-[:WORKS_AT]->(:Organisation {id: $organisation_id}) })
  // issue 7: with $directory set, only people with a basis for the network directory
  AND ($directory IS NULL
    OR EXISTS { (p)-[c:CONSENT]->(:Purpose {key: 'directory'}) WHERE c.withdrawn IS NULL OR c.withdrawn > $today }
    OR (NOT EXISTS { (p)-[:CONSENT]->(:Purpose {key: 'directory'}) } AND coalesce(p.consent_basis, 'none') <> 'none'))
  AND ($after_id IS NULL
    OR ($sort = 'name' AND (p.name_key > $after_name OR (p.name_key = $after_name AND p.id > $after_id)))
    OR ($sort = '-name' AND (p.name_key < $after_name OR (p.name_key = $after_name AND p.id > $after_id))))
WITH p
ORDER BY
  CASE WHEN $sort = 'name' THEN p.name_key END ASC,
  CASE WHEN $sort = '-name' THEN p.name_key END DESC,
  CASE WHEN $sort = '-updated' THEN p.updated_at END DESC,
  p.name_key ASC, p.id ASC
SKIP $offset LIMIT $limit
RETURN p {.*, organisations: [(p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL | o.name]} AS person
