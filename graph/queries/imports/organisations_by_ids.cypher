// The current records of these ids: what an import batch matched (to see what it would change),
// and every field of a page of the list export.
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
RETURN o {.*} AS organisation
