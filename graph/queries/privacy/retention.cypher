// Retention review: people not erased, unchanged since $cutoff, with no basis for anything
// (general basis 'none' and no active consent record), no employment and no link to a
// person that lasted until $cutoff_date or later, and no registration (linked, or made
// with their email) made or for an activity held since $cutoff. Oldest first.
MATCH (p:Person)
WHERE p.erased_at IS NULL
  AND p.updated_at < datetime($cutoff)
  AND coalesce(p.consent_basis, 'none') = 'none'
  AND NOT EXISTS { (p)-[c:CONSENT]->(:Purpose) WHERE c.withdrawn IS NULL OR c.withdrawn > $today }
  AND NOT EXISTS { (p)-[w:WORKS_AT]->(:Organisation) WHERE w.until IS NULL OR w.until >= $cutoff_date }
  AND NOT EXISTS { (p)-[l:LINK]-(:Person) WHERE l.until IS NULL OR l.until >= $cutoff_date }
  AND NOT EXISTS { (p)-[:REGISTERED]->(r:Registration)-[:FOR]->(a:Activity)
                   WHERE r.registered_at >= datetime($cutoff) OR a.starts_at >= datetime($cutoff) }
  AND NOT EXISTS { (r:Registration)-[:FOR]->(a:Activity)
                   WHERE coalesce(p.email_key, '') <> '' AND r.email_key = p.email_key
                     AND (r.registered_at >= datetime($cutoff) OR a.starts_at >= datetime($cutoff)) }
RETURN p.id AS id, p.name AS name, p.updated_at AS updated_at
ORDER BY p.updated_at ASC, p.id ASC
LIMIT $limit
