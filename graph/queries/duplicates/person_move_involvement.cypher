// Merge: the employments, activity registrations and consent records of the
// dropped person move to the kept one.
MATCH (k:Person {id: $keep_id})
MATCH (d:Person {id: $drop_id})
CALL (k, d) {
  MATCH (d)-[w:WORKS_AT]->(o:Organisation)
  CREATE (k)-[m:WORKS_AT]->(o)
  SET m = properties(w), m.merged_from = d.id
  DELETE w
  RETURN count(m) AS jobs
}
CALL (k, d) {
  MATCH (d)-[r:REGISTERED_FOR]->(a)
  CREATE (k)-[m:REGISTERED_FOR]->(a)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS registrations
}
CALL (k, d) {
  MATCH (d)-[r:REGISTERED]->(g:Registration)
  CREATE (k)-[m:REGISTERED]->(g)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS signed_up
}
CALL (k, d) {
  MATCH (d)-[c:CONSENT]->(u:Purpose)
  CREATE (k)-[m:CONSENT]->(u)
  SET m = properties(c), m.merged_from = d.id
  DELETE c
  RETURN count(m) AS consents
}
RETURN jobs + registrations + signed_up + consents AS moved
