// Merge: what the dropped organisation takes part in moves to the kept one: the people who
// work(ed) there, the registrations made on its behalf, its follow-up notes and grants, and
// the activities it organises or is partner in (where the kept one organises or is partner
// in the same activity already, the dropped one's relationship goes with it; the merge's
// audit entry keeps it for an undo). Each moved relationship is marked merged_from.
MATCH (k:Organisation {id: $keep_id})
MATCH (d:Organisation {id: $drop_id})
CALL (k, d) {
  MATCH (d)<-[w:WORKS_AT]-(p:Person)
  CREATE (p)-[m:WORKS_AT]->(k)
  SET m = properties(w), m.merged_from = d.id
  DELETE w
  RETURN count(m) AS jobs
}
CALL (k, d) {
  MATCH (d)<-[r:ON_BEHALF_OF]-(g:Registration)
  CREATE (g)-[m:ON_BEHALF_OF]->(k)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS registrations
}
CALL (k, d) {
  MATCH (d)<-[r:ABOUT]-(n:FollowUpNote)
  CREATE (n)-[m:ABOUT]->(k)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS notes
}
CALL (k, d) {
  MATCH (d)<-[r:GRANTED_TO]-(g:Grant)
  CREATE (g)-[m:GRANTED_TO]->(k)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS grants
}
CALL (k, d) {
  MATCH (d)-[r:PARTNER_IN]->(a:Activity)
  WHERE NOT (k)-[:PARTNER_IN]->(a)
  CREATE (k)-[m:PARTNER_IN]->(a)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS partnerships
}
CALL (k, d) {
  MATCH (d)-[r:ORGANISES]->(a:Activity)
  WHERE NOT (k)-[:ORGANISES]->(a)
  CREATE (k)-[m:ORGANISES]->(a)
  SET m = properties(r), m.merged_from = d.id
  DELETE r
  RETURN count(m) AS organised
}
RETURN jobs + registrations + notes + grants + partnerships + organised AS moved
