// Is the graph there? Used by the health check and the UI banner.
RETURN 1 AS ok
