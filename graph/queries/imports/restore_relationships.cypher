// Restore (lo-network restore): the relationships of one (from labels, type, to labels)
// group, between nodes found by their own id. __FROM__, __TYPE__ and __TO__ are replaced by
// checked, quoted identifiers (see restore_nodes.cypher).
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.from_id})
MATCH (b:__TO__ {id: row.to_id})
CREATE (a)-[r:__TYPE__]->(b)
SET r += row.props
FOREACH (k IN keys(row.datetimes) | SET r[k] = datetime(row.datetimes[k]))
FOREACH (k IN keys(row.local_datetimes) | SET r[k] = localdatetime(row.local_datetimes[k]))
FOREACH (k IN keys(row.dates) | SET r[k] = date(row.dates[k]))
RETURN count(r) AS created
