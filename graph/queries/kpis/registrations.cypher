// One compact row per registration for an activity that started before $until.
MATCH (r:Registration)-[:FOR]->(a:Activity)
WHERE a.starts_at < datetime($until)
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Organisation)
RETURN a.id AS activity_id, o.id AS organisation_id, r.status AS status, r.attendance AS attendance
