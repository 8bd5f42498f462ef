// Benchmark (bench_import.py): imports/upsert_organisations.cypher over all rows in one
// auto-commit query, committed every $batch rows by CALL { } IN TRANSACTIONS.
UNWIND $rows AS row
CALL (row) {
  MERGE (o:Organisation {id: row.id})
  ON CREATE SET o.created_at = datetime($now),
                o.status_log = [row.props.status_since + ':' + row.props.status]
  ON MATCH SET o.status_log = CASE
        WHEN o.status = row.props.status THEN o.status_log
        ELSE coalesce(o.status_log, []) + [row.props.status_since + ':' + row.props.status]
      END
  SET o += row.props, o.updated_at = datetime($now)
} IN TRANSACTIONS OF $batch ROWS
RETURN count(*) AS written
