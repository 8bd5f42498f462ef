MATCH (r:Registration {id: $id})-[:FOR]->(a:Activity {id: $activity_id})
WHERE r.status IN ['registered', 'walk_in']
SET r.attendance = $attendance, r.checked_in_at = CASE WHEN $attendance = 'present' THEN datetime($now) ELSE null END,
    r.updated_at = datetime($now)
RETURN r {.*} AS registration
