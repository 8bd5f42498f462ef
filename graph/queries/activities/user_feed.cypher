// A user's own calendar: what they created (organise) or are registered for, by email.
MATCH (a:Activity)
WHERE a.ends_at >= datetime($since)
  AND (a.created_by = $email
       OR EXISTS { (r:Registration)-[:FOR]->(a) WHERE r.email_key = $email AND r.status IN ['registered', 'walk_in'] })
RETURN a {.*} AS activity
ORDER BY a.starts_at ASC
LIMIT $limit
