// Whether the organisations' stored last activity needs a catch-up before the dormant list is
// read: never derived in this graph yet (no state: derive every organisation), or an activity
// started since the last catch-up (its events count from its start on).
OPTIONAL MATCH (s:DerivedState {id: 'last_activity'})
RETURN s.refreshed_until AS refreshed_until,
  s IS NULL OR EXISTS {
    MATCH (a:Activity) WHERE a.starts_at > s.refreshed_until AND a.starts_at <= datetime($now)
  } AS due
