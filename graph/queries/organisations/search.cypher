// One page of the organisations matching the list's text and filters: the full-text index
// (organisation_search) finds the candidates for any combination of them in one query
// ($search, made by domain.text.fulltext_query); the exact filters are checked here.
// Paging by offset ($offset rows skipped), or by keyset: with $after_id set, the rows after
// the previous page's last row ($after_name, $after_city, $after_id) in the same order.
// Ties are broken by name_key, then id. Without text or filter: search_all.cypher.
CALL db.index.fulltext.queryNodes('organisation_search', $search) YIELD node AS o
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($status IS NULL OR o.status = $status)
  AND ($theme IS NULL OR $theme IN o.themes)
  AND ($tag IS NULL OR $tag IN o.tags)
  AND ($after_id IS NULL
    OR ($sort = 'name' AND (o.name_key > $after_name OR (o.name_key = $after_name AND o.id > $after_id)))
    OR ($sort = '-name' AND (o.name_key < $after_name OR (o.name_key = $after_name AND o.id > $after_id)))
    OR ($sort = 'city' AND (coalesce(o.city, '') > $after_city
      OR (coalesce(o.city, '') = $after_city AND (o.name_key > $after_name
        OR (o.name_key = $after_name AND o.id > $after_id))))))
WITH o
ORDER BY
  CASE WHEN $sort = 'name' THEN o.name_key END ASC,
  CASE WHEN $sort = '-name' THEN o.name_key END DESC,
  CASE WHEN $sort = '-updated' THEN o.updated_at END DESC,
  CASE WHEN $sort = 'city' THEN coalesce(o.city, '') END ASC,
  o.name_key ASC, o.id ASC
SKIP $offset LIMIT $limit
RETURN o {.id, .name, .name_key, .kind, .company_type, .size_class, .kvk, .city, .region, .themes, .status, .tags, .updated_at} AS organisation
