// Ties of the map's organisations in a time window: links between two of them, and the
// people who work(ed) at them then (each person once per organisation).
MATCH (a:Organisation)-[l:LINK]->(b:Organisation)
WHERE a.id IN $ids AND b.id IN $ids
  AND (l.since IS NULL OR l.since <= $window_end) AND (l.until IS NULL OR l.until >= $window_start)
RETURN a.id AS a, b.id AS b, 'LINK' AS rel, l.type AS type, null AS person_name
UNION ALL
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE o.id IN $ids
  AND (w.since IS NULL OR w.since <= $window_end) AND (w.until IS NULL OR w.until >= $window_start)
RETURN DISTINCT p.id AS a, o.id AS b, 'WORKS_AT' AS rel, null AS type, p.name AS person_name
