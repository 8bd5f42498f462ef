// A consent record: (:Person)-[:CONSENT {id, basis, date, source, withdrawn}]->(:Purpose).
// The purpose node is made on first use, keyed by its own id like every node.
MATCH (p:Person {id: $person_id})
MERGE (u:Purpose {key: $purpose})
ON CREATE SET u.id = $purpose_id
CREATE (p)-[c:CONSENT {id: $id}]->(u)
SET c.purpose = $purpose, c.basis = $basis, c.date = $date, c.source = $source,
    c.withdrawn = $withdrawn, c.created_at = datetime($now)
SET p.updated_at = datetime($now)
RETURN c.id AS id
