// The ties the measures count: current employments and links that have not ended.
MATCH (p:Person)-[w:WORKS_AT]->(o:Organisation)
WHERE w.until IS NULL OR w.until >= $today
RETURN p.id AS a, o.id AS b, 'WORKS_AT' AS rel, null AS type
UNION ALL
MATCH (a:Organisation)-[l:LINK]->(b:Organisation)
WHERE l.until IS NULL OR l.until >= $today
RETURN a.id AS a, b.id AS b, 'LINK' AS rel, l.type AS type
UNION ALL
MATCH (a:Person)-[l:LINK]->(b:Person)
WHERE l.until IS NULL OR l.until >= $today
RETURN a.id AS a, b.id AS b, 'LINK' AS rel, l.type AS type
