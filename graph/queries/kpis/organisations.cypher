// The facts the growth measures need about every organisation, as one record of columns
// (one list per property, in the same order): read about twice as fast as a record per
// organisation. collect() leaves nulls out, so each value that may be missing is '' or [].
MATCH (o:Organisation)
RETURN collect(o.id) AS id, collect(coalesce(o.kind, '')) AS kind, collect(coalesce(o.region, '')) AS region,
       collect(coalesce(o.themes, [])) AS themes, collect(coalesce(o.status, '')) AS status,
       collect(coalesce(o.status_log, [])) AS status_log, collect(coalesce(o.size_class, '')) AS size_class
