// A new link between two persons (type, dates, source, note); nothing when either is missing.
MATCH (a:Person {id: $from_id})
MATCH (b:Person {id: $to_id})
CREATE (a)-[l:LINK {id: $id}]->(b)
SET l.type = $type, l.since = $since, l.until = $until, l.source = $source, l.note = $note,
    l.created_at = datetime($now), l.updated_at = datetime($now)
RETURN l.id AS id
