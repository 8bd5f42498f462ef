MATCH (p:Person {id: $person_id})-[w:WORKS_AT {id: $id}]->(o:Organisation)
WITH p, w, w.id AS id, o.id AS organisation_id
DELETE w
SET p.updated_at = datetime($now)
RETURN id, organisation_id
