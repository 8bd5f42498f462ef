"""SQL tables of accounts: users, login sessions, API tokens. Secrets are stored hashed."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

import reflex as rx
import sqlmodel
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@rx.ModelRegistry.register
class User(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_user"
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True)
    name: str = ""
    role: str = "steering"
    password_hash: str
    active: bool = True
    language: str = "nl"
    created_at: datetime = Field(default_factory=utcnow)


@rx.ModelRegistry.register
class LoginSession(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_login_session"
    id: Optional[int] = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True)
    user_id: int = Field(foreign_key="lo_user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


@rx.ModelRegistry.register
class ApiToken(sqlmodel.SQLModel, table=True):
    __tablename__ = "lo_api_token"
    id: Optional[int] = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True)
    user_id: int = Field(foreign_key="lo_user.id", index=True)
    label: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: Optional[datetime] = None
    revoked: bool = False


@rx.ModelRegistry.register
class LoginFailure(sqlmodel.SQLModel, table=True):
    """Failed logins per key ("email:<address>" or "ip:<client address>"), kept in SQL so
    every worker process sees the same count and lock (see service.sign_in)."""

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
