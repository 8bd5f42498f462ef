// A cartesian product: Neo4j answers with a performance notification.
MATCH (a:Organisation), (b:Person)
RETURN count(*)
