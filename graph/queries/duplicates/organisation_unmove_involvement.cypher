// Undo of a merge: what organisation_move_involvement moved from the dropped organisation
// (marked merged_from) goes back to it.
MATCH (k:Organisation {id: $keep_id})
MATCH (d:Organisation {id: $drop_id})
CALL (k, d) {
  MATCH (k)<-[w:WORKS_AT]-(p:Person) WHERE w.merged_from = d.id
  CREATE (p)-[m:WORKS_AT]->(d)
  SET m = properties(w)
  REMOVE m.merged_from
  DELETE w
  RETURN count(m) AS jobs
}
CALL (k, d) {
  MATCH (k)<-[r:ON_BEHALF_OF]-(g:Registration) WHERE r.merged_from = d.id
  CREATE (g)-[m:ON_BEHALF_OF]->(d)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS registrations
}
CALL (k, d) {
  MATCH (k)<-[r:ABOUT]-(n:FollowUpNote) WHERE r.merged_from = d.id
  CREATE (n)-[m:ABOUT]->(d)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS notes
}
CALL (k, d) {
  MATCH (k)<-[r:GRANTED_TO]-(g:Grant) WHERE r.merged_from = d.id
  CREATE (g)-[m:GRANTED_TO]->(d)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS grants
}
CALL (k, d) {
  MATCH (k)-[r:PARTNER_IN]->(a:Activity) WHERE r.merged_from = d.id
  CREATE (d)-[m:PARTNER_IN]->(a)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS partnerships
}
CALL (k, d) {
  MATCH (k)-[r:ORGANISES]->(a:Activity) WHERE r.merged_from = d.id
  CREATE (d)-[m:ORGANISES]->(a)
  SET m = properties(r)
  REMOVE m.merged_from
  DELETE r
  RETURN count(m) AS organised
}
RETURN jobs + registrations + notes + grants + partnerships + organised AS moved
