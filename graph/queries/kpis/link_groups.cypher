// Issue 6: current links between organisations, counted per pair of regions and theme lists
// (a few hundred rows however large the network; domain/kpis.cross_links reads them).
MATCH (a:Organisation)-[l:LINK]->(b:Organisation)
WHERE l.until IS NULL OR l.until >= $today
RETURN a.region AS region_a, b.region AS region_b, a.themes AS themes_a, b.themes AS themes_b,
       count(l) AS links
