// Merge: the kept person takes the chosen values; the dropped one (its remaining
// relationships are only those between the two and "not a duplicate" marks) goes.
MATCH (k:Person {id: $keep_id})
MATCH (d:Person {id: $drop_id})
SET k += $props, k.updated_at = datetime($now)
DETACH DELETE d
RETURN k.id AS id
