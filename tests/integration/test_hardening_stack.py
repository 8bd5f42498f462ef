"""Hardening, the rest of the real stack: sessions expire by the setting and the
clock; the embedded graph answers only with its generated password."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError

from lo_network import settings
from lo_network.embedded.server import graph_user, root_password
from lo_network.services import accounts as service
from lo_network.sqlstore.models import utcnow


@pytest.fixture
def steering_user(sql_db, users):
    return next(u for u in service.list_users() if u.email == users["steering"].email)


def test_a_session_lasts_as_long_as_the_setting_says(steering_user, monkeypatch):
    monkeypatch.setenv("LO_SESSION_HOURS", "1")
    settings.reset()
    try:
        token = service.start_session(steering_user)
        assert service.user_for_session(token).id == steering_user.id
        later = utcnow() + timedelta(minutes=59)
        monkeypatch.setattr(service, "utcnow", lambda: later)
        assert service.user_for_session(token).id == steering_user.id  # 59 minutes on: still signed in
        later = utcnow() + timedelta(hours=1, seconds=1)
        monkeypatch.setattr(service, "utcnow", lambda: later)
        assert service.user_for_session(token) is None  # an hour on: gone
        monkeypatch.undo()
        monkeypatch.setenv("LO_SESSION_HOURS", "1")
        assert service.user_for_session(token) is None  # and removed, not only hidden
    finally:
        monkeypatch.delenv("LO_SESSION_HOURS", raising=False)
        settings.reset()


def test_a_zero_hour_session_never_signs_in(steering_user, monkeypatch):
    monkeypatch.setenv("LO_SESSION_HOURS", "0")
    settings.reset()
    try:
        assert service.user_for_session(service.start_session(steering_user)) is None
    finally:
        monkeypatch.delenv("LO_SESSION_HOURS")
        settings.reset()


def test_a_signed_out_or_deactivated_user_keeps_no_session(steering_user):
    token = service.start_session(steering_user)
    service.end_session(token)
    assert service.user_for_session(token) is None
    token = service.start_session(steering_user)
    service.set_active(steering_user.id, False)
    try:
        assert service.user_for_session(token) is None
    finally:
        service.set_active(steering_user.id, True)


def test_the_graph_refuses_a_wrong_or_missing_password(graph_server, lo_env):
    right = root_password(lo_env.graph_dir)
    user = graph_user(lo_env)
    for password in ("", "neo4j", right[:-1]):  # none, Neo4j's well-known default, nearly right
        with GraphDatabase.driver(lo_env.bolt_uri, auth=(user, password)) as bad:
            with pytest.raises((AuthError, ClientError)) as refused:
                bad.verify_connectivity()
            # Neo4j refuses further attempts for a while after three wrong ones
            assert isinstance(refused.value, AuthError) or refused.value.code.endswith("AuthenticationRateLimit")
    deadline = time.monotonic() + 15
    with GraphDatabase.driver(lo_env.bolt_uri, auth=(user, right)) as good:
        while True:  # the right password, once the lock of the wrong attempts ran out
            try:
                good.verify_connectivity()
                break
            except ClientError as exc:
                if not exc.code.endswith("AuthenticationRateLimit") or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)


def test_the_password_is_strong(graph_server, lo_env):
    password = root_password(lo_env.graph_dir)
    assert len(password) >= 24 and len(set(password)) >= 12
