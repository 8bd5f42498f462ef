// Erasure: the person's own data on the given registrations goes (name, email, remarks, the
// personal link); status, attendance and position stay, so the counts per activity hold.
// The key that keeps one registration per person per activity no longer names them.
UNWIND $ids AS rid
MATCH (r:Registration {id: rid})-[:FOR]->(a:Activity)
SET r.name = $name, r.email = '', r.email_key = '', r.remarks = '', r.search_key = '',
    r.token_hash = '', r.who_key = a.id + '|x:' + r.id, r.erased_at = datetime($now),
    r.updated_at = datetime($now)
RETURN count(r) AS registrations
