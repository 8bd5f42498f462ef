// The first organisations by name, for a lookup before anything is typed.
MATCH (o:Organisation)
WHERE o.name_key IS NOT NULL
RETURN o.id AS id, o.name AS name, o.city AS city
ORDER BY o.name_key
LIMIT $limit
