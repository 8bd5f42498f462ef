// Benchmark reference: organisations per status, region and kind, counted in the graph.
MATCH (o:Organisation)
RETURN o.status AS status, o.region AS region, o.kind AS kind, count(o) AS organisations
