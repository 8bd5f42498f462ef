// Benchmark (bench_import.py): imports/upsert_people.cypher over all rows in one auto-commit
// query, committed every $batch rows by CALL { } IN TRANSACTIONS.
UNWIND $rows AS row
CALL (row) {
  MERGE (p:Person {id: row.id})
  ON CREATE SET p.created_at = datetime($now)
  SET p += row.props, p.updated_at = datetime($now)
} IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS written
