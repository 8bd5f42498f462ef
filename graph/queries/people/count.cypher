// How many people match the list filters without text or tag (same WHERE as search.cypher).
MATCH (p:Person)
WHERE ($organisation_id IS NULL OR EXISTS { (p)-[:WORKS_AT]->(:Organisation {id: $organisation_id}) })
  // with $directory set, only people with a basis for the network directory
  AND ($directory IS NULL
    OR EXISTS { (p)-[c:CONSENT]->(:Purpose {key: 'directory'}) WHERE c.withdrawn IS NULL OR c.withdrawn > $today }
    OR (NOT EXISTS { (p)-[:CONSENT]->(:Purpose {key: 'directory'}) } AND coalesce(p.consent_basis, 'none') <> 'none'))
RETURN count(p) AS total
