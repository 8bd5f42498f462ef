// Benchmark only: load generated registrations; rows {id, activity_id, organisation_id, status, attendance}.
UNWIND $rows AS row
MATCH (a:Activity {id: row.activity_id})
MATCH (o:Organisation {id: row.organisation_id})
CREATE (r:Registration {id: row.id})
SET r.status = row.status, r.attendance = row.attendance
CREATE (r)-[:FOR]->(a)
CREATE (r)-[:ON_BEHALF_OF]->(o)
RETURN count(r) AS created
