// How many relationships the graph holds (backup manifest, restore check).
MATCH ()-[r]->()
RETURN count(r) AS relationships
