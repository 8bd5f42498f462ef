// Change one consent record of a person (e.g. set its withdrawn date); the purpose stays.
MATCH (p:Person {id: $person_id})-[c:CONSENT {id: $id}]->(:Purpose)
SET c.basis = $basis, c.date = $date, c.source = $source, c.withdrawn = $withdrawn,
    c.updated_at = datetime($now)
SET p.updated_at = datetime($now)
RETURN c {.id, .purpose, .basis, .date, .source, .withdrawn, .created_at} AS consent
