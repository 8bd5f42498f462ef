// Undo of a merge: employments moved from the dropped organisation go back to it.
MATCH (k:Organisation {id: $keep_id})<-[w:WORKS_AT]-(p:Person)
WHERE w.merged_from = $drop_id
MATCH (d:Organisation {id: $drop_id})
CREATE (p)-[m:WORKS_AT]->(d)
SET m = properties(w)
REMOVE m.merged_from
DELETE w
RETURN count(m) AS moved
