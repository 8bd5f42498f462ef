// Change role or dates of one WORKS_AT; moving to another organisation is a new link.
MATCH (p:Person {id: $person_id})-[w:WORKS_AT {id: $id}]->(:Organisation)
SET w.role = $role, w.since = $since, w.until = $until
SET p.updated_at = datetime($now)
RETURN w.id AS id
