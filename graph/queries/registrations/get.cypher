MATCH (r:Registration {id: $id})-[:FOR]->(a:Activity)
RETURN r {.*, activity_id: a.id} AS registration
