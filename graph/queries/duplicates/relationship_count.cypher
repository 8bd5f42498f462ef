// How many relationships the network holds (tests: a merge loses nothing).
MATCH ()-[r]->()
RETURN count(r) AS total
