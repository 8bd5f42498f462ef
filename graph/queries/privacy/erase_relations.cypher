// Erasure: the free text on a person's employments and links (role, note, source) removed.
MATCH (p:Person {id: $id})-[r:WORKS_AT|LINK]-()
SET r.role = null, r.note = null, r.source = null
RETURN count(r) AS relations
