MATCH (a:Activity {id: $id})
RETURN a {.*} AS activity,
       [(o:Organisation)-[:ORGANISES]->(a) | {id: o.id, name: o.name}] AS organisers,
       COUNT { (r:Registration)-[:FOR]->(a) WHERE r.status = 'registered' } AS registered,
       COUNT { (r:Registration)-[:FOR]->(a) WHERE r.status = 'waitlisted' } AS waitlisted,
       COUNT { (r:Registration)-[:FOR]->(a) WHERE r.status = 'walk_in' } AS walk_ins,
       COUNT { (r:Registration)-[:FOR]->(a) WHERE r.attendance = 'present' } AS present
