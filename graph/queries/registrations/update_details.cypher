MATCH (r:Registration {id: $id})
SET r += $props, r.updated_at = datetime($now)
RETURN r {.*} AS registration
