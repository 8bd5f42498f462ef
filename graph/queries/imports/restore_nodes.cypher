// Restore (lo-network restore): the nodes of one label set. __LABEL__ is replaced by the
// label(s) of the batch, each checked to be a plain identifier and quoted: labels cannot be
// parameters on the embedded server (CREATE (n:$(x)) makes label-less nodes there).
// Temporal properties travel as ISO text and become temporal values again here.
UNWIND $rows AS row
CREATE (n:__LABEL__)
SET n += row.props
FOREACH (k IN keys(row.datetimes) | SET n[k] = datetime(row.datetimes[k]))
FOREACH (k IN keys(row.local_datetimes) | SET n[k] = localdatetime(row.local_datetimes[k]))
FOREACH (k IN keys(row.dates) | SET n[k] = date(row.dates[k]))
RETURN count(n) AS created
