// The sessions of a series, in date order.
MATCH (a:Activity {series_id: $series_id})
RETURN a {.id, .title, .starts_at, .ends_at} AS session
ORDER BY a.starts_at ASC
