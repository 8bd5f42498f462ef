// Change the dates, source or note of one link of a organisation (ending it sets until; it stays).
MATCH (a:Organisation {id: $anchor_id})-[l:LINK {id: $id}]-(:Organisation)
SET l.since = $since, l.until = $until, l.source = $source, l.note = $note, l.updated_at = datetime($now)
RETURN l.id AS id
