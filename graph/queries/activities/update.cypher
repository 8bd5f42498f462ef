// SEQUENCE of the calendar invitation goes up when the invitation itself changes.
MATCH (a:Activity {id: $id})
SET a += $props,
    a.starts_at = datetime($props.starts_at),
    a.ends_at = datetime($props.ends_at),
    a.registration_opens = CASE WHEN $props.registration_opens IS NULL THEN null ELSE datetime($props.registration_opens) END,
    a.registration_closes = CASE WHEN $props.registration_closes IS NULL THEN null ELSE datetime($props.registration_closes) END,
    a.ics_sequence = coalesce(a.ics_sequence, 0) + CASE WHEN $calendar_changed THEN 1 ELSE 0 END,
    a.updated_at = datetime($now)
RETURN a {.*} AS activity
