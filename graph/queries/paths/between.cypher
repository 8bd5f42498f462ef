// "Wie kan ons voorstellen?": every shortest path (up to 6 steps) from a start to a target
// (each an organisation or a person) through employments, links and shared activities.
// Each path as its nodes and its relationships (with the id of the node each starts at).
OPTIONAL MATCH (so:Organisation {id: $start_id})
OPTIONAL MATCH (sp:Person {id: $start_id})
OPTIONAL MATCH (to:Organisation {id: $target_id})
OPTIONAL MATCH (tp:Person {id: $target_id})
WITH coalesce(so, sp) AS s, coalesce(to, tp) AS t
WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
MATCH p = allShortestPaths((s)-[:WORKS_AT|LINK|REGISTERED_FOR*..6]-(t))
RETURN [n IN nodes(p) | {
          id: n.id, name: coalesce(n.name, n.title),
          kind: CASE WHEN n:Organisation THEN 'organisation' WHEN n:Person THEN 'person' ELSE 'activity' END,
          date: coalesce(n.starts_at, n.start_date, n.date)
        }] AS nodes,
       [r IN relationships(p) | {
          rel: type(r), type: r.type, role: r.role, since: r.since, until: r.until, from_id: startNode(r).id
        }] AS rels
LIMIT $limit
