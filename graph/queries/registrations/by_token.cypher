MATCH (r:Registration {token_hash: $token_hash})-[:FOR]->(a:Activity)
RETURN r {.*, activity_id: a.id} AS registration
