// A consent record: (:Person)-[:CONSENT {id, basis, date, source, withdrawn}]->(:Purpose).
MATCH (p:Person {id: $person_id})
MERGE (u:Purpose {key: $purpose})
CREATE (p)-[c:CONSENT {id: $id}]->(u)
SET c.purpose = $purpose, c.basis = $basis, c.date = $date, c.source = $source,
    c.withdrawn = $withdrawn, c.created_at = datetime($now)
SET p.updated_at = datetime($now)
RETURN c.id AS id
