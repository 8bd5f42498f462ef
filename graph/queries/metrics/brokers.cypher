// The brokers: organisations and people with the highest cached betweenness.
CALL () {
  MATCH (o:Organisation) WHERE o.metric_betweenness > 0
  RETURN o.id AS id, 'organisation' AS kind, o.name AS name, o.metric_degree AS degree,
         o.metric_betweenness AS betweenness, o.metric_community AS community
  UNION ALL
  MATCH (p:Person) WHERE p.metric_betweenness > 0
  RETURN p.id AS id, 'person' AS kind, p.name AS name, p.metric_degree AS degree,
         p.metric_betweenness AS betweenness, p.metric_community AS community
}
RETURN id, kind, name, degree, betweenness, community
ORDER BY betweenness DESC, name ASC
LIMIT $limit
