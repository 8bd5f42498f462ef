// Import: the current records a batch of rows matched, to see what the import would change.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p {.*} AS person
