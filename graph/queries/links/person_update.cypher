// Change the dates, source or note of one link of a person (ending it sets until; it stays).
MATCH (a:Person {id: $anchor_id})-[l:LINK {id: $id}]-(:Person)
SET l.since = $since, l.until = $until, l.source = $source, l.note = $note, l.updated_at = datetime($now)
RETURN l.id AS id
