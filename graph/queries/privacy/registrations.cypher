// Access request and erasure: every registration of one person, linked to them or made
// with their email address, with its activity (as registrations/for_person.cypher finds them).
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:REGISTERED]->(linked:Registration)
WITH p, collect(linked) AS linked
OPTIONAL MATCH (same:Registration)
WHERE coalesce(p.email_key, '') <> '' AND same.email_key = p.email_key
WITH linked, collect(same) AS same
UNWIND linked + same AS r
WITH DISTINCT r
MATCH (r)-[:FOR]->(a:Activity)
RETURN r {.id, .name, .email, .organisation_name, .status, .attendance, .walk_in, .via, .remarks,
          .registered_at, .consent, activity_id: a.id, activity_title: a.title, activity_kind: a.kind,
          starts_at: a.starts_at} AS registration
ORDER BY a.starts_at DESC, r.id ASC
