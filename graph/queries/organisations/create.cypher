CREATE (o:Organisation {id: $id})
SET o += $props,
    o.created_at = datetime($now),
    o.updated_at = datetime($now),
    o.status_log = [$props.status_since + ':' + $props.status]
RETURN o {.*} AS organisation
