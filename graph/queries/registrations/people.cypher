// Given people, with email and current organisation, to register them.
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL
WITH p, collect(o {.id, .name})[0] AS org
RETURN p.id AS id, p.name AS name, p.email AS email, org.id AS organisation_id, org.name AS organisation_name
