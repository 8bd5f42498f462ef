"""Hardening on the real stack: failed logins slowed down (in SQL, shared by
workers), password strength, security headers on API answers, sessions that expire."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from lo_network.api.app import create_api
from lo_network.api.security import CSP
from lo_network.domain.errors import ValidationError
from lo_network.services import accounts as service
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import AuditEntry, LoginFailure, LoginSession, utcnow

PASSWORD = "correct horse battery"


@pytest.fixture
def email(sql_db) -> str:
    return f"hard-{uuid.uuid4().hex[:10]}@example.nl"


@pytest.fixture
def user(email):
    return service.create_user(email, PASSWORD, "steering")


def client_address() -> str:
    return f"10.7.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


# ---------------------------------------------------------------- failed logins
def test_the_email_is_locked_after_five_failures_even_for_the_right_password(user):
    ip = client_address()
    for _ in range(service.FREE_FAILURES["email"] - 1):
        assert service.sign_in(user.email, "wrong password!", ip) is None
    assert service.login_wait(user.email, ip) == 0
    assert service.sign_in(user.email, "wrong password!", ip) is None  # the 5th: locked now
    wait = service.login_wait(user.email, client_address())  # another address: the email is locked
    assert service.FIRST_LOCK_SECONDS - 2 <= wait <= service.FIRST_LOCK_SECONDS + 1
    with pytest.raises(service.LoginThrottled) as caught:
        service.sign_in(user.email, PASSWORD, client_address())
    assert caught.value.seconds == pytest.approx(wait, abs=2)
    assert "try again" in str(caught.value)


def test_each_further_failure_doubles_the_lock_up_to_the_maximum(user):
    key = f"email:{user.email}"
    for _ in range(service.FREE_FAILURES["email"]):
        service._count_failure(key)
    first = service.login_wait(user.email)
    service._count_failure(key)
    second = service.login_wait(user.email)
    assert second == pytest.approx(2 * first, abs=2)
    for _ in range(20):
        service._count_failure(key)
    assert service.login_wait(user.email) <= service.MAX_LOCK_SECONDS + 1


def test_a_lock_ends_and_a_success_clears_the_count(user):
    ip = client_address()
    for _ in range(service.FREE_FAILURES["email"]):
        service.sign_in(user.email, "wrong password!", ip)
    with sql.session() as db:  # the lock has run out
        row = db.get(LoginFailure, f"email:{user.email}")
        row.locked_until = utcnow() - timedelta(seconds=1)
        db.add(row)
        db.commit()
    assert service.sign_in(user.email, PASSWORD, ip).id == user.id
    with sql.session() as db:
        assert db.get(LoginFailure, f"email:{user.email}") is None
        assert db.get(LoginFailure, f"ip:{ip}").failures == service.FREE_FAILURES["email"]


def test_one_client_address_trying_many_emails_is_locked(sql_db):
    ip = client_address()
    for n in range(service.FREE_FAILURES["ip"]):
        service.sign_in(f"nobody-{n}-{uuid.uuid4().hex[:6]}@example.nl", "wrong password!", ip)
    with pytest.raises(service.LoginThrottled):
        service.sign_in(f"fresh-{uuid.uuid4().hex[:6]}@example.nl", "any password at all", ip)
    assert service.login_wait("someone-else@example.nl", client_address()) == 0


def test_another_worker_process_sees_the_same_lock(user, lo_env):
    """The count lives in SQL: a separate Python process (its own engine) is refused too."""
    for _ in range(service.FREE_FAILURES["email"]):
        service.sign_in(user.email, "wrong password!", client_address())
    code = ("import json,sys; from lo_network.services import accounts as s; "
            f"print(json.dumps(s.login_wait({user.email!r})))")
    done = subprocess.run([sys.executable, "-c", code], env=dict(os.environ), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) > 0


# ---------------------------------------------------------------- password strength
@pytest.mark.parametrize("password", [
    "kort", "elf tekens!", "Password1234!", "welkom2024!!", "123456789012", "qwertyuiopqw",
    "aaaaaaaaaaaaaa", "wachtwoordwachtwoord", "logistiek2025",
])
def test_weak_passwords_are_refused_naming_the_field(email, password):
    with pytest.raises(ValidationError) as caught:
        service.create_user(email, password, "steering")
    assert set(caught.value.errors) == {"password"} and " / " in caught.value.errors["password"]


def test_the_email_name_is_not_a_password(sql_db):
    with pytest.raises(ValidationError) as caught:
        service.create_user("anna.jansenvries@example.nl", "Anna.Jansenvries2024", "steering")
    assert "password" in caught.value.errors


@pytest.mark.parametrize("password", ["correct horse battery", "x8Gk2mPq9wLz", "fiets-naar-Zwolle-7"])
def test_strong_passwords_are_accepted(email, password):
    assert service.create_user(email, password, "steering").id


def test_set_password_checks_the_strength_too(user):
    with pytest.raises(ValidationError) as caught:
        service.set_password(user.email, "Password1234!")
    assert "password" in caught.value.errors


# ---------------------------------------------------------------- accounts are audited
def test_account_changes_are_audited_with_actor_and_before_after(email):
    user = service.create_user(email, PASSWORD, "steering", actor_email="boss@example.nl", via="ui")
    service.set_role(user.id, "coordinator", actor_email="boss@example.nl", via="ui")
    service.set_active(user.id, False)
    service.set_password(email, "another strong phrase")
    with sql.session() as db:
        rows = db.exec(select(AuditEntry).where(AuditEntry.entity == "user", AuditEntry.entity_id == str(user.id))
                       .order_by(AuditEntry.id)).all()
    seen = [(r.actor, r.via, r.action, json.loads(r.before or "null"), json.loads(r.after or "null")) for r in rows]
    assert seen[0][:3] == ("boss@example.nl", "ui", "create") and seen[0][4]["role"] == "steering"
    assert seen[1] == ("boss@example.nl", "ui", "update", {"role": "steering"}, {"role": "coordinator"})
    assert seen[2] == ("cli", "cli", "update", {"active": True}, {"active": False})
    assert seen[3][2] == "set_password" and PASSWORD not in rows[3].after and "phrase" not in rows[3].after
    assert all(PASSWORD not in (r.before + r.after) for r in rows)


# ---------------------------------------------------------------- sessions expire
def test_an_expired_session_keeps_no_rights_and_is_removed(user):
    token = service.start_session(user)
    assert service.user_for_session(token).id == user.id
    with sql.session() as db:
        row = db.exec(select(LoginSession).where(LoginSession.token_hash == service._digest(token))).one()
        row.expires_at = utcnow() - timedelta(seconds=1)
        db.add(row)
        db.commit()
    assert service.user_for_session(token) is None
    with sql.session() as db:
        assert db.exec(select(LoginSession).where(LoginSession.token_hash == service._digest(token))).first() is None


# ---------------------------------------------------------------- security headers (API)
@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/organisations", "/api/v1/openapi.json", "/nowhere"])
def test_every_api_answer_has_the_security_headers(sql_db, path):
    with TestClient(create_api()) as client:
        answer = client.get(path)
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in answer.headers["permissions-policy"]
    assert answer.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "object-src 'none'" in CSP
