// The consent records of one person, newest first.
MATCH (p:Person {id: $person_id})-[c:CONSENT]->(:Purpose)
RETURN c {.id, .purpose, .basis, .date, .source, .withdrawn, .created_at} AS consent
ORDER BY c.date DESC, c.created_at DESC
