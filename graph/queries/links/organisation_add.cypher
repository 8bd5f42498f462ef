// A new link between two organisations (type, dates, source, note); nothing when either is missing.
MATCH (a:Organisation {id: $from_id})
MATCH (b:Organisation {id: $to_id})
CREATE (a)-[l:LINK {id: $id}]->(b)
SET l.type = $type, l.since = $since, l.until = $until, l.source = $source, l.note = $note,
    l.created_at = datetime($now), l.updated_at = datetime($now)
RETURN l.id AS id
