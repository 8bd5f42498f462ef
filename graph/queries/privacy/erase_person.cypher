// Erasure: a person's own properties replaced by anonymous ones; the node, its id and its
// employments and links stay so aggregate counts (people per organisation, ties) hold.
MATCH (p:Person {id: $id})
SET p += $props, p.erased_at = datetime($now), p.updated_at = datetime($now)
RETURN p.id AS id
