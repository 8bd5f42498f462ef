// Many validated organisations at once (demo seed, bulk import): one UNWIND batch per transaction.
// Each row is {id, props}; like create.cypher, the status log starts with the current status.
UNWIND $rows AS row
CREATE (o:Organisation {id: row.id})
SET o += row.props,
    o.created_at = datetime($now),
    o.updated_at = datetime($now),
    o.status_log = [row.props.status_since + ':' + row.props.status]
RETURN count(o) AS created
