"""Create users, log in and out, resolve a session or API token to a user."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlmodel import select

from lo_network import settings as settings_mod
from lo_network import sql
from lo_network.accounts.models import ApiToken, LoginSession, User, utcnow
from lo_network.domain import vocab
from lo_network.domain.errors import ValidationError

_hasher = PasswordHasher()
MIN_PASSWORD = 10


@dataclass(frozen=True)
class Actor:
    """Who does something: a signed-in user, or the command line."""

    id: int | None
    email: str
    name: str
    role: str

    @classmethod
    def of(cls, user: User) -> "Actor":
        return cls(id=user.id, email=user.email, name=user.name, role=user.role)


CLI_ACTOR = Actor(id=None, email="cli", name="lo-network (command line)", role="admin")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def validate_user(email: str, name: str, role: str, password: str | None) -> str:
    errors: dict[str, str] = {}
    try:
        email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        errors["email"] = f"geen geldig e-mailadres / not a valid email address ({exc})"
    if role not in vocab.ROLES:
        errors["role"] = f"onbekende rol / unknown role; kies uit / choose from {', '.join(vocab.ROLES)}"
    if password is not None and len(password) < MIN_PASSWORD:
        errors["password"] = (
            f"wachtwoord te kort (min. {MIN_PASSWORD} tekens) / password too short (min {MIN_PASSWORD})"
        )
    if len(name) > 120:
        errors["name"] = "te lang / too long"
    if errors:
        raise ValidationError(errors)
    return email


def create_user(email: str, password: str, role: str, name: str = "") -> User:
    email = validate_user(email, name, role, password)
    with sql.session() as db:
        if db.exec(select(User).where(User.email == email)).first():
            raise ValidationError({"email": "bestaat al / already exists"})
        user = User(email=email, name=name.strip() or email, role=role, password_hash=_hasher.hash(password))
        db.add(user)
        db.commit()
        db.refresh(user)
        return user


def set_password(email: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError({"password": f"min. {MIN_PASSWORD} tekens / min {MIN_PASSWORD} characters"})
    with sql.session() as db:
        user = db.exec(select(User).where(User.email == email.strip().lower())).first()
        if user is None:
            raise ValidationError({"email": "onbekende gebruiker / unknown user"})
        user.password_hash = _hasher.hash(password)
        db.add(user)
        db.commit()


def any_user() -> bool:
    with sql.session() as db:
        return db.exec(select(User.id).limit(1)).first() is not None


def list_users() -> list[User]:
    with sql.session() as db:
        return list(db.exec(select(User).order_by(User.email)))


def authenticate(email: str, password: str) -> User | None:
    with sql.session() as db:
        user = db.exec(select(User).where(User.email == email.strip().lower())).first()
        if user is None or not user.active:
            _hasher.hash(password)  # same work either way: no user enumeration by timing
            return None
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return user


def start_session(user: User) -> str:
    """A new login session; returns the token for the browser (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    hours = settings_mod.get().session_hours
    with sql.session() as db:
        db.add(LoginSession(token_hash=_digest(token), user_id=user.id, expires_at=utcnow() + timedelta(hours=hours)))
        db.commit()
    return token


def end_session(token: str) -> None:
    if not token:
        return
    with sql.session() as db:
        for row in db.exec(select(LoginSession).where(LoginSession.token_hash == _digest(token))):
            db.delete(row)
        db.commit()


def user_for_session(token: str) -> User | None:
    """The active user behind an unexpired session token, else None."""
    if not token:
        return None
    with sql.session() as db:
        row = db.exec(select(LoginSession).where(LoginSession.token_hash == _digest(token))).first()
        if row is None:
            return None
        if row.expires_at <= utcnow():
            db.delete(row)
            db.commit()
            return None
        user = db.get(User, row.user_id)
        return user if user and user.active else None


def create_api_token(email: str, label: str = "") -> str:
    """A new personal API token for a user; shown once, stored hashed."""
    token = "lo_" + secrets.token_urlsafe(32)
    with sql.session() as db:
        user = db.exec(select(User).where(User.email == email.strip().lower())).first()
        if user is None:
            raise ValidationError({"email": "onbekende gebruiker / unknown user"})
        db.add(ApiToken(token_hash=_digest(token), user_id=user.id, label=label))
        db.commit()
    return token


def user_for_api_token(token: str) -> User | None:
    if not token:
        return None
    with sql.session() as db:
        row = db.exec(select(ApiToken).where(ApiToken.token_hash == _digest(token))).first()
        if row is None or row.revoked:
            return None
        user = db.get(User, row.user_id)
        if user is None or not user.active:
            return None
        row.last_used_at = utcnow()
        db.add(row)
        db.commit()
        return user


# ---------------------------------------------------------------- users admin (UI /gebruikers)
_UNKNOWN_USER = "onbekende gebruiker / unknown user"
_LAST_ADMIN = (
    "er moet minstens één actieve beheerder blijven / at least one active administrator must remain"
)


def _other_active_admins(db, user_id: int) -> int:
    rows = db.exec(select(User.id).where(User.role == "admin", User.active == True, User.id != user_id))  # noqa: E712
    return len(list(rows))


def set_role(user_id: int, role: str) -> User:
    """Give a user another role (one of vocab.ROLES); the last active admin keeps theirs."""
    if role not in vocab.ROLES:
        raise ValidationError({"role": f"onbekende rol / unknown role; kies uit / choose from {', '.join(vocab.ROLES)}"})
    with sql.session() as db:
        user = db.get(User, user_id)
        if user is None:
            raise ValidationError({"user": _UNKNOWN_USER})
        if user.role == "admin" and role != "admin" and user.active and not _other_active_admins(db, user.id):
            raise ValidationError({"role": _LAST_ADMIN})
        user.role = role
        db.add(user)
        db.commit()
        db.refresh(user)
        return user


def set_active(user_id: int, active: bool) -> User:
    """(De)activate a user; deactivating ends their login sessions at once.
    The last active admin cannot be deactivated."""
    with sql.session() as db:
        user = db.get(User, user_id)
        if user is None:
            raise ValidationError({"user": _UNKNOWN_USER})
        if not active and user.role == "admin" and user.active and not _other_active_admins(db, user.id):
            raise ValidationError({"active": _LAST_ADMIN})
        user.active = bool(active)
        db.add(user)
        if not active:
            for row in db.exec(select(LoginSession).where(LoginSession.user_id == user.id)):
                db.delete(row)
        db.commit()
        db.refresh(user)
        return user
