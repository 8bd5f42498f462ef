// A grant to an organisation; nothing when the organisation does not exist.
MATCH (o:Organisation {id: $organisation_id})
CREATE (g:Grant {id: $id})-[:GRANTED_TO]->(o)
SET g += $props,
    g.granted_on = date($props.granted_on),
    g.created_by = $actor,
    g.created_at = datetime($now)
RETURN g {.*, organisation_id: o.id} AS grant
