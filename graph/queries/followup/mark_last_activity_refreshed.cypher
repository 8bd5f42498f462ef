// Record up to when the organisations' last activity has caught up with activities that
// started (never back: a catch-up with an earlier $now leaves the later mark).
MERGE (s:DerivedState {id: 'last_activity'})
SET s.refreshed_until = CASE WHEN s.refreshed_until > datetime($now) THEN s.refreshed_until ELSE datetime($now) END
RETURN s.refreshed_until AS refreshed_until
