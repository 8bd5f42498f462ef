// Organisations stored before the duplicate keys existed (backfill, a batch at a time).
MATCH (o:Organisation) WHERE o.dedupe_name IS NULL
RETURN o.id AS id, o.name AS name, o.website AS website
LIMIT $limit
