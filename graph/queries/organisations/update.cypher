// Status changes are appended to status_log ("yyyy-mm-dd:status"), so the history stays.
MATCH (o:Organisation {id: $id})
SET o.status_log = CASE
      WHEN o.status = $props.status THEN o.status_log
      ELSE coalesce(o.status_log, []) + [$props.status_since + ':' + $props.status]
    END
SET o += $props, o.updated_at = datetime($now)
RETURN o {.*} AS organisation
