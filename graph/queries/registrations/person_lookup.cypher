// Known people to register (organiser's picker): name, email and current organisation. The
// full-text index finds the candidates ($search, made by domain.text.fulltext_query;
// $candidates of them, best scored first), ranked: a name starting with the text, a name
// with a word starting with it, then the rest; then by score and name.
CALL db.index.fulltext.queryNodes('person_search', $search, {limit: $candidates}) YIELD node AS p, score
WITH p, score,
  CASE
    WHEN p.search_key STARTS WITH $plain THEN 0
    WHEN split(p.search_key, ' | ')[0] CONTAINS ' ' + $plain THEN 1
    ELSE 2
  END AS rank
ORDER BY rank, score DESC, p.name_key
LIMIT $limit
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organisation) WHERE w.until IS NULL
WITH p, collect(o {.id, .name})[0] AS org
RETURN p.id AS id, p.name AS name, p.email AS email, org.id AS organisation_id, org.name AS organisation_name
