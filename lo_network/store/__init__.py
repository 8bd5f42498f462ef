"""The only code that talks to the graph: driver lifecycle, query loading, one module per aggregate."""
