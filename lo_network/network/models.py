"""The network-level measures of each computation (per-node measures live on the graph nodes)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import reflex as rx
import sqlmodel
from sqlmodel import Field

from lo_network.accounts.models import utcnow


@rx.ModelRegistry.register
class NetworkMeasures(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_network_measures"
    id: Optional[int] = Field(default=None, primary_key=True)
    computed_at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""
    seconds: float = 0.0
    nodes: int = 0
    edges: int = 0
    organisations: int = 0
    people: int = 0
    density: float = 0.0
    largest_share: float = 0.0
    communities: int = 0
    isolated: int = 0
    components: int = 0
    approximate: bool = False
    findings: str = ""  # JSON: single points of failure (see domain.measures)
