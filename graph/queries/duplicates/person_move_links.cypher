// Merge: the LINKs of the dropped person move to the kept one (not those between the two),
// each marked merged_from so an undo can move it back.
MATCH (k:Person {id: $keep_id})
MATCH (d:Person {id: $drop_id})
CALL (k, d) {
  MATCH (d)-[l:LINK]->(x:Person) WHERE x.id <> k.id
  CREATE (k)-[m:LINK]->(x)
  SET m = properties(l), m.merged_from = d.id
  DELETE l
  RETURN count(m) AS out_moved
}
CALL (k, d) {
  MATCH (d)<-[l:LINK]-(x:Person) WHERE x.id <> k.id
  CREATE (k)<-[m:LINK]-(x)
  SET m = properties(l), m.merged_from = d.id
  DELETE l
  RETURN count(m) AS in_moved
}
RETURN out_moved + in_moved AS moved
