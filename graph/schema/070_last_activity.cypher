// The follow-up list "dormant" reads each organisation's last activity as stored on it
// (kept current on every write that can change it: graph/queries/followup/refresh_last_activity.cypher):
// indexed by when, and by which activity (the organisations whose last activity an event removed
// was). DerivedState records how far the stored values have caught up with time.
CREATE INDEX organisation_last_activity_at IF NOT EXISTS FOR (n:Organisation) ON (n.last_activity_at);
CREATE INDEX organisation_last_activity_id IF NOT EXISTS FOR (n:Organisation) ON (n.last_activity_id);
CREATE CONSTRAINT derived_state_id IF NOT EXISTS FOR (n:DerivedState) REQUIRE n.id IS UNIQUE;
