// Remove the whole network: every node but the records of applied migrations, with its
// relationships (seed-demo --replace, tests). Batched so a large graph does not need one
// huge transaction.
MATCH (n)
WHERE NOT n:SchemaMigration
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
