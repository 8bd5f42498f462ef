// How many organisations match the list filters (same WHERE as search.cypher).
MATCH (o:Organisation)
WHERE ($text = '' OR o.search_key CONTAINS $text)
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($status IS NULL OR o.status = $status)
  AND ($theme IS NULL OR $theme IN o.themes)
  AND ($tag IS NULL OR $tag IN o.tags)
RETURN count(o) AS total
