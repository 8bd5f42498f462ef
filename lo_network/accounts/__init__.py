"""Accounts, roles, login sessions and API tokens (SQL)."""
