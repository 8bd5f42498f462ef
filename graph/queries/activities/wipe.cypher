// Remove activities and registrations in batches (tests; demo replace).
MATCH (n)
WHERE n:Activity OR n:Registration OR n:Milestone
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
