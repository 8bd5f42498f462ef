MATCH (m:Milestone {id: $milestone_id})-[:OF]->(:Activity {id: $id})
SET m.done = $done
RETURN m {.*} AS milestone
