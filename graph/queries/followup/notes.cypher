// The follow-up notes of one organisation: open ones first (soonest due first), then done ones.
MATCH (n:FollowUpNote)-[:ABOUT]->(o:Organisation {id: $organisation_id})
RETURN n {.id, .note, .assignee, .due, .done, .done_by, .created_by, .created_at, organisation_id: o.id} AS note
ORDER BY CASE WHEN n.done IS NULL THEN 0 ELSE 1 END ASC, n.due ASC, n.created_at ASC
