"""The embedded graph server: Neo4j Community 5.26 with its Bolt connector on loopback
(``embedded/neo4j``), or ArcadeDB with its Bolt plugin when LO_GRAPH_ENGINE=arcadedb."""
