// Store computed duplicate keys: rows {id, dedupe_name}.
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.dedupe_name = row.dedupe_name
RETURN count(p) AS updated
