// How big is the network? Used by seed-demo (only into an empty graph) and the status line.
RETURN COUNT { (:Organisation) } AS organisations, COUNT { (:Person) } AS people
