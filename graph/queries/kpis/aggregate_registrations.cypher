// Benchmark reference: registrations per activity kind, status and attendance.
MATCH (r:Registration)-[:FOR]->(a:Activity)
WHERE a.starts_at < datetime($until)
RETURN a.kind AS kind, r.status AS status, r.attendance AS attendance, count(r) AS registrations
