"""Create users, log in and out, resolve a session or API token to a user."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email

from lo_network import settings as settings_mod
from lo_network.domain import passwords
from lo_network.domain import vocab
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text, clean
from lo_network.messages import join, msg
from lo_network.sqlstore import accounts as store
from lo_network.sqlstore import audit
from lo_network.sqlstore.models import User, aware, utcnow

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
        errors["email"] = msg("contact.email.invalid", detail=exc)
    if role not in vocab.ROLES:
        errors["role"] = _unknown_role()
    if password is not None:
        problem = password_problem(password, email)
        if problem:
            errors["password"] = problem
    if len(clean(name)) > 120:
        errors["name"] = msg("users.name.too_long")
    if errors:
        raise ValidationError(errors)
    return email


def password_problem(password: str, email: str = "") -> str:
    """Why a password is too weak (nl / en), or "" when it is strong enough:
    at least MIN_PASSWORD characters, not a very common password, not the email's name."""
    if len(password) < MIN_PASSWORD:
        return msg("users.password.too_short", min=MIN_PASSWORD)
    if passwords.is_common(password, email):
        return msg("users.password.common")
    return ""


def _audit_user(actor_email: str, via: str, action: str, user_id, before, after) -> None:
    audit.record(actor_email, via, action, "user", str(user_id), before, after)


def create_user(email: str, password: str, role: str, name: str = "", *,
                actor_email: str = "cli", via: str = "cli") -> User:
    """A new account (audited as done by ``actor_email`` via ``via``; never the password)."""
    email = validate_user(email, name, role, password)
    if store.user_by_email(email):
        raise ValidationError({"email": msg("users.email.exists")})
    user = store.save_user(User(email=email, name=clean(name) or email, role=role,
                                password_hash=_hasher.hash(password)))
    _audit_user(actor_email, via, "create", user.id, None, {"email": user.email, "name": user.name, "role": user.role})
    return user


def set_password(email: str, password: str, *, actor_email: str = "cli", via: str = "cli") -> None:
    problem = password_problem(password, email)
    if problem:
        raise ValidationError({"password": problem})
    user = store.user_by_email(email.strip().lower())
    if user is None:
        raise ValidationError({"email": _UNKNOWN_USER})
    user.password_hash = _hasher.hash(password)
    store.save_user(user)
    _audit_user(actor_email, via, "set_password", user.id, None, {"password": "(gewijzigd / changed)"})


def any_user() -> bool:
    return store.any_user()


def list_users() -> list[User]:
    return store.users()


def authenticate(email: str, password: str) -> User | None:
    user = store.user_by_email(email.strip().lower())
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
        super().__init__(msg("login.throttled.wait", seconds=self.seconds))


def _throttle_keys(email: str, client: str) -> list[str]:
    keys = [f"email:{email.strip().lower()}"]
    if client:
        keys.append(f"ip:{client}")
    return keys


def login_wait(email: str, client: str = "") -> int:
    """Seconds until this email / client address may try again (0: now)."""
    now = utcnow()
    rows = store.login_failures(_throttle_keys(email, client))
    waits = [(aware(r.locked_until) - now).total_seconds() for r in rows if r and r.locked_until]
    return max([0, *[int(w) + 1 for w in waits if w > 0]])


def _count_failure(key: str) -> None:
    """One more failure for ``key``, then the lock once it is over its free failures."""
    now = utcnow()
    row = store.count_failure(key, now, now - FORGET_AFTER)
    if row is None:
        return
    over = row.failures - FREE_FAILURES[key.split(":", 1)[0]]
    if over >= 0:
        seconds = min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** min(over, 20))
        store.lock(key, now + timedelta(seconds=seconds))


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
    store.forget_failures(keys[0])
    return user


def start_session(user: User) -> str:
    """A new login session; returns the token for the browser (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    hours = settings_mod.get().session_hours
    store.add_session(_digest(token), user.id, utcnow() + timedelta(hours=hours))
    return token


def end_session(token: str) -> None:
    if not token:
        return
    store.end_session(_digest(token))


def user_for_session(token: str) -> User | None:
    """The active user behind an unexpired session token, else None."""
    if not token:
        return None
    user = store.session_user(_digest(token), utcnow())
    return user if user and user.active else None


def create_api_token(email: str, label: str = "") -> str:
    """A new personal API token for a user; shown once, stored hashed."""
    token = "lo_" + secrets.token_urlsafe(32)
    user = store.user_by_email(email.strip().lower())
    if user is None:
        raise ValidationError({"email": _UNKNOWN_USER})
    store.add_api_token(_digest(token), user.id, label)
    _audit_user("cli", "cli", "create_token", user.id, None, {"label": label})  # never the token
    return token


def user_for_api_token(token: str) -> User | None:
    if not token:
        return None
    found = store.api_token(_digest(token))
    if found is None or found[0].revoked:
        return None
    row, user = found
    if user is None or not user.active:
        return None
    if _stale(row.last_used_at):
        store.token_used(row.id, utcnow())
    return user


LAST_USED_STEP = timedelta(minutes=1)


def _stale(last_used: datetime | None) -> bool:
    """A token's "last used" is kept to the minute: a script's burst of requests does not
    write the account database once per request."""
    if last_used is None:
        return True
    return utcnow() - aware(last_used) >= LAST_USED_STEP


# ---------------------------------------------------------------- users admin (UI /gebruikers)
_UNKNOWN_USER = msg("users.unknown")
_LAST_ADMIN = msg("users.last_admin")


def _unknown_role() -> str:
    """Unknown role, and the roles there are."""
    return join(msg("users.role.unknown"), msg("common.choose_from", detail=", ".join(vocab.ROLES)))


def set_role(user_id: int, role: str, *, actor_email: str = "cli", via: str = "cli") -> User:
    """Give a user another role (one of vocab.ROLES); the last active admin keeps theirs."""
    if role not in vocab.ROLES:
        raise ValidationError({"role": _unknown_role()})
    user = store.user_by_id(user_id)
    if user is None:
        raise ValidationError({"user": _UNKNOWN_USER})
    if user.role == "admin" and role != "admin" and user.active and not store.other_active_admins(user.id):
        raise ValidationError({"role": _LAST_ADMIN})
    before = user.role
    user.role = role
    user = store.save_user(user)
    _audit_user(actor_email, via, "update", user.id, {"role": before}, {"role": user.role})
    return user


def set_active(user_id: int, active: bool, *, actor_email: str = "cli", via: str = "cli") -> User:
    """(De)activate a user; deactivating ends their login sessions at once.
    The last active admin cannot be deactivated."""
    user = store.user_by_id(user_id)
    if user is None:
        raise ValidationError({"user": _UNKNOWN_USER})
    if not active and user.role == "admin" and user.active and not store.other_active_admins(user.id):
        raise ValidationError({"active": _LAST_ADMIN})
    before = user.active
    user.active = bool(active)
    user = store.save_user(user, end_sessions=not active)
    _audit_user(actor_email, via, "update", user.id, {"active": before}, {"active": user.active})
    return user
