"""Every SQL table of lo_network (accounts, audit log, import jobs, KPI snapshots, mail,
network measures). Importing this module registers them all with SQLModel's metadata, so
``sql.init`` creates them and the backup walks them."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

import reflex as rx
import sqlmodel
from sqlalchemy import UniqueConstraint
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime | None) -> datetime | None:
    """A stored time with its zone: SQLite gives back the UTC time without it."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class Numbered(sqlmodel.SQLModel):
    """A table whose rows the database numbers: ``id`` is the primary key, None until stored."""

    id: Optional[int] = Field(default=None, primary_key=True)


# ---------------------------------------------------------------- accounts
# Accounts: users, login sessions, API tokens (secrets stored hashed), failed logins, rate counts.
@rx.ModelRegistry.register
class User(Numbered, table=True):
    __tablename__ = "lo_user"
    email: str = Field(index=True, unique=True)
    name: str = ""
    role: str = "steering"
    password_hash: str
    active: bool = True
    language: str = "nl"
    created_at: datetime = Field(default_factory=utcnow)


@rx.ModelRegistry.register
class LoginSession(Numbered, table=True):
    __tablename__ = "lo_login_session"
    token_hash: str = Field(index=True, unique=True)
    user_id: int = Field(foreign_key="lo_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


@rx.ModelRegistry.register
class ApiToken(Numbered, table=True):
    __tablename__ = "lo_api_token"
    token_hash: str = Field(index=True, unique=True)
    user_id: int = Field(foreign_key="lo_user.id", index=True)
    label: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: Optional[datetime] = None
    revoked: bool = False


@rx.ModelRegistry.register
class LoginFailure(sqlmodel.SQLModel, table=True):
    """Failed logins per key ("email:<address>" or "ip:<client address>"), kept in SQL so
    every worker process sees the same count and lock (see services.accounts.sign_in)."""

    __tablename__ = "lo_login_failure"
    key: str = Field(primary_key=True)
    failures: int = 0
    last_failure_at: datetime = Field(default_factory=utcnow)
    locked_until: Optional[datetime] = None


@rx.ModelRegistry.register
class RateCount(sqlmodel.SQLModel, table=True):
    """Requests per key ("<bucket>:<client address>") and fixed window of a minute, for the
    rate limit of the pages and routes without an account (``lo_network.ratelimit``); in SQL, like
    the failed logins, so that every worker process counts the same requests."""

    __tablename__ = "lo_rate_count"
    key: str = Field(primary_key=True)  # "<bucket>:<client>:<window number>"
    hits: int = 0
    window_start: datetime = Field(default_factory=utcnow, index=True)


# ---------------------------------------------------------------- audit
# The audit log: append-only for the application.
@rx.ModelRegistry.register
class AuditEntry(Numbered, table=True):
    __tablename__ = "lo_audit_entry"
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""             # email of the user, or "cli"
    via: str = ""               # ui, api, cli, import
    action: str = ""            # create, update, delete, ...
    entity: str = Field(default="", index=True)   # organisation, person, employment, user
    entity_id: str = Field(default="", index=True)
    before: str = ""            # JSON
    after: str = ""             # JSON


# ---------------------------------------------------------------- imports
# Import jobs: one row per uploaded file, read again by the page after a reload.
@rx.ModelRegistry.register
class ImportJob(Numbered, table=True):
    __tablename__ = "lo_import_job"
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)   # heartbeat while a worker runs it
    finished_at: Optional[datetime] = None
    actor: str = Field(default="", index=True)   # email of the user, or "cli"
    via: str = ""                                # ui, api, cli
    kind: str = ""                               # organisations | people
    filename: str = ""                           # as uploaded
    path: str = ""                               # stored copy, relative to LO_DATA_DIR
    mapping: str = "{}"                          # JSON: column -> field ('' = ignored)
    columns: str = "[]"                          # JSON: the file's columns, in order
    # uploaded -> analysing -> ready -> running -> done | failed (interrupted: see services.import_jobs)
    status: str = Field(default="uploaded", index=True)
    total_rows: int = 0
    total_records: int = 0                       # distinct records after merging rows of the file
    records_done: int = 0                        # progress: records of finished batches
    batches_total: int = 0
    batches_done: int = 0                        # batches committed in the graph (resume point)
    report: str = "{}"                           # JSON: dry-run counts
    result: str = "{}"                           # JSON: counts of the import itself
    failed_rows: int = 0
    error: str = ""


# ---------------------------------------------------------------- kpis
# Monthly KPI snapshots: the figures of a finished month as they were reported, so editing
# records later does not change last year's report.
@rx.ModelRegistry.register
class KpiSnapshot(Numbered, table=True):
    __tablename__ = "lo_kpi_snapshot"
    __table_args__ = (UniqueConstraint("month", "measure", "dimension", name="uq_kpi_snapshot"),)
    month: str = Field(index=True)          # "yyyy-mm"
    measure: str = ""                       # e.g. "size_partner", "attendance_rate", "density"
    dimension: str = "all"                  # "all", "region:twente", "theme:international", "kind:company"
    value: float = 0.0
    computed_at: datetime = Field(default_factory=utcnow)
    actor: str = ""


# ---------------------------------------------------------------- mail
# Mail: every email the app sends (the outbox) and personal calendar-feed tokens.
@rx.ModelRegistry.register
class OutboxEmail(Numbered, table=True):
    """One email. Without SMTP settings it stays ``queued`` here and organisers see it in the
    UI; with SMTP it is ``sent`` (or ``failed`` with the reason)."""

    __tablename__ = "lo_outbox_email"
    created_at: datetime = Field(default_factory=utcnow, index=True)
    activity_id: str = Field(default="", index=True)
    registration_id: str = ""
    kind: str = ""              # confirmation, waitlist, promotion, change, cancellation
    to_address: str = ""
    subject: str = ""
    body: str = ""
    ics: str = ""               # the calendar attachment, when there is one
    ics_method: str = ""        # REQUEST or CANCEL
    status: str = "queued"      # queued, sent, failed
    sent_at: Optional[datetime] = None
    error: str = ""


@rx.ModelRegistry.register
class CalendarFeedToken(Numbered, table=True):
    """A user's personal calendar feed: the URL holds a token, stored here hashed."""

    __tablename__ = "lo_calendar_feed_token"
    user_id: int = Field(index=True, unique=True)
    token_hash: str = Field(index=True, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


# ---------------------------------------------------------------- network
# The network-level measures of each computation (per-node measures live on the graph
# nodes), and the jobs that compute them in the background.
@rx.ModelRegistry.register
class NetworkMeasures(Numbered, table=True):
    __tablename__ = "lo_network_measures"
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
class MeasuresJob(Numbered, table=True):
    """One computation of the network measures, as it runs: the page shows its stage and
    progress, whichever worker serves it. ``updated_at`` is its heartbeat."""
    __tablename__ = "lo_network_measures_jobs"
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
