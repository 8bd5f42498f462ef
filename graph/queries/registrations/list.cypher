// The registrations of an activity: registered, walk-ins, waiting list (in order), cancelled.
MATCH (r:Registration)-[:FOR]->(a:Activity {id: $id})
WHERE ($text = '' OR r.search_key CONTAINS $text)
  AND ($status IS NULL OR r.status = $status)
OPTIONAL MATCH (p:Person)-[:REGISTERED]->(r)
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Organisation)
WITH r, p, o
ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'walk_in' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END,
         r.position ASC
SKIP $offset LIMIT $limit
RETURN r {.id, .name, .email, .organisation_name, .organisation_proposed, .status, .position,
          .attendance, .walk_in, .registered_at, .remarks, .via,
          person_id: p.id, organisation_id: o.id} AS registration
