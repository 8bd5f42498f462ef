// Import: every person's match keys (email, name) and current employers, read once per import job.
MATCH (p:Person)
RETURN p.id AS id, p.email_key AS email_key, p.name_key AS name_key,
       [(p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL | o.id] AS organisation_ids
