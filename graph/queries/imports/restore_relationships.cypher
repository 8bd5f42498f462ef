// Restore (lo-network restore): a batch of relationships, each with its own type (a
// parameter: Neo4j 5.26's dynamic types, CREATE ()-[r:$(...)]->(); the store checked each
// against store.backup.RELATIONSHIP_TYPES first), between the nodes restore_nodes.cypher
// made, found by their element ids: a dynamic label in MATCH is not looked up in the id
// index on 5.26 (the planner scans every node), an element id is a direct seek.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:$(row.type)]->(b)
SET r += row.props
FOREACH (k IN keys(row.datetimes) | SET r[k] = datetime(row.datetimes[k]))
FOREACH (k IN keys(row.local_datetimes) | SET r[k] = localdatetime(row.local_datetimes[k]))
FOREACH (k IN keys(row.dates) | SET r[k] = date(row.dates[k]))
RETURN count(r) AS created
