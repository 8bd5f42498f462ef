// Known people with this email address (a contact registered by email may be a
// known person, whose basis for invitations then decides).
MATCH (p:Person)
WHERE p.email_key = $email_key AND p.erased_at IS NULL
RETURN p.id AS id, p.name AS name
