// Follow-up lists: a coordinator's follow-up note on an organisation
// ((:FollowUpNote)-[:ABOUT]->(:Organisation)), keyed by its own id.
CREATE CONSTRAINT followup_note_id IF NOT EXISTS FOR (n:FollowUpNote) REQUIRE n.id IS UNIQUE;
