// Remove one grant of an organisation; returns what it was (nothing when unknown).
MATCH (g:Grant {id: $id})-[:GRANTED_TO]->(o:Organisation {id: $organisation_id})
WITH g, g {.*, organisation_id: o.id} AS grant
DETACH DELETE g
RETURN grant
