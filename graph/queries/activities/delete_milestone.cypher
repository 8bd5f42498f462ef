MATCH (m:Milestone {id: $milestone_id})-[:OF]->(:Activity {id: $id})
DETACH DELETE m
RETURN count(*) AS deleted
