"""Reusable pieces of the pages: the layout frame, form fields, list controls."""
