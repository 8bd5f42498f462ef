// Benchmark only: load generated activities; rows {id, props, starts_at}.
UNWIND $rows AS row
CREATE (a:Activity {id: row.id})
SET a += row.props, a.starts_at = datetime(row.starts_at), a.ends_at = datetime(row.starts_at)
RETURN count(a) AS created
