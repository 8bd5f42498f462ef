// Other organisations holding a KvK number (a new or changed number is checked against
// them before it is saved): id and name, at most $limit.
MATCH (o:Organisation {kvk: $kvk})
WHERE o.id <> $exclude_id
RETURN o.id AS id, o.name AS name, o.city AS city
ORDER BY o.name_key, o.id
LIMIT $limit
