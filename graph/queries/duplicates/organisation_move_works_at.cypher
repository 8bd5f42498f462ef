// Merge: the people who work(ed) at the dropped organisation now work(ed) at the kept one.
MATCH (k:Organisation {id: $keep_id})
MATCH (d:Organisation {id: $drop_id})<-[w:WORKS_AT]-(p:Person)
CREATE (p)-[m:WORKS_AT]->(k)
SET m = properties(w), m.merged_from = d.id
DELETE w
RETURN count(m) AS moved
