MATCH (a:Activity {id: $id})
WHERE a.kind IN ['living_lab', 'project']
CREATE (m:Milestone {id: $milestone_id})-[:OF]->(a)
SET m += $props, m.done = false, m.created_at = datetime($now)
RETURN m {.*} AS milestone
