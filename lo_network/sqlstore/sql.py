"""The SQL engine and sessions: one engine per process (SQLite or PostgreSQL, from
``LO_DATABASE_URL``), the tables created at start."""

from __future__ import annotations

import os
import threading
from typing import TypeVar

from sqlalchemy import event
from sqlmodel import Session, SQLModel, create_engine

from lo_network import settings as settings_mod

_lock = threading.Lock()
_engine = None

Row = TypeVar("Row", bound=SQLModel)


def engine():
    global _engine
    with _lock:
        if _engine is None:
            s = settings_mod.get()
            url = s.sql_url
            if url.startswith("sqlite"):
                s.data_dir.mkdir(parents=True, exist_ok=True)
                _engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

                @event.listens_for(_engine, "connect")
                def _sqlite_pragmas(conn, _record):
                    cur = conn.cursor()
                    cur.execute("PRAGMA journal_mode=WAL")
                    cur.execute("PRAGMA foreign_keys=ON")
                    cur.close()
            else:
                _engine = create_engine(url, pool_pre_ping=True)
        return _engine


def _forget_in_child() -> None:
    """A forked worker opens its own connections."""
    global _engine, _lock
    _engine = None
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_in_child)


def init() -> None:
    """Create the tables that do not exist yet."""
    import lo_network.sqlstore.models  # noqa: F401  (registers every table)

    SQLModel.metadata.create_all(engine())


def session() -> Session:
    return Session(engine(), expire_on_commit=False)


def save(*rows: SQLModel | None) -> None:
    """Store these rows in one transaction (one commit: SQLite syncs its log once); None
    is skipped. The rows get their ids."""
    with session() as db:
        db.add_all([row for row in rows if row is not None])
        db.commit()


def stored(row: Row) -> Row:
    """Store one new or changed row and return it as stored (read back: with its id)."""
    with session() as db:
        db.add(row)
        db.commit()
        db.refresh(row)
        return row


def reset() -> None:
    global _engine
    with _lock:
        if _engine is not None:
            _engine.dispose()
        _engine = None
