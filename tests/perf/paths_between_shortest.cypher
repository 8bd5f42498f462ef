// Benchmark (bench_paths.py): paths/between.cypher written with the GQL path selector
// ALL SHORTEST and a quantified path pattern that filters registrations inline, to be timed
// against the allShortestPaths() form; same answers.
// "Wie kan ons voorstellen?": every shortest path (up to 6 steps) from a start to a target
// (each an organisation or a person) through employments, links and shared activities.
// Taking part in an activity is (:Person)-[:REGISTERED]->(:Registration)-[:FOR]->(:Activity),
// counted only for a seat (registered or walk-in) not marked a no-show; the search walks it as
// two hops, and the result folds it into one step REGISTERED_FOR (person -> activity).
// Each path as its nodes and its relationships (with the id of the node each starts at).
OPTIONAL MATCH (so:Organisation {id: $start_id})
OPTIONAL MATCH (sp:Person {id: $start_id})
OPTIONAL MATCH (to:Organisation {id: $target_id})
OPTIONAL MATCH (tp:Person {id: $target_id})
WITH coalesce(so, sp) AS s, coalesce(to, tp) AS t
WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
MATCH p = ALL SHORTEST (s) (()-[:WORKS_AT|LINK|REGISTERED|FOR]-(n WHERE NOT n:Registration
          OR (n.status IN ['registered', 'walk_in'] AND coalesce(n.attendance, '') <> 'no_show'))){1,12} (t)
WITH [n IN nodes(p) WHERE NOT n:Registration] AS ns, [r IN relationships(p) WHERE type(r) <> 'FOR'] AS rs
WHERE size(rs) <= 6
RETURN [n IN ns | {
          id: n.id, name: coalesce(n.name, n.title),
          kind: CASE WHEN n:Organisation THEN 'organisation' WHEN n:Person THEN 'person' ELSE 'activity' END,
          date: coalesce(n.starts_at, n.start_date, n.date)
        }] AS nodes,
       [r IN rs | CASE type(r)
          WHEN 'REGISTERED' THEN {rel: 'REGISTERED_FOR', type: null, role: null, since: null, until: null,
                                  from_id: startNode(r).id}
          ELSE {rel: type(r), type: r.type, role: r.role, since: r.since, until: r.until, from_id: startNode(r).id}
        END] AS rels
LIMIT $limit
