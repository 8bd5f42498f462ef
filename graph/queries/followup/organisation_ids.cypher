// One batch of organisation ids after $after, in id order (read from the id constraint's
// index): deriving every organisation's last activity again goes through them batch by batch.
MATCH (o:Organisation)
WHERE o.id > $after
WITH o.id AS id
ORDER BY id
LIMIT $limit
RETURN collect(id) AS ids
