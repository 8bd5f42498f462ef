// After delete_registrations.cypher, in the same transaction.
MATCH (a:Activity {id: $id})
WITH a, a.title AS title
DETACH DELETE a
RETURN title
