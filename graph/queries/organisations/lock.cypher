// First statement of a read-merge-write (an edit, a delete): setting and removing a marker
// takes the node's write lock until commit, so a second editor waits here and then reads
// what the first one saved, instead of overwriting it with what it read before.
MATCH (n:Organisation {id: $id})
SET n.edit_lock = true
REMOVE n.edit_lock
RETURN n.id AS id
