// Import of attendances: every activity's id, title and times, read once per import job
// (an attendance row names its activity by id, or by title and date).
MATCH (a:Activity)
RETURN a {.id, .title, .starts_at, .ends_at} AS activity
