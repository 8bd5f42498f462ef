// Coordinators' follow-up list "consent about to lapse" (definitions in
// lo_network/domain/followup.py): people with a consent (basis 'consent', not withdrawn) given
// between $from_date and $to_date (ISO days: the consents whose validity ends in the coming
// window). Per purpose the newest record decides; the general basis (consent_basis 'consent'
// with consent_date) counts as purpose 'general'. Filters by the current employer's kind,
// region and theme. $directory: only people with a basis for the network directory.
// One read: the count and one page (offset), soonest lapse first.
MATCH (p:Person)
WHERE p.erased_at IS NULL
  AND ($kind IS NULL AND $region IS NULL AND $theme IS NULL
    OR EXISTS { (p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL
      AND ($kind IS NULL OR o.kind = $kind) AND ($region IS NULL OR o.region = $region)
      AND ($theme IS NULL OR $theme IN o.themes) })
  AND ($directory IS NULL
    OR EXISTS { (p)-[c:CONSENT]->(:Purpose {key: 'directory'}) WHERE c.withdrawn IS NULL OR c.withdrawn > $today }
    OR (NOT EXISTS { (p)-[:CONSENT]->(:Purpose {key: 'directory'}) } AND coalesce(p.consent_basis, 'none') <> 'none'))
WITH p,
  [(p)-[c:CONSENT]->(u:Purpose)
    WHERE c.basis = 'consent' AND (c.withdrawn IS NULL OR c.withdrawn > $today)
      AND c.date >= $from_date AND c.date <= $to_date
      AND NOT EXISTS { (p)-[n:CONSENT]->(u) WHERE n.date > c.date OR (n.date = c.date AND n.created_at > c.created_at) }
    | {purpose: c.purpose, date: c.date}]
  + CASE WHEN p.consent_basis = 'consent' AND p.consent_date >= $from_date AND p.consent_date <= $to_date
      THEN [{purpose: 'general', date: p.consent_date}] ELSE [] END AS lapsing
WHERE size(lapsing) > 0
WITH p, lapsing, reduce(first = null, x IN lapsing | CASE WHEN first IS NULL OR x.date < first THEN x.date ELSE first END) AS first
ORDER BY first ASC, p.name_key ASC, p.id ASC
WITH collect({p: p, lapsing: lapsing}) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS shown
UNWIND CASE WHEN size(shown) = 0 THEN [null] ELSE shown END AS row
WITH total, row.p AS p, row.lapsing AS lapsing
RETURN total,
  CASE WHEN p IS NULL THEN null ELSE p {.id, .name, .email, .phone, .job_title, .consent_basis, .consent_date,
    lapsing: lapsing,
    organisations: [(p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL | o {.id, .name}]} END AS person
