// Remember that two organisations are not the same: they are never proposed again.
MATCH (a:Organisation {id: $a_id})
MATCH (b:Organisation {id: $b_id})
MERGE (a)-[n:NOT_DUPLICATE]-(b)
ON CREATE SET n.at = datetime($now), n.by = $by
RETURN count(n) AS marked
