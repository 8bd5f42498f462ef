// Ego view: one organisation or person and everything up to $depth (1 or 2) steps away
// through employments and links active in the time window.
OPTIONAL MATCH (so:Organisation {id: $id})
OPTIONAL MATCH (sp:Person {id: $id})
WITH coalesce(so, sp) AS c
WHERE c IS NOT NULL
MATCH p = (c)-[:WORKS_AT|LINK*0..2]-(n)
WHERE (n:Organisation OR n:Person) AND length(p) <= $depth
  AND all(r IN relationships(p) WHERE (r.since IS NULL OR r.since <= $window_end)
                                   AND (r.until IS NULL OR r.until >= $window_start))
WITH DISTINCT n
RETURN n.id AS id, n.name AS name,
       CASE WHEN n:Organisation THEN n.kind ELSE 'person' END AS kind,
       n.region AS region, n.status AS status, coalesce(n.metric_degree, 0) AS degree
LIMIT $limit
