// Backup (lo-network export --all): every node with its labels and all its properties, any
// label (new aggregates are included without a change here). Schema bookkeeping is not
// data: the restoring installation applies its own migrations.
MATCH (n)
WHERE NOT n:SchemaMigration
RETURN labels(n) AS labels, n {.*} AS props
