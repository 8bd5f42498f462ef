// Who to tell when an activity changes: registered people with an email and their token hash.
MATCH (r:Registration)-[:FOR]->(a:Activity {id: $id})
WHERE r.status IN ['registered', 'waitlisted'] AND coalesce(r.email, '') <> ''
RETURN r {.id, .name, .email, .status} AS registration
