MATCH (r:Registration {id: $id})
WITH r
MATCH (o:Organisation {id: $organisation_id})
MERGE (r)-[:ON_BEHALF_OF]->(o)
RETURN o.id AS organisation_id
