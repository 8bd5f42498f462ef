// A person's participation: registrations linked to them, or made with their email address.
MATCH (p:Person {id: $person_id})
OPTIONAL MATCH (p)-[:REGISTERED]->(linked:Registration)
WITH p, collect(linked) AS linked
OPTIONAL MATCH (same:Registration)
WHERE coalesce(p.email_key, '') <> '' AND same.email_key = p.email_key
WITH linked, collect(same) AS same
UNWIND linked + same AS r
WITH DISTINCT r
MATCH (r)-[:FOR]->(a:Activity)
RETURN r {.id, .status, .attendance, activity_id: a.id, title: a.title, kind: a.kind,
          starts_at: a.starts_at} AS participation
ORDER BY a.starts_at DESC
LIMIT $limit
