// Restore (lo-network restore): a batch of nodes, each with its own labels. The labels are
// a parameter (Neo4j 5.26's dynamic labels, CREATE (n:$(...))); the store checked each
// against the labels the schema keys by id before sending them. Temporal properties travel
// as ISO text and become temporal values again here. Returns each node's element id, by
// which the relationships find their end nodes (restore_relationships.cypher).
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n += row.props
FOREACH (k IN keys(row.datetimes) | SET n[k] = datetime(row.datetimes[k]))
FOREACH (k IN keys(row.local_datetimes) | SET n[k] = localdatetime(row.local_datetimes[k]))
FOREACH (k IN keys(row.dates) | SET n[k] = date(row.dates[k]))
RETURN row.labels AS labels, n.id AS id, elementId(n) AS element_id
