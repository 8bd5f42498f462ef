"""The network-level measures of each computation (per-node measures live on the graph nodes),
and the jobs that compute them in the background."""

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


@rx.ModelRegistry.register
class MeasuresJob(sqlmodel.SQLModel, table=True):
    """One computation of the network measures, as it runs: the page shows its stage and
    progress, whichever worker serves it. ``updated_at`` is its heartbeat."""
    __tablename__ = "lo_network_measures_jobs"
    id: Optional[int] = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    finished_at: Optional[datetime] = None
    actor: str = ""
    via: str = ""
    status: str = "running"   # running, done, failed
    stage: str = "read"       # read, betweenness, communities, write (services.metrics.STAGES)
    done: int = 0             # of the stage's steps
    total: int = 0
    error: str = ""
    measures_id: Optional[int] = None   # the NetworkMeasures row it produced
