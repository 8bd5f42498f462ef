// Test support (tests/integration/test_backup.py): a consent purpose as consent/add.cypher
// made them before purposes had an id, and the record of the migration that gives them one
// removed, so it runs again. Not used by the application.
CREATE (u:Purpose {key: $key})
WITH u
OPTIONAL MATCH (m:SchemaMigration {id: $migration})
DELETE m
RETURN u.key AS key
