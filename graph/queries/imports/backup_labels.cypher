// Backup: the labels the data nodes carry, with how many nodes each (the export refuses a
// label it has no declaration for). Counted from the nodes: db.labels() lists labels that
// only the schema knows, and the embedded server answers db.relationshipTypes() with none.
MATCH (n)
WHERE NOT n:SchemaMigration
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
