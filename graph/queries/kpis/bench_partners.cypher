// Benchmark only: organisations as partners of generated living labs; rows {organisation_id, activity_id}.
UNWIND $rows AS row
MATCH (a:Activity {id: row.activity_id})
MATCH (o:Organisation {id: row.organisation_id})
MERGE (o)-[p:PARTNER_IN]->(a)
SET p.role = 'partner'
RETURN count(p) AS created
