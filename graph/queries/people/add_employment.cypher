MATCH (p:Person {id: $person_id})
WITH p
MATCH (o:Organisation {id: $organisation_id})
CREATE (p)-[w:WORKS_AT {id: $id}]->(o)
SET w.role = $role, w.since = $since, w.until = $until
SET p.updated_at = datetime($now)
RETURN w.id AS id
