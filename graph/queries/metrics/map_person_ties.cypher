// Links between two of the map's people in a time window.
MATCH (a:Person)-[l:LINK]->(b:Person)
WHERE a.id IN $ids AND b.id IN $ids
  AND (l.since IS NULL OR l.since <= $window_end) AND (l.until IS NULL OR l.until >= $window_start)
RETURN a.id AS a, b.id AS b, 'LINK' AS rel, l.type AS type
