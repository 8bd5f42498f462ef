"""Shared fixtures: a real embedded graph server over Bolt and a real SQLite file.

The graph server starts once per test session on free loopback ports in a temporary data
folder; each test that asks for ``graph`` gets an empty network (schema kept)."""

from __future__ import annotations

import contextlib
import os
import socket

import pytest

from lo_network import settings
from lo_network.sqlstore import sql

# records which graph/**/*.cypher files the integration tests execute (see the module)
pytest_plugins = ["tests.query_coverage"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def lo_env(tmp_path_factory):
    """Point every setting at a private data folder and free ports for this test run; with
    LO_TEST_SQL=postgresql the SQL store is a PostgreSQL server of the run's own."""
    data = tmp_path_factory.mktemp("lo_data")
    env = {
        "LO_DATA_DIR": str(data),
        "LO_GRAPH_BOLT_PORT": str(free_port()),
        "LO_NEO4J_DATABASE": "neo4j",
    }
    old = {k: os.environ.get(k) for k in env}
    for k in ("LO_NEO4J_URI", "LO_DATABASE_URL"):
        old[k] = os.environ.pop(k, None)
    with contextlib.ExitStack() as stack:
        if os.environ.get("LO_TEST_SQL") == "postgresql":
            from tests.postgres import private_postgres

            env["LO_DATABASE_URL"] = stack.enter_context(private_postgres())
        os.environ.update(env)
        settings.reset()
        sql.reset()
        yield settings.get()
        sql.reset()
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    settings.reset()


@pytest.fixture(scope="session")
def graph_server(lo_env):
    from lo_network.embedded.launcher import EmbeddedGraph
    from lo_network.store import driver, schema

    server = EmbeddedGraph(lo_env).start()
    try:
        schema.migrate()
        yield server
    finally:
        driver.close()
        server.stop()


@pytest.fixture
def graph(graph_server):
    """An empty network on the real graph server."""
    from lo_network.store import network

    network.wipe()
    yield graph_server


@pytest.fixture(scope="session")
def sql_db(lo_env):
    sql.init()
    return sql.engine()


@pytest.fixture
def users(sql_db):
    """One user per role (created once), as service Actors: users['steering'] etc."""
    from lo_network.services import accounts as service

    known = {u.email: u for u in service.list_users()}  # no password hashing per test
    actors = {}
    for role in ("admin", "coordinator", "organiser", "steering"):
        email = f"{role}@test.example"
        user = known.get(email) or service.create_user(
            email, "correct horse battery", role, name=role.title()
        )
        if user.role != role or not user.active:  # an earlier test changed it
            service.set_active(user.id, True)
            user = service.set_role(user.id, role)
        actors[role] = service.Actor.of(user)
    return actors
