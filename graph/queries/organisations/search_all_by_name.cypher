// One page of every organisation by name (the list's first view): read in the order of the
// name_key index, so the page costs its own rows, not a sort of the whole label. Paging by
// offset, or by keyset after the previous page's last row ($after_name, $after_id); ties are
// broken by id, as in search_all.cypher, which serves the other orders.
MATCH (o:Organisation)
WHERE o.name_key >= coalesce($after_name, '')
  AND ($after_id IS NULL OR o.name_key > $after_name OR o.id > $after_id)
WITH o
ORDER BY o.name_key ASC, o.id ASC
SKIP $offset LIMIT $limit
RETURN o {.id, .name, .name_key, .kind, .company_type, .size_class, .kvk, .city, .region, .themes, .status, .tags, .updated_at} AS organisation
