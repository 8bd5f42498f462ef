// Pick an organisation by name as you type (search boxes, employment form, introductions,
// links, organisers and partners). The full-text index finds the candidates ($search, made
// by domain.text.fulltext_query; $candidates of them, best scored first); they are ranked:
// the name itself, names starting with the text, names with a word starting with it, then
// the rest; then by score and name. $plain is the folded text without dots and legal forms
// (domain.text.ranked_text), compared with the folded name without dots.
CALL db.index.fulltext.queryNodes('organisation_search', $search, {limit: $candidates}) YIELD node AS o, score
WITH o, score, replace(o.name_key, '.', '') AS name
WITH o, score,
  CASE
    WHEN name = $plain THEN 0
    WHEN name STARTS WITH $plain THEN 1
    WHEN name CONTAINS ' ' + $plain THEN 2
    ELSE 3
  END AS rank
ORDER BY rank, score DESC, o.name_key
LIMIT $limit
RETURN o.id AS id, o.name AS name, o.city AS city
