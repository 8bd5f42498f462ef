"""``lo-network`` commands (lo_network.cli): exit codes and messages, in-process and as a process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid

import pytest

from lo_network import cli
from lo_network.services import accounts as service
from tests.conftest import free_port

PASSWORD = "correct horse battery"


@pytest.fixture
def email(sql_db, monkeypatch) -> str:
    monkeypatch.delenv("LO_NEW_USER_PASSWORD", raising=False)
    return f"cli-{uuid.uuid4().hex[:10]}@example.nl"


def lo_network(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``python -m lo_network.cli`` with this test run's LO_* settings (lo_env) plus ``env``."""
    return subprocess.run([sys.executable, "-m", "lo_network.cli", *args], env=dict(os.environ, **env),
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


# ---------------------------------------------------------------- create-user
def test_create_user(email, capsys):
    assert cli.main(["create-user", email.upper(), "--role", "organiser", "--name", "Olga",
                     "--password", PASSWORD]) == 0
    assert f"user {email} created with role organiser" in capsys.readouterr().out
    user = service.authenticate(email, PASSWORD)
    assert (user.role, user.name) == ("organiser", "Olga")


def test_create_user_takes_the_password_from_the_environment(email, monkeypatch):
    monkeypatch.setenv("LO_NEW_USER_PASSWORD", PASSWORD)
    assert cli.main(["create-user", email, "--role", "steering"]) == 0
    assert service.authenticate(email, PASSWORD).role == "steering"


@pytest.mark.parametrize("address, password, field", [
    ("anna@", PASSWORD, "email"),
    ("not an email", PASSWORD, "email"),
    (None, "short", "password"),
    (None, "", "password"),  # no password given and no terminal to ask for one
])
def test_create_user_with_bad_input_exits_2_naming_the_field(email, capsys, address, password, field):
    assert cli.main(["create-user", address or email, "--role", "admin", "--password", password]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"lo-network: {field}: ")
    assert service.authenticate(address or email, password or PASSWORD) is None


def test_create_user_twice_exits_2(email, capsys):
    assert cli.main(["create-user", email, "--role", "admin", "--password", PASSWORD]) == 0
    assert cli.main(["create-user", email, "--role", "coordinator", "--password", PASSWORD]) == 2
    assert "lo-network: email: bestaat al / already exists" in capsys.readouterr().err
    assert service.authenticate(email, PASSWORD).role == "admin"


def test_create_user_with_an_unknown_role_is_refused_by_the_parser(email, capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["create-user", email, "--role", "boss", "--password", PASSWORD])
    assert caught.value.code == 2
    assert "--role" in capsys.readouterr().err


# ---------------------------------------------------------------- create-token
def test_create_token_prints_a_token_that_resolves(email, capsys):
    user = service.create_user(email, PASSWORD, "coordinator")
    assert cli.main(["create-token", email, "--label", "import"]) == 0
    token = capsys.readouterr().out.strip()
    assert service.user_for_api_token(token).id == user.id


def test_create_token_for_an_unknown_user_exits_2(email, capsys):
    assert cli.main(["create-token", email]) == 2
    assert capsys.readouterr().err.startswith("lo-network: email: ")


# ---------------------------------------------------------------- migrate
def test_migrate_against_the_running_graph_is_up_to_date(graph_server):
    result = lo_network("migrate")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    assert "starting the embedded graph server" not in result.stdout  # it found the running one
    assert "migrations applied" not in result.stdout


def test_migrate_with_an_unreachable_graph_exits_3(lo_env):
    result = lo_network("migrate", LO_NEO4J_URI=f"bolt://127.0.0.1:{free_port()}", LO_NEO4J_PASSWORD="x")
    assert result.returncode == 3
    assert "niet bereikbaar" in result.stderr and "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr


def test_graph_server_refuses_to_run_with_an_external_neo4j(lo_env):
    result = lo_network("graph-server", LO_NEO4J_URI="bolt://127.0.0.1:7687")
    assert result.returncode == 2
    assert "LO_NEO4J_URI" in result.stderr


def test_a_command_needing_the_embedded_graph_names_a_taken_port(lo_env, tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        result = lo_network("migrate", LO_DATA_DIR=str(tmp_path), LO_GRAPH_BOLT_PORT=str(port))
    assert result.returncode == 3
    assert f"port {port}" in result.stderr and "LO_GRAPH_BOLT_PORT" in result.stderr
