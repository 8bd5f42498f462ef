// Candidate duplicate organisations: pairs sharing a stored key (KvK number, name without
// legal form, website domain, general email address, phone number), not marked "not a
// duplicate". A key shared by more than $max_group records is ignored (it tells nothing).
// One row per pair and reason.
MATCH (a:Organisation) WHERE a.kvk IS NOT NULL AND a.kvk <> ''
WITH a.kvk AS key, collect(a) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_kvk' AS reason
UNION ALL
MATCH (a:Organisation) WHERE a.dedupe_name IS NOT NULL AND a.dedupe_name <> ''
WITH a.dedupe_name AS key, collect(a) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_name' AS reason
UNION ALL
MATCH (a:Organisation) WHERE a.website_domain IS NOT NULL AND a.website_domain <> ''
WITH a.website_domain AS key, collect(a) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_domain' AS reason
UNION ALL
MATCH (a:Organisation) WHERE a.email_key IS NOT NULL AND a.email_key <> ''
WITH a.email_key AS key, collect(a) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_email' AS reason
UNION ALL
MATCH (a:Organisation) WHERE a.phone_key IS NOT NULL AND a.phone_key <> ''
WITH a.phone_key AS key, collect(a) AS grp
WHERE size(grp) > 1 AND size(grp) <= $max_group
UNWIND grp AS a
UNWIND grp AS b
WITH a, b WHERE a.id < b.id AND NOT EXISTS { (a)-[:NOT_DUPLICATE]-(b) }
RETURN a.id AS a_id, b.id AS b_id, a.name AS a_name, b.name AS b_name, 'same_phone' AS reason
