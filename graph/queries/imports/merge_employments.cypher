// Import: WORKS_AT links of imported people, MERGEd on the link's id (derived from person and
// organisation), so a re-run makes no second link.
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (o:Organisation {id: row.organisation_id})
MERGE (p)-[w:WORKS_AT {id: row.id}]->(o)
ON CREATE SET w.role = row.role, w.since = row.since, w.until = null
RETURN count(w) AS linked
