MATCH (p:Person {id: $person_id})-[w:WORKS_AT {id: $id}]->(:Organisation)
WITH p, w, w.id AS id
DELETE w
SET p.updated_at = datetime($now)
RETURN id
