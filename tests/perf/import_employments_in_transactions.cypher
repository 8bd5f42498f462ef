// Benchmark (bench_import.py): imports/merge_employments.cypher over all rows in one
// auto-commit query, committed every $batch rows by CALL { } IN TRANSACTIONS.
UNWIND $rows AS row
CALL (row) {
  MATCH (p:Person {id: row.person_id})
  MATCH (o:Organisation {id: row.organisation_id})
  MERGE (p)-[w:WORKS_AT {id: row.id}]->(o)
  ON CREATE SET w.role = row.role, w.since = row.since, w.until = null
} IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS linked
