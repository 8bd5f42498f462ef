// The registrations of an activity go with it.
MATCH (r:Registration)-[:FOR]->(:Activity {id: $id})
DETACH DELETE r
RETURN count(*) AS deleted
