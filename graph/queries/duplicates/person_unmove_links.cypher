// Undo of a merge: the LINKs moved from the dropped person go back to it.
MATCH (k:Person {id: $keep_id})
MATCH (d:Person {id: $drop_id})
CALL (k, d) {
  MATCH (k)-[l:LINK]->(x:Person) WHERE l.merged_from = d.id
  CREATE (d)-[m:LINK]->(x)
  SET m = properties(l)
  REMOVE m.merged_from
  DELETE l
  RETURN count(m) AS out_moved
}
CALL (k, d) {
  MATCH (k)<-[l:LINK]-(x:Person) WHERE l.merged_from = d.id
  CREATE (d)<-[m:LINK]-(x)
  SET m = properties(l)
  REMOVE m.merged_from
  DELETE l
  RETURN count(m) AS in_moved
}
RETURN out_moved + in_moved AS moved
