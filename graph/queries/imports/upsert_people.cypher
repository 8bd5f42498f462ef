// Import: one batch of validated people, MERGEd on their id (existing, or derived from the
// match key), so a re-run writes the same nodes again.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.created_at = datetime($now)
SET p += row.props, p.updated_at = datetime($now)
RETURN count(p) AS written
