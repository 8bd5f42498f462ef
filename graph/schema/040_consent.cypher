// Privacy: consent purposes are nodes keyed by their name; a person's consent is
// a CONSENT relationship to one, with its own id.
CREATE CONSTRAINT purpose_key IF NOT EXISTS FOR (n:Purpose) REQUIRE n.key IS UNIQUE;
