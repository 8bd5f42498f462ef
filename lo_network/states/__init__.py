"""Reflex state classes: thin, they call the services and check permissions."""
