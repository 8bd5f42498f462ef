// Benchmark only: load generated organisations; rows {id, props} (props hold status_log).
UNWIND $rows AS row
CREATE (o:Organisation {id: row.id})
SET o += row.props
RETURN count(o) AS created
