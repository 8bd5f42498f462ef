// Every registration for an activity that started before $until, as one record of columns
// (see organisations.cypher): '' where it is on behalf of no organisation or has no attendance.
MATCH (r:Registration)-[:FOR]->(a:Activity)
WHERE a.starts_at < datetime($until)
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Organisation)
RETURN collect(a.id) AS activity_id, collect(coalesce(o.id, '')) AS organisation_id,
       collect(coalesce(r.status, '')) AS status, collect(coalesce(r.attendance, '')) AS attendance
