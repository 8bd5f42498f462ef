// Test: what the concurrency tests' writers left, counted (each count 0 when its parameter is null).
CALL () { MATCH (o:Organisation {id: $organisation_id}) RETURN count(o) AS organisations }
CALL () { MATCH (p:Person {id: $person_id}) RETURN count(p) AS people }
CALL () { MATCH (:Person {id: $person_id})-[w:WORKS_AT]->(:Organisation {id: $organisation_id})
          RETURN count(w) AS employments }
CALL () { MATCH (u:Purpose {key: $purpose}) RETURN count(u) AS purposes }
CALL () { MATCH (:Person)-[c:CONSENT]->(:Purpose {key: $purpose}) RETURN count(c) AS consents }
CALL () { MATCH (r:Registration)-[:FOR]->(:Activity {id: $activity_id}) RETURN count(r) AS registrations }
RETURN organisations, people, employments, purposes, consents, registrations
