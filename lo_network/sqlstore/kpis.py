"""The monthly KPI snapshots in SQL (the measures themselves: lo_network.domain.kpis)."""

from __future__ import annotations

from sqlmodel import delete, select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import KpiSnapshot


def snapshots(months: list[str], dimensions: list[str]) -> list[KpiSnapshot]:
    """The snapshot rows of these months in these dimensions."""
    with sql.session() as db:
        return list(db.exec(select(KpiSnapshot).where(KpiSnapshot.month.in_(months),
                                                      KpiSnapshot.dimension.in_(dimensions))).all())


def snapshot_months() -> list[str]:
    """Every month that has a snapshot ("yyyy-mm"), in order."""
    with sql.session() as db:
        return sorted(set(db.exec(select(KpiSnapshot.month)).all()))


def has_snapshot(month: str) -> bool:
    with sql.session() as db:
        return db.exec(select(KpiSnapshot.id).where(KpiSnapshot.month == month)).first() is not None


def replace_snapshot(month: str, rows: list[KpiSnapshot]) -> None:
    """The month's snapshot becomes ``rows`` (in one transaction: the old rows go)."""
    with sql.session() as db:
        db.exec(delete(KpiSnapshot).where(KpiSnapshot.month == month))
        db.add_all(rows)
        db.commit()
