"""LO_NEO4J_URI (a Neo4j server or AuraDB elsewhere): the app's commands use that server and
start no embedded one. The session's embedded Neo4j plays the remote server, reached over
``bolt://`` (direct) and ``neo4j://`` (routing, which a single server answers too)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from lo_network.embedded.server import graph_user, root_password
from lo_network.store import driver, network

ORGANISATIONS = 20


def lo_network(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lo_network.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture
def external_env(graph, lo_env, tmp_path):
    """The environment of an installation whose graph is an external Neo4j: its own, empty
    data folder (SQL there), the session's graph server as the remote one."""
    data = tmp_path / "external"
    data.mkdir()  # where the export below is written, whichever SQL store the run uses
    env = {k: v for k, v in os.environ.items() if not k.startswith("LO_GRAPH_")}  # the defaults
    env.update(LO_DATA_DIR=str(data), LO_NEO4J_USER=graph_user(lo_env),
               LO_NEO4J_PASSWORD=root_password(lo_env.graph_dir), LO_NEO4J_DATABASE=lo_env.neo4j_database)
    return data, env, f"127.0.0.1:{lo_env.graph_bolt_port}"


def test_commands_use_the_external_neo4j_over_bolt_and_neo4j_schemes(external_env):
    data, env, address = external_env

    seeded = lo_network("seed-demo", "--organisations", str(ORGANISATIONS),
                        env=dict(env, LO_NEO4J_URI=f"bolt://{address}"))
    assert seeded.returncode == 0, seeded.stderr
    assert "starting the embedded graph server" not in seeded.stdout
    # written to the session's graph, seen in this process through its own driver
    assert driver.read(network.counts)["organisations"] == ORGANISATIONS

    out = data / "organisaties.csv"
    exported = lo_network("export", "organisations", "--out", str(out),
                          env=dict(env, LO_NEO4J_URI=f"neo4j://{address}"))
    assert exported.returncode == 0, exported.stderr
    assert "starting the embedded graph server" not in exported.stdout
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + ORGANISATIONS  # header and the seeded organisations

    # the commands used the data folder for SQL only: no embedded graph was set up there
    assert data.is_dir() and not (data / "graph").exists()
