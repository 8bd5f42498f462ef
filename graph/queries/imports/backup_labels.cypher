// Backup: the labels the data nodes carry, with how many nodes each (the export refuses a
// label it has no declaration for). Counted from the nodes: the counts are needed, and
// db.labels() also lists labels that only the schema or a deleted node ever had.
MATCH (n)
WHERE NOT n:SchemaMigration
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
