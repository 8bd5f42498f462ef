// Import: one batch of validated organisations, MERGEd on their id (an existing record's id,
// or a new id derived from the match key), so a re-run writes the same nodes again.
// Status changes are appended to status_log as update.cypher does.
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
ON CREATE SET o.created_at = datetime($now),
              o.status_log = [row.props.status_since + ':' + row.props.status]
ON MATCH SET o.status_log = CASE
      WHEN o.status = row.props.status THEN o.status_log
      ELSE coalesce(o.status_log, []) + [row.props.status_since + ':' + row.props.status]
    END
SET o += row.props, o.updated_at = datetime($now)
RETURN count(o) AS written
