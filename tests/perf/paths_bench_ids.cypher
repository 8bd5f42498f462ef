// Benchmark (bench_paths.py): the ids to pick start/target pairs from: every organisation,
// and every person who registered for an activity (their paths can go through one).
CALL () { MATCH (o:Organisation) RETURN collect(o.id) AS organisations }
CALL () { MATCH (p:Person)-[:REGISTERED]->(:Registration) RETURN collect(DISTINCT p.id) AS registered }
RETURN organisations, registered
