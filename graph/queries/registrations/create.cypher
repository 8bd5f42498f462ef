MATCH (a:Activity {id: $activity_id})
CREATE (r:Registration {id: $id})
SET r += $props,
    r.registered_at = datetime($now),
    r.updated_at = datetime($now),
    r.token_expires = datetime($props.token_expires)
CREATE (r)-[:FOR]->(a)
RETURN r {.*} AS registration
