// Links between organisations that began by $today, counted per pair of regions and theme
// lists and per month of beginning and of ending (a few thousand rows however large the
// network; domain/kpis.cross_links counts those of one month from them). A link began on its
// `since` date, or else when it was recorded.
MATCH (a:Organisation)-[l:LINK]->(b:Organisation)
WITH a, b, l, coalesce(l.since, toString(date(l.created_at))) AS began
WHERE began <= $today
RETURN a.region AS region_a, b.region AS region_b, a.themes AS themes_a, b.themes AS themes_b,
       substring(began, 0, 7) AS from_month, substring(l.until, 0, 7) AS to_month, count(l) AS links
