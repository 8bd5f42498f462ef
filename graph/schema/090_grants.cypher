// A grant to an organisation ((:Grant)-[:GRANTED_TO]->(:Organisation)): money of a programme line
// paid to a regional network organisation, keyed by its own id.
CREATE CONSTRAINT grant_id IF NOT EXISTS FOR (g:Grant) REQUIRE g.id IS UNIQUE;
