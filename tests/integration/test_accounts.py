"""Accounts, login sessions and API tokens (lo_network.services.accounts) on real SQLite."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlmodel import select

from lo_network import settings
from lo_network.domain.errors import ValidationError
from lo_network.services import accounts as service
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import ApiToken, LoginSession, User, utcnow

PASSWORD = "correct horse battery"


@pytest.fixture
def email(sql_db) -> str:
    """A fresh address per test (the SQLite file is shared by the session)."""
    return f"user-{uuid.uuid4().hex[:10]}@example.nl"


def change(model, row_id, **values):
    with sql.session() as db:
        row = db.get(model, row_id)
        for key, value in values.items():
            setattr(row, key, value)
        db.add(row)
        db.commit()


# ---------------------------------------------------------------- create_user
def test_create_user_normalises_email_and_hashes_the_password(email):
    user = service.create_user(f"  {email.upper()} ", PASSWORD, "coordinator", name=" Anna ")
    assert (user.email, user.name, user.role, user.active) == (email, "Anna", "coordinator", True)
    assert PASSWORD not in user.password_hash and user.password_hash.startswith("$argon2")


def test_name_defaults_to_the_email(email):
    assert service.create_user(email, PASSWORD, "steering").name == email


@pytest.mark.parametrize("address, password, role, fields", [
    ("anna@", PASSWORD, "admin", {"email"}),
    ("anna@localhost", PASSWORD, "admin", {"email"}),
    (None, "kort", "admin", {"password"}),
    (None, "x" * (service.MIN_PASSWORD - 1), "admin", {"password"}),
    (None, PASSWORD, "superuser", {"role"}),
    ("not-an-email", "kort", "boss", {"email", "password", "role"}),
])
def test_create_user_names_each_bad_field(email, address, password, role, fields):
    with pytest.raises(ValidationError) as caught:
        service.create_user(address or email, password, role)
    assert set(caught.value.errors) == fields
    assert all(" / " in message for message in caught.value.errors.values())
    assert service.authenticate(email, password) is None


def test_a_password_of_the_minimum_length_is_accepted(email):
    password = "fiets-Zwolle"
    assert len(password) == service.MIN_PASSWORD
    assert service.create_user(email, password, "admin").id


def test_duplicate_email_is_refused_whatever_its_case(email):
    service.create_user(email, PASSWORD, "admin")
    with pytest.raises(ValidationError) as caught:
        service.create_user(email.upper(), PASSWORD, "steering")
    assert "already exists" in caught.value.errors["email"]
    with sql.session() as db:
        assert len(db.exec(select(User).where(User.email == email)).all()) == 1


# ---------------------------------------------------------------- authenticate
@pytest.fixture
def user(email) -> User:
    return service.create_user(email, PASSWORD, "organiser")


def test_authenticate_with_the_right_password(user):
    assert service.authenticate(f" {user.email.upper()} ", PASSWORD).id == user.id


@pytest.mark.parametrize("password", ["wrong password", PASSWORD.upper(), ""])
def test_authenticate_with_a_wrong_password(user, password):
    assert service.authenticate(user.email, password) is None


def test_authenticate_unknown_user(email):
    assert service.authenticate(email, PASSWORD) is None


def test_inactive_user_cannot_log_in(user):
    change(User, user.id, active=False)
    assert service.authenticate(user.email, PASSWORD) is None


def test_set_password(user):
    service.set_password(user.email, "a new long password")
    assert service.authenticate(user.email, PASSWORD) is None
    assert service.authenticate(user.email, "a new long password").id == user.id
    with pytest.raises(ValidationError):
        service.set_password(user.email, "short")


# ---------------------------------------------------------------- sessions
def session_row(token: str) -> LoginSession | None:
    with sql.session() as db:
        return db.exec(select(LoginSession).where(LoginSession.token_hash == service._digest(token))).first()


def test_session_resolves_to_its_user_and_stores_only_a_hash(user):
    token = service.start_session(user)
    assert service.user_for_session(token).id == user.id
    with sql.session() as db:
        assert db.exec(select(LoginSession).where(LoginSession.token_hash == token)).first() is None
    assert session_row(token).user_id == user.id


def test_session_lasts_the_configured_hours(user, monkeypatch):
    monkeypatch.setenv("LO_SESSION_HOURS", "2")
    settings.reset()
    try:
        token = service.start_session(user)
    finally:
        monkeypatch.undo()
        settings.reset()
    row = session_row(token)
    lifetime = row.expires_at - row.created_at
    assert timedelta(hours=2) - timedelta(seconds=5) < lifetime <= timedelta(hours=2)


def test_expired_session_is_refused_and_removed(user):
    token = service.start_session(user)
    change(LoginSession, session_row(token).id, expires_at=utcnow() - timedelta(seconds=1))
    assert service.user_for_session(token) is None
    assert session_row(token) is None


def test_end_session(user):
    token, other = service.start_session(user), service.start_session(user)
    service.end_session(token)
    assert service.user_for_session(token) is None
    assert service.user_for_session(other).id == user.id


def test_session_of_an_inactive_user_is_refused(user):
    token = service.start_session(user)
    change(User, user.id, active=False)
    assert service.user_for_session(token) is None


@pytest.mark.parametrize("token", ["", None, "made-up"])
def test_unknown_session_token(sql_db, token):
    assert service.user_for_session(token) is None
    service.end_session(token)  # ending what is not there is harmless


# ---------------------------------------------------------------- API tokens
def token_row(token: str) -> ApiToken | None:
    with sql.session() as db:
        return db.exec(select(ApiToken).where(ApiToken.token_hash == service._digest(token))).first()


def test_api_token_resolves_and_only_its_hash_is_stored(user):
    token = service.create_api_token(user.email.upper(), label="import script")
    assert token.startswith("lo_") and len(token) > 40
    assert service.user_for_api_token(token).id == user.id
    row = token_row(token)
    assert row.label == "import script" and row.last_used_at is not None
    with sql.session() as db:
        assert all(token not in r.token_hash for r in db.exec(select(ApiToken)))


def test_api_tokens_differ(user):
    assert service.create_api_token(user.email) != service.create_api_token(user.email)


def test_revoked_api_token_is_refused(user):
    token = service.create_api_token(user.email)
    change(ApiToken, token_row(token).id, revoked=True)
    assert service.user_for_api_token(token) is None


def test_api_token_of_an_inactive_user_is_refused(user):
    token = service.create_api_token(user.email)
    change(User, user.id, active=False)
    assert service.user_for_api_token(token) is None


@pytest.mark.parametrize("token", ["", None, "lo_made-up"])
def test_unknown_api_token(sql_db, token):
    assert service.user_for_api_token(token) is None


def test_api_token_for_an_unknown_user_is_refused(email):
    with pytest.raises(ValidationError) as caught:
        service.create_api_token(email)
    assert set(caught.value.errors) == {"email"}
