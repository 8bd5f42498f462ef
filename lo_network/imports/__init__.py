"""Import jobs (SQL): an uploaded file, its mapping, dry-run report, progress and result."""
