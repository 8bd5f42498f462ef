// Names the network holds none of: Neo4j answers with "UNRECOGNIZED" notifications.
MATCH (m:NoSuchLabelYet)-[:NO_SUCH_TYPE]->(a)
RETURN m.no_such_property
