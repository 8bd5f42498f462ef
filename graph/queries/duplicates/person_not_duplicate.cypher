// Remember that two persons are not the same: they are never proposed again.
MATCH (a:Person {id: $a_id})
MATCH (b:Person {id: $b_id})
MERGE (a)-[n:NOT_DUPLICATE]-(b)
ON CREATE SET n.at = datetime($now), n.by = $by
RETURN count(n) AS marked
