// After the activity: every registered person who was not checked in did not show up.
MATCH (r:Registration)-[:FOR]->(a:Activity {id: $id})
WHERE r.status = 'registered' AND coalesce(r.attendance, '') <> 'present'
SET r.attendance = 'no_show', r.updated_at = datetime($now)
RETURN count(r) AS marked
