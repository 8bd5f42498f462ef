// How many data nodes the graph holds (schema bookkeeping not counted): restore wants 0.
MATCH (n)
WHERE NOT n:SchemaMigration
RETURN count(n) AS nodes
