// Replace the organising organisations of an activity by the given ones (unknown ids are skipped).
MATCH (a:Activity {id: $id})
OPTIONAL MATCH (:Organisation)-[old:ORGANISES]->(a)
DELETE old
WITH DISTINCT a
UNWIND $organiser_ids AS oid
MATCH (o:Organisation {id: oid})
MERGE (o)-[:ORGANISES]->(a)
RETURN count(o) AS linked
