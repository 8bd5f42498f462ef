// A living lab or project: its partners (with role), milestones and the sessions held under it.
MATCH (a:Activity {id: $id})
RETURN [(o:Organisation)-[p:PARTNER_IN]->(a) | {id: o.id, name: o.name, role: p.role}] AS partners,
       [(m:Milestone)-[:OF]->(a) | m {.id, .title, .due, .done}] AS milestones,
       [(s:Activity)-[:PART_OF]->(a) | s {.id, .title, .starts_at}] AS sessions,
       [(a)-[:PART_OF]->(p:Activity) | p {.id, .title}] AS parent
