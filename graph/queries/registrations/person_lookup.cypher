// Known people to register (organiser's picker): name, email and current organisation.
MATCH (p:Person)
WHERE $text <> '' AND p.search_key CONTAINS $text
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL
WITH p, collect(o {.id, .name})[0] AS org
ORDER BY p.name_key
LIMIT $limit
RETURN p.id AS id, p.name AS name, p.email AS email, org.id AS organisation_id, org.name AS organisation_name
