"""The audit log table: append-only for the application."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import reflex as rx
import sqlmodel
from sqlmodel import Field

from lo_network.accounts.models import utcnow


@rx.ModelRegistry.register
class AuditEntry(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_audit_entry"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""             # email of the user, or "cli"
    via: str = ""               # ui, api, cli, import
    action: str = ""            # create, update, delete, ...
    entity: str = Field(default="", index=True)   # organisation, person, employment, user
    entity_id: str = Field(default="", index=True)
    before: str = ""            # JSON
    after: str = ""             # JSON
