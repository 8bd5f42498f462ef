// A new activity; instants arrive as ISO-8601 text. reg_seq numbers arrivals (and is the
// property a registration writes first, to hold the activity while it counts seats).
CREATE (a:Activity {id: $id})
SET a += $props,
    a.starts_at = datetime($props.starts_at),
    a.ends_at = datetime($props.ends_at),
    a.registration_opens = CASE WHEN $props.registration_opens IS NULL THEN null ELSE datetime($props.registration_opens) END,
    a.registration_closes = CASE WHEN $props.registration_closes IS NULL THEN null ELSE datetime($props.registration_closes) END,
    a.reg_seq = 0,
    a.ics_sequence = 0,
    a.created_by = $actor,
    a.created_at = datetime($now),
    a.updated_at = datetime($now)
RETURN a {.*} AS activity
