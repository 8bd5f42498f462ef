// A follow-up note on an organisation: who will call, by when.
MATCH (o:Organisation {id: $organisation_id})
CREATE (n:FollowUpNote {id: $id})
SET n.note = $note, n.assignee = $assignee, n.due = $due, n.done = null,
    n.created_by = $actor, n.created_at = datetime($now)
CREATE (n)-[:ABOUT]->(o)
RETURN n {.id, .note, .assignee, .due, .done, .done_by, .created_by, .created_at, organisation_id: o.id} AS note
