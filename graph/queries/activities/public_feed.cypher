// Public activities that end after $since, for the public calendar feed.
MATCH (a:Activity)
WHERE a.visibility = 'public' AND a.ends_at >= datetime($since)
RETURN a {.*} AS activity
ORDER BY a.starts_at ASC
LIMIT $limit
