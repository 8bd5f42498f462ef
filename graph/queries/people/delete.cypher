MATCH (p:Person {id: $id})
WITH p, p.name AS name
DETACH DELETE p
RETURN name
