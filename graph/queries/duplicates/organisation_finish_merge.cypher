// Merge: the kept organisation takes the chosen values; the dropped one (its remaining
// relationships are only those between the two and "not a duplicate" marks) goes.
MATCH (k:Organisation {id: $keep_id})
MATCH (d:Organisation {id: $drop_id})
SET k += $props, k.updated_at = datetime($now)
DETACH DELETE d
RETURN k.id AS id
