// Import of attendances: one batch of registrations at past activities, MERGEd on their id
// (an existing registration's, or one derived from its who_key), so a re-run makes no second.
// A new one is the registration service's record (status, who_key, person, activity), marked
// imported, without a personal link (no token: no email goes out) and without a seat number.
UNWIND $rows AS row
MATCH (a:Activity {id: row.activity_id})
MATCH (p:Person {id: row.person_id})
MERGE (r:Registration {id: row.id})
ON CREATE SET r += row.create, r.registered_at = datetime($now), r.token_expires = a.ends_at
SET r.status = row.status, r.attendance = row.attendance, r.imported = true,
    r.checked_in_at = CASE WHEN row.attendance = 'present' THEN coalesce(r.checked_in_at, a.starts_at) ELSE null END,
    r.updated_at = datetime($now)
MERGE (r)-[:FOR]->(a)
MERGE (p)-[:REGISTERED]->(r)
RETURN count(r) AS written
