// Undo of a merge: one relationship that the merge deleted (between the two organisations, a
// "not a duplicate" mark, or a partnership in / organisation of an activity the kept one had
// too) comes back, in its direction, with its properties.
MATCH (d:Organisation {id: $drop_id})
OPTIONAL MATCH (x:Organisation {id: $other_id})
OPTIONAL MATCH (a:Activity {id: $other_id})
FOREACH (_ IN CASE WHEN $rel = 'LINK' AND $outgoing AND x IS NOT NULL THEN [1] ELSE [] END |
  CREATE (d)-[m:LINK]->(x) SET m = $props)
FOREACH (_ IN CASE WHEN $rel = 'LINK' AND NOT $outgoing AND x IS NOT NULL THEN [1] ELSE [] END |
  CREATE (d)<-[m:LINK]-(x) SET m = $props)
FOREACH (_ IN CASE WHEN $rel = 'NOT_DUPLICATE' AND x IS NOT NULL THEN [1] ELSE [] END |
  CREATE (d)-[m:NOT_DUPLICATE]->(x) SET m = $props)
FOREACH (_ IN CASE WHEN $rel = 'PARTNER_IN' AND a IS NOT NULL THEN [1] ELSE [] END |
  CREATE (d)-[m:PARTNER_IN]->(a) SET m = $props)
FOREACH (_ IN CASE WHEN $rel = 'ORGANISES' AND a IS NOT NULL THEN [1] ELSE [] END |
  CREATE (d)-[m:ORGANISES]->(a) SET m = $props)
RETURN d.id AS id
