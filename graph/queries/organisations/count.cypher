// How many organisations match the list's text and filters (same candidates and checks as
// search.cypher; without text or filter the store counts the label: count_all.cypher).
CALL db.index.fulltext.queryNodes('organisation_search', $search) YIELD node AS o
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($region IS NULL OR o.region = $region)
  AND ($status IS NULL OR o.status = $status)
  AND ($theme IS NULL OR $theme IN o.themes)
  AND ($tag IS NULL OR $tag IN o.tags)
RETURN count(o) AS total
