// Store computed duplicate keys: rows {id, dedupe_name, website_domain}.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.id})
SET o.dedupe_name = row.dedupe_name, o.website_domain = row.website_domain
RETURN count(o) AS updated
