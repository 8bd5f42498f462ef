// Demo people to link (seed-demo): ids in a stable order, at most $limit.
MATCH (p:Person) WHERE p.demo = true
RETURN p.id AS id
ORDER BY id
LIMIT $limit
