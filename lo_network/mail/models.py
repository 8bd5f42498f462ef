"""SQL tables of mail: every email the app sends (the outbox) and personal calendar-feed tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import reflex as rx
import sqlmodel
from sqlmodel import Field

from lo_network.accounts.models import utcnow


@rx.ModelRegistry.register
class OutboxEmail(sqlmodel.SQLModel, table=True):
    """One email. Without SMTP settings it stays ``queued`` here and organisers see it in the
    UI; with SMTP it is ``sent`` (or ``failed`` with the reason)."""

    __tablename__ = "lo_outbox_email"
    id: Optional[int] = Field(default=None, primary_key=True)
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
class CalendarFeedToken(sqlmodel.SQLModel, table=True):
    """A user's personal calendar feed: the URL holds a token, stored here hashed."""

    __tablename__ = "lo_calendar_feed_token"
    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(index=True, unique=True)
    token_hash: str = Field(index=True, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
