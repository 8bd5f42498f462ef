// One person with every stored property (a merge keeps them in the audit log for undo).
MATCH (n:Person {id: $id})
RETURN n {.*} AS props
