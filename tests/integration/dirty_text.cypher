// Test support (tests/integration/test_hardening_text.py): text with control characters and
// bidi overrides written straight into the graph, around the domain's text edge, as data
// stored before that edge existed. Not used by the application.
MATCH (n)
WHERE (n:Organisation OR n:Registration OR n:Activity) AND n.id = $id
SET n += $props
RETURN n.id AS id
