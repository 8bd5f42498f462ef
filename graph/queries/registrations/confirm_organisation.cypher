// A coordinator confirms a registrant's proposed organisation: link it, clear the flag.
MATCH (r:Registration {id: $id})
WHERE r.organisation_proposed = true
WITH r
MATCH (o:Organisation {id: $organisation_id})
MERGE (r)-[:ON_BEHALF_OF]->(o)
SET r.organisation_proposed = false, r.organisation_name = o.name, r.updated_at = datetime($now)
RETURN r {.*} AS registration
