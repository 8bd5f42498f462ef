// Test support (tests/e2e/test_privacy_pages.py): a person's last change set back in time,
// so the running app's retention review lists them. Not used by the application.
MATCH (p:Person {id: $id})
SET p.updated_at = datetime($at)
RETURN p.id AS id
