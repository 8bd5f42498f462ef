MATCH (r:Registration)-[:FOR]->(a:Activity {id: $id})
WHERE r.status = 'registered'
RETURN count(r) AS registered
