// Every link of one person, both directions, ended ones included (history is kept).
MATCH (a:Person {id: $id})-[l:LINK]->(b:Person)
RETURN l.id AS id, l.type AS type, l.since AS since, l.until AS until, l.source AS source, l.note AS note,
       l.created_at AS created_at, true AS outgoing, a.id AS from_id, b.id AS to_id,
       b.id AS other_id, b.name AS other_name
UNION ALL
MATCH (a:Person {id: $id})<-[l:LINK]-(b:Person)
RETURN l.id AS id, l.type AS type, l.since AS since, l.until AS until, l.source AS source, l.note AS note,
       l.created_at AS created_at, false AS outgoing, b.id AS from_id, a.id AS to_id,
       b.id AS other_id, b.name AS other_name
