// The first on the waiting list, in order of arrival.
MATCH (r:Registration)-[:FOR]->(a:Activity {id: $id})
WHERE r.status = 'waitlisted'
RETURN r {.*} AS registration
ORDER BY r.position ASC
LIMIT 1
