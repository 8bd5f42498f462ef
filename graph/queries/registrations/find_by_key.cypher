MATCH (r:Registration {who_key: $who_key})
RETURN r {.*} AS registration
