// Indexes behind the list pages' filters and sorts.
CREATE INDEX organisation_name_key IF NOT EXISTS FOR (n:Organisation) ON (n.name_key);
CREATE INDEX organisation_kvk IF NOT EXISTS FOR (n:Organisation) ON (n.kvk);
CREATE INDEX organisation_kind IF NOT EXISTS FOR (n:Organisation) ON (n.kind);
CREATE INDEX organisation_region IF NOT EXISTS FOR (n:Organisation) ON (n.region);
CREATE INDEX organisation_status IF NOT EXISTS FOR (n:Organisation) ON (n.status);
CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.name_key);
CREATE INDEX person_email_key IF NOT EXISTS FOR (n:Person) ON (n.email_key);
