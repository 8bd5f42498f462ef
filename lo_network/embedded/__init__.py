"""The embedded graph server: ArcadeDB with its Neo4j-Bolt plugin, on loopback."""
