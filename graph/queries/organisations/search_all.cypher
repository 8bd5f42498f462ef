// One page of the organisation list when no text or filter is set: every organisation.
// Paging by offset ($offset rows skipped), or by keyset: with $after_id set, the rows after
// the previous page's last row ($after_name, $after_city, $after_id) in the same order, so a
// deep page costs what the first one does. Ties are broken by name_key, then id.
MATCH (o:Organisation)
WHERE $after_id IS NULL
  OR ($sort = 'name' AND (o.name_key > $after_name OR (o.name_key = $after_name AND o.id > $after_id)))
  OR ($sort = '-name' AND (o.name_key < $after_name OR (o.name_key = $after_name AND o.id > $after_id)))
  OR ($sort = 'city' AND (coalesce(o.city, '') > $after_city
    OR (coalesce(o.city, '') = $after_city AND (o.name_key > $after_name
      OR (o.name_key = $after_name AND o.id > $after_id)))))
WITH o
ORDER BY
  CASE WHEN $sort = 'name' THEN o.name_key END ASC,
  CASE WHEN $sort = '-name' THEN o.name_key END DESC,
  CASE WHEN $sort = '-updated' THEN o.updated_at END DESC,
  CASE WHEN $sort = 'city' THEN coalesce(o.city, '') END ASC,
  o.name_key ASC, o.id ASC
SKIP $offset LIMIT $limit
RETURN o {.id, .name, .name_key, .kind, .company_type, .size_class, .kvk, .city, .region, .themes, .status, .tags, .updated_at} AS organisation
