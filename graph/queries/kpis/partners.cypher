// Organisations that are partner in a living lab or project.
MATCH (o:Organisation)-[:PARTNER_IN]->(a:Activity)
RETURN o.id AS organisation_id, a.id AS activity_id
