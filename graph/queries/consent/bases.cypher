// For each of the given people: their general basis and their consent records of one
// purpose (lo_network.domain.consent.has_basis decides who may be shown).
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
RETURN p.id AS id, p.consent_basis AS general_basis,
       [(p)-[c:CONSENT]->(:Purpose {key: $purpose}) | {purpose: c.purpose, withdrawn: c.withdrawn}] AS records
