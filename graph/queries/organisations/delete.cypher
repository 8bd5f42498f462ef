// An organisation goes with the grants recorded for it (they are about it alone).
MATCH (o:Organisation {id: $id})
OPTIONAL MATCH (g:Grant)-[:GRANTED_TO]->(o)
DETACH DELETE g
WITH DISTINCT o
WITH o, o.name AS name
DETACH DELETE o
RETURN name
