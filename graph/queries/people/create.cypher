CREATE (p:Person {id: $id})
SET p += $props, p.created_at = datetime($now), p.updated_at = datetime($now)
RETURN p {.*} AS person
