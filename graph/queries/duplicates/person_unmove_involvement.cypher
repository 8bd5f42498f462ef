// Undo of a merge: employments, registrations and consent records moved from the dropped
// person go back to it.
MATCH (k:Person {id: $keep_id})
MATCH (d:Person {id: $drop_id})
CALL (k, d) {
  MATCH (k)-[w:WORKS_AT]->(o:Organisation) WHERE w.merged_from = d.id
  CREATE (d)-[m:WORKS_AT]->(o)
  SET m = properties(w)
  REMOVE m.merged_from
  DELETE w
  RETURN count(m) AS jobs
}
CALL (k, d) {
  MATCH (k)-[r:REGISTERED_FOR]->(a) WHERE r.merged_from = d.id
  CREATE (d)-[m:REGISTERED_FOR]->(a)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS registrations
}
CALL (k, d) {
  MATCH (k)-[r:REGISTERED]->(g:Registration) WHERE r.merged_from = d.id
  CREATE (d)-[m:REGISTERED]->(g)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS signed_up
}
CALL (k, d) {
  MATCH (k)-[c:CONSENT]->(u:Purpose) WHERE c.merged_from = d.id
  CREATE (d)-[m:CONSENT]->(u)
  SET m = properties(c)
  REMOVE m.merged_from
  DELETE c
  RETURN count(m) AS consents
}
RETURN jobs + registrations + signed_up + consents AS moved
