// Every relationship of one person, both directions, with its properties: what a merge moves.
MATCH (d:Person {id: $id})-[r]->(x)
RETURN type(r) AS rel, true AS outgoing, properties(r) AS props, x.id AS other_id, x.name AS other_name,
       labels(x) AS other_labels
UNION ALL
MATCH (d:Person {id: $id})<-[r]-(x)
RETURN type(r) AS rel, false AS outgoing, properties(r) AS props, x.id AS other_id, x.name AS other_name,
       labels(x) AS other_labels
