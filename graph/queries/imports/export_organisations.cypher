// Export: the organisation list as filtered and sorted on screen (same WHERE and ORDER BY
// as organisations/search.cypher), every field, one page of rows at a time.
MATCH (o:Organisation)
WHERE ($text = '' OR o.search_key CONTAINS $text)
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($status IS NULL OR o.status = $status)
  AND ($theme IS NULL OR $theme IN o.themes)
  AND ($tag IS NULL OR $tag IN o.tags)
WITH o
ORDER BY
  CASE WHEN $sort = 'name' THEN o.name_key END ASC,
  CASE WHEN $sort = '-name' THEN o.name_key END DESC,
  CASE WHEN $sort = '-updated' THEN o.updated_at END DESC,
  CASE WHEN $sort = 'city' THEN o.city END ASC,
  o.name_key ASC, o.id ASC
SKIP $offset LIMIT $limit
RETURN o {.*} AS organisation
