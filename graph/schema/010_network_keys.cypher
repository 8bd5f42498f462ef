// The network itself: keys behind duplicate detection and the cached network measures.
// Duplicate keys are computed by lo_network.domain.duplicates and stored on each record.
CREATE INDEX organisation_website_domain IF NOT EXISTS FOR (n:Organisation) ON (n.website_domain);
CREATE INDEX organisation_dedupe_name IF NOT EXISTS FOR (n:Organisation) ON (n.dedupe_name);
CREATE INDEX person_dedupe_name IF NOT EXISTS FOR (n:Person) ON (n.dedupe_name);
CREATE INDEX organisation_metric_betweenness IF NOT EXISTS FOR (n:Organisation) ON (n.metric_betweenness);
CREATE INDEX person_metric_betweenness IF NOT EXISTS FOR (n:Person) ON (n.metric_betweenness);
