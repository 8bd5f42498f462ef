// The facts the growth measures need, one compact row per organisation.
MATCH (o:Organisation)
RETURN o.id AS id, o.kind AS kind, o.region AS region, o.themes AS themes, o.status AS status,
       o.status_log AS status_log, o.size_class AS size_class
