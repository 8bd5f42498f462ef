// Activities and registrations: own uuid keys, one registration per person per activity.
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT registration_id IF NOT EXISTS FOR (n:Registration) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT registration_who_key IF NOT EXISTS FOR (n:Registration) REQUIRE n.who_key IS UNIQUE;
CREATE INDEX activity_starts_at IF NOT EXISTS FOR (n:Activity) ON (n.starts_at);
CREATE INDEX activity_title_key IF NOT EXISTS FOR (n:Activity) ON (n.title_key);
CREATE INDEX activity_kind IF NOT EXISTS FOR (n:Activity) ON (n.kind);
CREATE INDEX registration_token_hash IF NOT EXISTS FOR (n:Registration) ON (n.token_hash);
CREATE INDEX registration_status IF NOT EXISTS FOR (n:Registration) ON (n.status);
CREATE INDEX registration_email_key IF NOT EXISTS FOR (n:Registration) ON (n.email_key);
