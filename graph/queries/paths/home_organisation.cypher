// The organisation a signed-in user works at now: the person with the user's email address.
MATCH (p:Person {email_key: $email})-[w:WORKS_AT]->(o:Organisation)
WHERE w.until IS NULL OR w.until >= $today
RETURN o.id AS id, o.name AS name
ORDER BY w.since DESC
LIMIT 1
