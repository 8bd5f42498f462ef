// One page of organisations by name, read in the order of the name_key index: the page costs
// the index entries read until it is full, not a sort of every match. Serves the list's first
// view (no text, no filter: every organisation) and a filter without text that matches many
// (region, kind, status, theme, tag: the store chooses this query when the matches are dense
// enough that the page fills after a few thousand entries; a rare one goes through the
// full-text index, search.cypher). Paging by offset, or by keyset after the previous page's last
// row ($after_name, $after_id); ties are broken by id, as in search.cypher and search_all.cypher.
MATCH (o:Organisation)
WHERE o.name_key >= coalesce($after_name, '')
  AND ($after_id IS NULL OR o.name_key > $after_name OR o.id > $after_id)
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($status IS NULL OR o.status = $status)
  AND ($theme IS NULL OR $theme IN o.themes)
  AND ($tag IS NULL OR $tag IN o.tags)
WITH o
ORDER BY o.name_key ASC, o.id ASC
SKIP $offset LIMIT $limit
RETURN o {.id, .name, .name_key, .kind, .company_type, .size_class, .kvk, .city, .region, .themes, .status, .tags, .updated_at} AS organisation
