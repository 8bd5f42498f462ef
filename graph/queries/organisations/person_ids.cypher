// The people who work or worked at an organisation (ids only: checked against the privacy rules).
MATCH (:Organisation {id: $id})<-[:WORKS_AT]-(p:Person)
RETURN collect(DISTINCT p.id) AS ids
