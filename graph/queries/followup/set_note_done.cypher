// Mark a follow-up note done ($done: an ISO day) or open again ($done null).
MATCH (n:FollowUpNote {id: $id})-[:ABOUT]->(o:Organisation {id: $organisation_id})
SET n.done = $done, n.done_by = CASE WHEN $done IS NULL THEN null ELSE $actor END, n.updated_at = datetime($now)
RETURN n {.id, .note, .assignee, .due, .done, .done_by, .created_by, .created_at, organisation_id: o.id} AS note
