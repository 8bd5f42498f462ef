// Hang an activity (a session) under a living lab or project; $project_id null detaches it.
MATCH (a:Activity {id: $id})
OPTIONAL MATCH (a)-[old:PART_OF]->(:Activity)
DELETE old
WITH DISTINCT a
MATCH (p:Activity {id: $project_id})
WHERE p.kind IN ['living_lab', 'project'] AND p.id <> a.id
MERGE (a)-[:PART_OF]->(p)
RETURN p.id AS project_id
