// Full-text indexes behind search as you type and the lists' text search and filters.
// search_key is already folded by the app (lower case, accents removed: domain.text.fold);
// the analyzer splits it into words and keeps every word (no English stop words, no
// stemming: 'de', 'van', 'of' are part of Dutch and English names). The list filters'
// fields are indexed too, so any combination of text and filters is one index query
// (domain.text.fulltext_query builds it; the Cypher keeps the exact predicates).
CREATE FULLTEXT INDEX organisation_search IF NOT EXISTS
FOR (n:Organisation) ON EACH [n.search_key, n.kind, n.region, n.status, n.themes, n.tags]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX person_search IF NOT EXISTS
FOR (n:Person) ON EACH [n.search_key, n.tags]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
