"""The SQL table of monthly KPI snapshots (the measures themselves: domain/kpis.py)."""
