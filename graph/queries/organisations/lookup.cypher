// Pick an organisation by name as you type (employment form, filters).
MATCH (o:Organisation)
WHERE o.name_key STARTS WITH $text OR ($text <> '' AND o.search_key CONTAINS $text)
RETURN o.id AS id, o.name AS name, o.city AS city
ORDER BY o.name_key
LIMIT $limit
