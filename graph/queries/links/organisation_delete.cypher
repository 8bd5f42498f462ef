// Remove a link of a organisation entered by mistake (ending a link keeps it; this does not).
MATCH (a:Organisation {id: $anchor_id})-[l:LINK {id: $id}]-(:Organisation)
WITH l, l.id AS id
DELETE l
RETURN id
