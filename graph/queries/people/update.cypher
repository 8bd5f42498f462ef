MATCH (p:Person {id: $id})
SET p += $props, p.updated_at = datetime($now)
RETURN p {.*} AS person
