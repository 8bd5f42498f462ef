// The milestones of an activity go with it.
MATCH (m:Milestone)-[:OF]->(:Activity {id: $id})
DETACH DELETE m
RETURN count(*) AS deleted
