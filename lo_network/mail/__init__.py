"""Emails to registrants (SMTP, or the outbox when no SMTP is set) and calendar feed tokens."""
