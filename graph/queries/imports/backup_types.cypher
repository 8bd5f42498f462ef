// Backup: the relationship types in the graph, with how many of each (the export refuses a
// type it has no declaration for).
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
