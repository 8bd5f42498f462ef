MATCH (p:Person {id: $id})
RETURN p {.*} AS person,
       [(p)-[w:WORKS_AT]->(o:Organisation) | {
          id: w.id, role: w.role, since: w.since, until: w.until,
          organisation_id: o.id, organisation_name: o.name
       }] AS employments
