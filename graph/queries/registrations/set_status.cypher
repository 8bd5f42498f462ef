MATCH (r:Registration {id: $id})
SET r.status = $status, r.updated_at = datetime($now)
RETURN r {.*} AS registration
