"""The embedded graph server on Neo4j Community 5.26 itself: its jars fetched once by Maven
(``pom.xml``), a small Java launcher (``Neo4jServer.java``) compiled once, run in its own JVM."""
