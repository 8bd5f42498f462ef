// Test support (tests/integration/test_backup.py): every data node with its labels and
// properties as the driver returns them, to compare a graph before a backup and after its
// restore independently of the backup's own queries. Not used by the application.
MATCH (n)
WHERE NOT n:SchemaMigration
RETURN labels(n) AS labels, properties(n) AS props
