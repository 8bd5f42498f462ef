// The grants to one organisation, newest first.
MATCH (g:Grant)-[:GRANTED_TO]->(o:Organisation {id: $organisation_id})
RETURN g {.*, organisation_id: o.id} AS grant
ORDER BY g.granted_on DESC, g.created_at DESC
