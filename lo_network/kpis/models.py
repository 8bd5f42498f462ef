"""Monthly KPI snapshots: the figures of a finished month as they were reported, so editing
records later does not change last year's report."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import reflex as rx
import sqlmodel
from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from lo_network.accounts.models import utcnow


@rx.ModelRegistry.register
class KpiSnapshot(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_kpi_snapshot"
    __table_args__ = (UniqueConstraint("month", "measure", "dimension", name="uq_kpi_snapshot"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    month: str = Field(index=True)          # "yyyy-mm"
    measure: str = ""                       # e.g. "size_partner", "attendance_rate", "density"
    dimension: str = "all"                  # "all", "region:twente", "theme:international", "kind:company"
    value: float = 0.0
    computed_at: datetime = Field(default_factory=utcnow)
    actor: str = ""
