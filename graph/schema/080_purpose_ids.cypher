// Every node is keyed by its own id (uuid) under a unique constraint. Consent purposes were
// made without one (MERGEd on their key); the purposes already there get theirs here, new
// ones get it from consent/add.cypher.
MATCH (u:Purpose) WHERE u.id IS NULL SET u.id = randomUUID();
CREATE CONSTRAINT purpose_id IF NOT EXISTS FOR (n:Purpose) REQUIRE n.id IS UNIQUE;
