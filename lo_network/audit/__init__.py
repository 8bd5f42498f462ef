"""The audit log (SQL): who changed what, when, before and after."""
