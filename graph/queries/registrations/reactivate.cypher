// A cancelled registration of the same person comes back at the end of the queue.
MATCH (r:Registration {id: $id})
SET r += $props,
    r.registered_at = datetime($now),
    r.updated_at = datetime($now),
    r.token_expires = datetime($props.token_expires)
RETURN r {.*} AS registration
