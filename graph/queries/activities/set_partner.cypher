// A partner organisation of a living lab or project, with its role (lead, partner, ...).
MATCH (a:Activity {id: $id})
WHERE a.kind IN ['living_lab', 'project']
WITH a
MATCH (o:Organisation {id: $organisation_id})
MERGE (o)-[p:PARTNER_IN]->(a)
SET p.role = $role
RETURN o.id AS organisation_id, p.role AS role
