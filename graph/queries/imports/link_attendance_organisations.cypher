// Import of attendances: a new registration is made on behalf of the person's organisation.
UNWIND $rows AS row
MATCH (r:Registration {id: row.id})
MATCH (o:Organisation {id: row.organisation_id})
MERGE (r)-[:ON_BEHALF_OF]->(o)
RETURN count(r) AS linked
