"""The only code that talks to the SQL database: the engine and sessions (``sql``), every
table (``models``) and the queries the services need, one module per area. The graph has
its own store (``lo_network.store``)."""
