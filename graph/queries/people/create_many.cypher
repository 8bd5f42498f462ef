// Many validated people at once (demo seed, bulk import): one UNWIND batch per transaction.
// Each row is {id, props}.
UNWIND $rows AS row
CREATE (p:Person {id: row.id})
SET p += row.props, p.created_at = datetime($now), p.updated_at = datetime($now)
RETURN count(p) AS created
