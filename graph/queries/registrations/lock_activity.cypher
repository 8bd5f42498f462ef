// First statement of every seat-changing transaction: writing reg_seq takes the activity's
// write lock (Neo4j holds it to commit; ArcadeDB refuses a concurrent commit on the same
// record, and the driver retries), so counting and creating after it cannot overbook.
MATCH (a:Activity {id: $id})
SET a.reg_seq = coalesce(a.reg_seq, 0) + 1
RETURN a {.*} AS activity, a.reg_seq AS seq
