// An existing organisation whose folded name is exactly what the registrant typed.
MATCH (o:Organisation {name_key: $name_key})
RETURN o.id AS id, o.name AS name
ORDER BY o.id
LIMIT 1
