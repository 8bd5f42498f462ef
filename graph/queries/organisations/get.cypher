MATCH (o:Organisation {id: $id})
RETURN o {.*} AS organisation,
       [(p:Person)-[w:WORKS_AT]->(o) | {
          id: w.id, role: w.role, since: w.since, until: w.until,
          person_id: p.id, person_name: p.name, email: p.email, job_title: p.job_title
       }] AS people
