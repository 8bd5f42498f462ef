// First statement of every seat-changing transaction: writing reg_seq takes the activity's
// write lock (Neo4j holds it to commit: a concurrent transaction waits), so counting and
// creating after it cannot overbook.
MATCH (a:Activity {id: $id})
SET a.reg_seq = coalesce(a.reg_seq, 0) + 1
RETURN a {.*} AS activity, a.reg_seq AS seq
