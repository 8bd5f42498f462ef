// Undo of a merge: the dropped organisation comes back with every property it had.
MATCH (k:Organisation {id: $keep_id})
CREATE (d:Organisation)
SET d = $props,
    d.created_at = CASE WHEN $created_at IS NULL THEN null ELSE datetime($created_at) END,
    d.updated_at = datetime($now)
SET k += $keep_props, k.updated_at = datetime($now)
RETURN d.id AS id
