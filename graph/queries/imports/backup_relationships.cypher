// Backup (lo-network export --all): every relationship by its end nodes' own ids (never
// elementId), with its type and all its properties.
MATCH (a)-[r]->(b)
RETURN labels(a) AS from_labels, a.id AS from_id, type(r) AS type, r {.*} AS props,
       labels(b) AS to_labels, b.id AS to_id
