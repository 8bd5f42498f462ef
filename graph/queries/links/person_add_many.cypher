// Many person links at once (demo seed, tests); rows {id, from_id, to_id, type, since, until, source, note}.
UNWIND $rows AS row
MATCH (a:Person {id: row.from_id})
MATCH (b:Person {id: row.to_id})
CREATE (a)-[l:LINK {id: row.id}]->(b)
SET l.type = row.type, l.since = row.since, l.until = row.until, l.source = row.source, l.note = row.note,
    l.created_at = datetime($now), l.updated_at = datetime($now)
RETURN count(l) AS created
