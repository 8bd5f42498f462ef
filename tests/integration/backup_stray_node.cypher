// Test support (tests/integration/test_backup.py): a node of a label no schema migration
// keys, which the backup must refuse. Not used by the application.
CREATE (n:Stray {id: $id})
RETURN n.id AS id
