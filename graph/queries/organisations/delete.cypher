MATCH (o:Organisation {id: $id})
WITH o, o.name AS name
DETACH DELETE o
RETURN name
