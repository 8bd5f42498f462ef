// Remove a link of a person entered by mistake (ending a link keeps it; this does not).
MATCH (a:Person {id: $anchor_id})-[l:LINK {id: $id}]-(:Person)
WITH l, l.id AS id
DELETE l
RETURN id
