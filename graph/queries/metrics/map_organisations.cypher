// The organisations on the ecosystem map: filtered; those matching the map's search first
// (so a search finds them however large the network), then the most connected (cached degree).
MATCH (o:Organisation)
WHERE ($region IS NULL OR o.region = $region)
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($status IS NULL OR o.status = $status)
  AND ($theme IS NULL OR $theme IN o.themes)
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.region AS region, o.status AS status,
       coalesce(o.metric_degree, 0) AS degree
ORDER BY CASE WHEN $search <> '' AND o.search_key CONTAINS $search THEN 0 ELSE 1 END ASC,
         degree DESC, o.name_key ASC
LIMIT $limit
