// Test support (tests/integration/test_backup.py): every relationship by its end nodes' ids,
// type and properties as the driver returns them. Not used by the application.
MATCH (a)-[r]->(b)
RETURN a.id AS from_id, type(r) AS type, b.id AS to_id, properties(r) AS props
