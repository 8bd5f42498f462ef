// Which graph server answers: name, versions and edition of its kernel (Neo4j's dbms.components).
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
