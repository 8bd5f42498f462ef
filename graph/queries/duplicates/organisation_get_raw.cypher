// One organisation with every stored property (a merge keeps them in the audit log for undo).
MATCH (n:Organisation {id: $id})
RETURN n {.*} AS props
