// Remove every organisation and person with their links (seed-demo --replace, tests).
// Schema migrations are kept. Batched so a large graph does not need one huge transaction.
MATCH (n)
WHERE n:Organisation OR n:Person
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
