"""The embedded graph server: Neo4j Community 5.26 with its Bolt connector on loopback
(``embedded/neo4j``), run as its own process by ``launcher`` and kept up by ``supervisor``."""
