"""REST API v1 (FastAPI), thin over services: token auth, same validation and permissions."""
