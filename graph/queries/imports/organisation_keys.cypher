// Import: every organisation's match keys (KvK number, website, name), read once per import
// job; the matching itself (domain/imports.py) runs on these few properties.
MATCH (o:Organisation)
RETURN o.id AS id, o.kvk AS kvk, o.website AS website, o.name AS name
