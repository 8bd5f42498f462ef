// Cache the measures of organisations: rows {id, degree, betweenness, community}.
UNWIND $rows AS row
MATCH (n:Organisation {id: row.id})
SET n.metric_degree = row.degree, n.metric_betweenness = row.betweenness,
    n.metric_community = row.community, n.metrics_at = datetime($now)
RETURN count(n) AS updated
