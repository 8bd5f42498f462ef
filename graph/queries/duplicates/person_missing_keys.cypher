// People stored before the duplicate key existed (backfill, a batch at a time).
MATCH (p:Person) WHERE p.dedupe_name IS NULL
RETURN p.id AS id, p.first_name AS first_name, p.last_name AS last_name
LIMIT $limit
