// Every organisation and person, with what the measures group them by (region, themes).
MATCH (o:Organisation)
RETURN o.id AS id, 'organisation' AS kind, o.name AS name, o.region AS region, o.themes AS themes
UNION ALL
MATCH (p:Person)
RETURN p.id AS id, 'person' AS kind, p.name AS name, null AS region, [] AS themes
