// Candidate duplicate people: the same email address, or the same name (folded, spacing
// ignored) at the same organisation; not marked "not a duplicate". One row per pair and reason.
MATCH (a:Person) WHERE a.email_key IS NOT NULL AND a.email_key <> ''
WITH a.email_key AS key, collect(a) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_email' AS reason
UNION ALL
MATCH (p:Person)-[:WORKS_AT]->(o:Organisation)
WHERE p.dedupe_name IS NOT NULL AND p.dedupe_name <> ''
WITH o, p.dedupe_name AS key, collect(DISTINCT p) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN DISTINCT a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_name_organisation' AS reason
