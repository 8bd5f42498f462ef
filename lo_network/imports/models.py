"""The import job table: one row per uploaded file, read again by the page after a reload."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import reflex as rx
import sqlmodel
from sqlmodel import Field

from lo_network.accounts.models import utcnow


@rx.ModelRegistry.register
class ImportJob(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_import_job"
    id: Optional[int] = Field(default=None, primary_key=True)
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
