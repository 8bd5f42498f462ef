// Many WORKS_AT links at once (demo seed, bulk import) between existing people and organisations.
// Each row is {id, person_id, organisation_id, role, since, until}; a row whose person or
// organisation does not exist makes no link, so `created` tells the caller.
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (o:Organisation {id: row.organisation_id})
CREATE (p)-[w:WORKS_AT {id: row.id}]->(o)
SET w.role = row.role, w.since = row.since, w.until = row.until
RETURN count(w) AS created
