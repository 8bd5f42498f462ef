// One page of the people matching the list's text or tag, with each person's current
// organisations: the full-text index (person_search) finds the candidates ($search, made by
// domain.text.fulltext_query); the exact tag, employer and directory filters are checked here.
// Without text or tag: search.cypher.
// Paging by offset ($offset rows skipped), or by keyset: with $after_id set, the rows after
// the previous page's last row ($after_name, $after_id) in the same order. Ties are broken
// by name_key, then id.
CALL db.index.fulltext.queryNodes('person_search', $search) YIELD node AS p
WHERE ($tag IS NULL OR $tag IN p.tags)
  AND ($organisation_id IS NULL OR EXISTS { (p)-[:WORKS_AT]->(:Organisation {id: $organisation_id}) })
  // with $directory set, only people with a basis for the network directory
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
RETURN p {.id, .name, .name_key, .email, .phone, .job_title, .tags, .consent_basis, .updated_at,
          organisations: [(p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL | o.name]} AS person
