// Erasure: a person's consent records removed (no basis remains for anything).
MATCH (p:Person {id: $id})-[c:CONSENT]->(:Purpose)
DELETE c
RETURN count(*) AS consents
