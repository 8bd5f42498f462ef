"""The page functions; lo_network/lo_network.py registers them with their routes."""
