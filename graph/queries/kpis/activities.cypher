// One compact row per activity that started before $until (ISO instant).
MATCH (a:Activity)
WHERE a.starts_at < datetime($until)
RETURN a.id AS id, a.title AS title, a.kind AS kind, a.themes AS themes, a.programme_line AS line, a.starts_at AS starts_at
