"""Create users, log in and out, resolve a session or API token to a user."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlmodel import select

from lo_network import settings as settings_mod
from lo_network.domain import passwords
from lo_network.domain import vocab
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text, clean
from lo_network.sqlstore import audit, sql
from lo_network.sqlstore.models import ApiToken, LoginFailure, LoginSession, User, utcnow

_hasher = PasswordHasher()
MIN_PASSWORD = passwords.MIN_PASSWORD


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


@checks_text  # a lone surrogate in any of them: a ValidationError naming it
def validate_user(email: str, name: str, role: str, password: str | None) -> str:
    errors: dict[str, str] = {}
    try:
        email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        errors["email"] = f"geen geldig e-mailadres / not a valid email address ({exc})"
    if role not in vocab.ROLES:
        errors["role"] = f"onbekende rol / unknown role; kies uit / choose from {', '.join(vocab.ROLES)}"
    if password is not None:
        problem = password_problem(password, email)
        if problem:
            errors["password"] = problem
    if len(clean(name)) > 120:
        errors["name"] = "te lang / too long"
    if errors:
        raise ValidationError(errors)
    return email


def password_problem(password: str, email: str = "") -> str:
    """Why a password is too weak (nl / en), or "" when it is strong enough:
    at least MIN_PASSWORD characters, not a very common password, not the email's name."""
    if len(password) < MIN_PASSWORD:
        return f"wachtwoord te kort (min. {MIN_PASSWORD} tekens) / password too short (min {MIN_PASSWORD})"
    if passwords.is_common(password, email):
        return ("wachtwoord te gewoon: kies een zin of een langere reeks / "
                "password too common: choose a phrase or a longer sequence")
    return ""


def _audit_user(actor_email: str, via: str, action: str, user_id, before, after) -> None:
    audit.record(actor_email, via, action, "user", str(user_id), before, after)


def create_user(email: str, password: str, role: str, name: str = "", *,
                actor_email: str = "cli", via: str = "cli") -> User:
    """A new account (audited as done by ``actor_email`` via ``via``; never the password)."""
    email = validate_user(email, name, role, password)
    with sql.session() as db:
        if db.exec(select(User).where(User.email == email)).first():
            raise ValidationError({"email": "bestaat al / already exists"})
        user = User(email=email, name=clean(name) or email, role=role, password_hash=_hasher.hash(password))
        db.add(user)
        db.commit()
        db.refresh(user)
    _audit_user(actor_email, via, "create", user.id, None, {"email": user.email, "name": user.name, "role": user.role})
    return user


def set_password(email: str, password: str, *, actor_email: str = "cli", via: str = "cli") -> None:
    problem = password_problem(password, email)
    if problem:
        raise ValidationError({"password": problem})
    with sql.session() as db:
        user = db.exec(select(User).where(User.email == email.strip().lower())).first()
        if user is None:
            raise ValidationError({"email": "onbekende gebruiker / unknown user"})
        user.password_hash = _hasher.hash(password)
        db.add(user)
        db.commit()
    _audit_user(actor_email, via, "set_password", user.id, None, {"password": "(gewijzigd / changed)"})


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


# ---------------------------------------------------------------- failed logins slowed down
FREE_FAILURES = {"email": 5, "ip": 20}  # failures per key before it is locked (an office
                                        # shares one address: it gets more room)
FIRST_LOCK_SECONDS = 30      # then locked 30 s, 60 s, 120 s, ... (doubling per failure)
MAX_LOCK_SECONDS = 15 * 60   # at most 15 minutes
FORGET_AFTER = timedelta(minutes=30)  # a quiet key starts again from zero


class LoginThrottled(Exception):
    """Too many failed logins for this email or client address: wait ``seconds``."""

    def __init__(self, seconds: int):
        self.seconds = max(1, int(seconds))
        super().__init__(f"te veel mislukte pogingen; probeer het over {self.seconds} s opnieuw / "
                         f"too many failed attempts; try again in {self.seconds} s")


def _aware(moment):
    from datetime import timezone

    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _throttle_keys(email: str, client: str) -> list[str]:
    keys = [f"email:{email.strip().lower()}"]
    if client:
        keys.append(f"ip:{client}")
    return keys


def login_wait(email: str, client: str = "") -> int:
    """Seconds until this email / client address may try again (0: now)."""
    now = utcnow()
    with sql.session() as db:
        rows = [db.get(LoginFailure, key) for key in _throttle_keys(email, client)]
    waits = [(_aware(r.locked_until) - now).total_seconds() for r in rows if r and r.locked_until]
    return max([0, *[int(w) + 1 for w in waits if w > 0]])


def _count_failure(key: str) -> None:
    """One more failure for ``key``: an atomic UPDATE (or the first INSERT), then the lock."""
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    now = utcnow()
    for _ in range(3):
        with sql.session() as db:
            row = db.get(LoginFailure, key)
            if row is None:
                db.add(LoginFailure(key=key, failures=1, last_failure_at=now))
                try:
                    db.commit()
                    return
                except IntegrityError:  # another worker inserted it first: count again
                    db.rollback()
                    continue
            stale = _aware(row.last_failure_at) < now - FORGET_AFTER
            db.exec(update(LoginFailure).where(LoginFailure.key == key).values(
                failures=1 if stale else LoginFailure.failures + 1, last_failure_at=now))
            db.commit()
            row = db.get(LoginFailure, key)
            db.refresh(row)
            over = row.failures - FREE_FAILURES[key.split(":", 1)[0]]
            if over >= 0:
                seconds = min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** min(over, 20))
                row.locked_until = now + timedelta(seconds=seconds)
                db.add(row)
                db.commit()
            return


def sign_in(email: str, password: str, client: str = "") -> User | None:
    """Log in with failed attempts slowed down per email and per client address.

    Raises LoginThrottled while either is locked (the password is not even checked);
    a failure counts for both keys; a success clears the email's count."""
    wait = login_wait(email, client)
    if wait:
        raise LoginThrottled(wait)
    user = authenticate(email, password)
    keys = _throttle_keys(email, client)
    if user is None:
        for key in keys:
            _count_failure(key)
        return None
    with sql.session() as db:
        row = db.get(LoginFailure, keys[0])
        if row is not None:
            db.delete(row)
            db.commit()
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
    _audit_user("cli", "cli", "create_token", user.id, None, {"label": label})  # never the token
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
        if _stale(row.last_used_at):
            row.last_used_at = utcnow()
            db.add(row)
            db.commit()
        return user


LAST_USED_STEP = timedelta(minutes=1)


def _stale(last_used: datetime | None) -> bool:
    """A token's "last used" is kept to the minute: a script's burst of requests does not
    write the account database once per request."""
    if last_used is None:
        return True
    if last_used.tzinfo is None:  # SQLite gives back the UTC time without its zone
        last_used = last_used.replace(tzinfo=timezone.utc)
    return utcnow() - last_used >= LAST_USED_STEP


# ---------------------------------------------------------------- users admin (UI /gebruikers)
_UNKNOWN_USER = "onbekende gebruiker / unknown user"
_LAST_ADMIN = (
    "er moet minstens één actieve beheerder blijven / at least one active administrator must remain"
)


def _other_active_admins(db, user_id: int) -> int:
    rows = db.exec(select(User.id).where(User.role == "admin", User.active == True, User.id != user_id))  # noqa: E712
    return len(list(rows))


def set_role(user_id: int, role: str, *, actor_email: str = "cli", via: str = "cli") -> User:
    """Give a user another role (one of vocab.ROLES); the last active admin keeps theirs."""
    if role not in vocab.ROLES:
        raise ValidationError({"role": f"onbekende rol / unknown role; kies uit / choose from {', '.join(vocab.ROLES)}"})
    with sql.session() as db:
        user = db.get(User, user_id)
        if user is None:
            raise ValidationError({"user": _UNKNOWN_USER})
        if user.role == "admin" and role != "admin" and user.active and not _other_active_admins(db, user.id):
            raise ValidationError({"role": _LAST_ADMIN})
        before = user.role
        user.role = role
        db.add(user)
        db.commit()
        db.refresh(user)
    _audit_user(actor_email, via, "update", user.id, {"role": before}, {"role": user.role})
    return user


def set_active(user_id: int, active: bool, *, actor_email: str = "cli", via: str = "cli") -> User:
    """(De)activate a user; deactivating ends their login sessions at once.
    The last active admin cannot be deactivated."""
    with sql.session() as db:
        user = db.get(User, user_id)
        if user is None:
            raise ValidationError({"user": _UNKNOWN_USER})
        if not active and user.role == "admin" and user.active and not _other_active_admins(db, user.id):
            raise ValidationError({"active": _LAST_ADMIN})
        before = user.active
        user.active = bool(active)
        db.add(user)
        if not active:
            for row in db.exec(select(LoginSession).where(LoginSession.user_id == user.id)):
                db.delete(row)
        db.commit()
        db.refresh(user)
    _audit_user(actor_email, via, "update", user.id, {"active": before}, {"active": user.active})
    return user
