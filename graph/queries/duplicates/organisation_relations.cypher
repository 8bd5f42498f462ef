// Every relationship of one organisation, both directions, with its properties and the other end's
// name (an activity's title, a grant's description, a note's text): what a merge moves.
MATCH (d:Organisation {id: $id})-[r]->(x)
RETURN type(r) AS rel, true AS outgoing, properties(r) AS props, x.id AS other_id,
       coalesce(x.name, x.title, x.description, x.note) AS other_name,
       labels(x) AS other_labels
UNION ALL
MATCH (d:Organisation {id: $id})<-[r]-(x)
RETURN type(r) AS rel, false AS outgoing, properties(r) AS props, x.id AS other_id,
       coalesce(x.name, x.title, x.description, x.note) AS other_name,
       labels(x) AS other_labels
