MATCH (r:Registration {id: $id})
WITH r
MATCH (p:Person {id: $person_id})
MERGE (p)-[:REGISTERED]->(r)
RETURN p.id AS person_id
