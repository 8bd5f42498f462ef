"""Accounts in SQL: users, login sessions, API tokens and the count of failed logins.
Secrets arrive here hashed (services.accounts hashes them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import ApiToken, LoginFailure, LoginSession, User, aware


# ---------------------------------------------------------------- users
def user_by_email(email: str) -> User | None:
    """The user with this (normalised, lower-case) address."""
    with sql.session() as db:
        return db.exec(select(User).where(User.email == email)).first()


def user_by_id(user_id: int) -> User | None:
    with sql.session() as db:
        return db.get(User, user_id)


def any_user() -> bool:
    with sql.session() as db:
        return db.exec(select(User.id).limit(1)).first() is not None


def users() -> list[User]:
    """Every user, by email."""
    with sql.session() as db:
        return list(db.exec(select(User).order_by(User.email)))


def save_user(user: User, end_sessions: bool = False) -> User:
    """Store a new or changed user (with ``end_sessions``, their login sessions end in the
    same transaction); returns it as stored, with its id."""
    with sql.session() as db:
        db.add(user)
        if end_sessions:
            for row in db.exec(select(LoginSession).where(LoginSession.user_id == user.id)):
                db.delete(row)
        db.commit()
        db.refresh(user)
        return user


def other_active_admins(user_id: int) -> int:
    """How many active administrators there are besides this user."""
    with sql.session() as db:
        rows = db.exec(select(User.id).where(User.role == "admin", User.active == True,  # noqa: E712
                                             User.id != user_id))
        return len(list(rows))


# ---------------------------------------------------------------- failed logins
def login_failures(keys: list[str]) -> list[LoginFailure | None]:
    """The failure count of each key (None: no failure counted)."""
    with sql.session() as db:
        return [db.get(LoginFailure, key) for key in keys]


def count_failure(key: str, now: datetime, stale_before: datetime) -> LoginFailure | None:
    """One more failure for ``key`` (counting from one again when its last failure was before
    ``stale_before``): an atomic UPDATE, or the first INSERT. Returns the count as stored
    (None when other workers kept inserting it first, three times over)."""
    for _ in range(3):
        with sql.session() as db:
            row = db.get(LoginFailure, key)
            if row is None:
                row = LoginFailure(key=key, failures=1, last_failure_at=now)
                db.add(row)
                try:
                    db.commit()
                    return row
                except IntegrityError:  # another worker inserted it first: count again
                    db.rollback()
                    continue
            stale = aware(row.last_failure_at) < stale_before
            db.exec(update(LoginFailure).where(LoginFailure.key == key).values(
                failures=1 if stale else LoginFailure.failures + 1, last_failure_at=now))
            db.commit()
            row = db.get(LoginFailure, key)
            db.refresh(row)
            return row
    return None


def lock(key: str, until: datetime) -> None:
    """No login for ``key`` before ``until``."""
    with sql.session() as db:
        db.exec(update(LoginFailure).where(LoginFailure.key == key).values(locked_until=until))
        db.commit()


def forget_failures(key: str) -> None:
    with sql.session() as db:
        row = db.get(LoginFailure, key)
        if row is not None:
            db.delete(row)
            db.commit()


# ---------------------------------------------------------------- login sessions
def add_session(token_hash: str, user_id: int, expires_at: datetime) -> None:
    sql.save(LoginSession(token_hash=token_hash, user_id=user_id, expires_at=expires_at))


def end_session(token_hash: str) -> None:
    with sql.session() as db:
        for row in db.exec(select(LoginSession).where(LoginSession.token_hash == token_hash)):
            db.delete(row)
        db.commit()


def session_user(token_hash: str, now: datetime) -> User | None:
    """The user (active or not) of an unexpired login session; an expired one is removed."""
    with sql.session() as db:
        row = db.exec(select(LoginSession).where(LoginSession.token_hash == token_hash)).first()
        if row is None:
            return None
        if row.expires_at <= now:
            db.delete(row)
            db.commit()
            return None
        return db.get(User, row.user_id)


# ---------------------------------------------------------------- API tokens
def add_api_token(token_hash: str, user_id: int, label: str) -> None:
    sql.save(ApiToken(token_hash=token_hash, user_id=user_id, label=label))


def api_token(token_hash: str) -> tuple[ApiToken, User | None] | None:
    """The token with this hash and its user (None: no such token)."""
    with sql.session() as db:
        row = db.exec(select(ApiToken).where(ApiToken.token_hash == token_hash)).first()
        return None if row is None else (row, db.get(User, row.user_id))


def token_used(token_id: int, at: datetime) -> None:
    with sql.session() as db:
        db.exec(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=at))
        db.commit()
