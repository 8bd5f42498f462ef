// Undo of a merge: one relationship that the merge deleted (between the two persons, or a
// "not a duplicate" mark) comes back, in its direction, with its properties.
MATCH (d:Person {id: $drop_id})
MATCH (x:Person {id: $other_id})
FOREACH (_ IN CASE WHEN $rel = 'LINK' AND $outgoing THEN [1] ELSE [] END |
  CREATE (d)-[m:LINK]->(x) SET m = $props)
FOREACH (_ IN CASE WHEN $rel = 'LINK' AND NOT $outgoing THEN [1] ELSE [] END |
  CREATE (d)<-[m:LINK]-(x) SET m = $props)
FOREACH (_ IN CASE WHEN $rel = 'NOT_DUPLICATE' THEN [1] ELSE [] END |
  CREATE (d)-[m:NOT_DUPLICATE]->(x) SET m = $props)
RETURN d.id AS id
