"""The embedded graph server (lo_network.embedded): secrets, loopback only, one per folder,
clear errors, clean stop, and committed data surviving restarts (also after kill -9).

Extra servers run in their own temporary data folders on free ports and are stopped by PID."""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from lo_network.domain import organisations as domain
from lo_network.embedded.launcher import EmbeddedGraph
from lo_network.embedded.server import PASSWORD_FILE, READY_FILE, graph_user, root_password
from lo_network.store import organisations as store
from lo_network.store.queries import q
from tests.conftest import free_port

PACKAGE = Path(__file__).resolve().parents[2] / "lo_network"


def graph_server_process(env: dict[str, str]) -> subprocess.CompletedProcess:
    """``lo-network graph-server`` in the foreground, expected to refuse to start."""
    return subprocess.run([sys.executable, "-m", "lo_network.cli", "graph-server"], env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def env_for(settings) -> dict[str, str]:
    env = dict(os.environ, LO_DATA_DIR=str(settings.data_dir), LO_NEO4J_DATABASE=settings.neo4j_database,
               LO_GRAPH_BOLT_PORT=str(settings.graph_bolt_port))
    env.pop("LO_NEO4J_URI", None)
    return env


# ---------------------------------------------------------------- which server answers
def test_the_embedded_server_is_neo4j_itself(graph_server, lo_env):
    with GraphDatabase.driver(lo_env.bolt_uri, auth=(graph_user(lo_env), root_password(lo_env.graph_dir))) as drv:
        drv.verify_connectivity()
        assert drv.get_server_info().agent.startswith("Neo4j/5.26.")
        kernel = drv.execute_query(q("meta/components"), database_=lo_env.neo4j_database).records
    assert [(r["name"], r["versions"][0][:5], r["edition"]) for r in kernel] == [("Neo4j Kernel", "5.26.", "community")]


def test_later_starts_need_neither_maven_nor_the_network(graph_server, lo_env, monkeypatch):
    """The jars were fetched once (this session's server runs on them): preparing another
    start finds them in the cache and runs no Maven, nor javac."""
    import shutil

    from lo_network.embedded.neo4j import jars

    which = shutil.which
    monkeypatch.setattr(jars.shutil, "which", lambda tool: None if tool in ("mvn", "javac") else which(tool))
    monkeypatch.setattr(jars.subprocess, "run", lambda *a, **k: pytest.fail(f"ran {a[0][0]}"))
    cache = jars.ensure(lo_env)
    assert (cache / "classes" / "Neo4jServer.class").exists()
    assert any((cache / "lib").glob(f"neo4j-bolt-{jars.NEO4J_VERSION}.jar"))


# ---------------------------------------------------------------- the root password
def test_root_password_is_generated_and_kept_private(graph_server, lo_env, tmp_path):
    path = lo_env.graph_dir / PASSWORD_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    password = path.read_text().strip()
    assert len(password) >= 32
    assert root_password(lo_env.graph_dir) == password  # kept, not regenerated
    assert root_password(tmp_path / "other") != password  # generated per data folder
    assert not any(password in source.read_text() for source in PACKAGE.rglob("*.py"))


def test_an_existing_password_file_is_made_private(tmp_path):
    path = tmp_path / PASSWORD_FILE
    path.write_text("s3cret-from-before\n")
    path.chmod(0o644)
    assert root_password(tmp_path) == "s3cret-from-before"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# ---------------------------------------------------------------- loopback only
def _address(hex_address: str) -> ipaddress._BaseAddress:
    """An address as /proc/net/tcp{,6} writes it (32-bit words in host order, little-endian here)."""
    raw = bytes.fromhex(hex_address)
    raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.ip_address(raw)


def listening_sockets(pid: int) -> list[tuple[ipaddress._BaseAddress, int]]:
    """(address, port) of every TCP socket the process listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                address, port = local.split(":")
                found.append((_address(address), int(port, 16)))
    return found


def is_loopback(address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def non_loopback_addresses() -> list[str]:
    """This machine's own addresses other than loopback, from /proc (IPv4 and global IPv6)."""
    lines = Path("/proc/net/fib_trie").read_text().splitlines()
    found = {lines[i - 1].split()[-1] for i, line in enumerate(lines) if "/32 host LOCAL" in line}
    for line in Path("/proc/net/if_inet6").read_text().splitlines():
        hex_address, scope = line.split()[0], line.split()[3]
        if scope == "00":  # global scope
            found.add(str(ipaddress.ip_address(bytes.fromhex(hex_address))))
    return sorted(a for a in found if not ipaddress.ip_address(a).is_loopback)


def server_ports(settings) -> set[int]:
    """The ports the embedded server may listen on: Bolt only (no HTTP connector in the
    embedded jars, routing off)."""
    return {settings.graph_bolt_port}


def test_listens_on_loopback_only(graph_server, lo_env):
    sockets = listening_sockets(graph_server.process.pid)
    ports = {port for _, port in sockets}
    assert lo_env.graph_bolt_port in ports
    assert ports <= server_ports(lo_env)
    assert all(is_loopback(address) for address, _ in sockets), sockets


@pytest.mark.parametrize("address", non_loopback_addresses() or [pytest.param(None, marks=pytest.mark.skip(
    reason="this machine has no address besides loopback"))])
def test_cannot_be_reached_from_another_address(graph_server, lo_env, address):
    for port in sorted(server_ports(lo_env)):
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=2).close()
    socket.create_connection(("127.0.0.1", lo_env.graph_bolt_port), timeout=2).close()


# ---------------------------------------------------------------- refusing to start, clearly
def test_a_second_server_on_the_same_folder_is_refused(graph_server, lo_env):
    result = graph_server_process(dict(env_for(lo_env), LO_GRAPH_BOLT_PORT=str(free_port())))
    assert result.returncode != 0
    assert str(lo_env.graph_dir) in result.stderr and "in use" in result.stderr
    assert (lo_env.graph_dir / READY_FILE).read_text().strip() == str(graph_server.process.pid)


def test_a_taken_port_is_named_with_its_setting(lo_env, tmp_path):
    setting = "LO_GRAPH_BOLT_PORT"
    settings = dataclasses.replace(lo_env, data_dir=tmp_path, graph_bolt_port=free_port())
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        result = graph_server_process(dict(env_for(settings), **{setting: str(port)}))
    assert result.returncode != 0
    assert f"port {port}" in result.stderr and setting in result.stderr
    assert not (settings.graph_dir / READY_FILE).exists()


def test_a_folder_still_holding_an_arcadedb_graph_is_refused(lo_env, tmp_path):
    """A data folder of the versions that ran ArcadeDB: starting an empty Neo4j beside it
    would look as if the network were gone, so the server refuses and says what to do."""
    settings = dataclasses.replace(lo_env, data_dir=tmp_path, graph_bolt_port=free_port())
    (settings.graph_dir / "server" / "databases" / "neo4j").mkdir(parents=True)
    result = graph_server_process(env_for(settings))
    assert result.returncode == 2
    assert "ArcadeDB" in result.stderr and "export --all" in result.stderr and "restore" in result.stderr
    assert not (settings.graph_dir / "neo4j").exists() and not (settings.graph_dir / READY_FILE).exists()


# ---------------------------------------------------------------- stopping and restarting
@pytest.fixture
def spare(lo_env, tmp_path):
    """Settings of an extra graph server in its own data folder on free ports."""
    return dataclasses.replace(lo_env, data_dir=tmp_path, graph_bolt_port=free_port())


@pytest.fixture
def started(spare):
    """Start servers on ``spare``'s folder; whatever is still running at the end is stopped."""
    servers: list[EmbeddedGraph] = []

    def start() -> EmbeddedGraph:
        servers.append(EmbeddedGraph(spare).start(timeout=240))  # over a minute on a busy machine
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def organisation_names(settings) -> list[str]:
    with GraphDatabase.driver(settings.bolt_uri, auth=(graph_user(settings), root_password(settings.graph_dir))) as drv:
        with drv.session(database=settings.neo4j_database) as session:
            return [o["name"] for o in session.execute_read(store.search, {}, "name", 0, 100)]


def add_organisation(settings, name: str) -> None:
    with GraphDatabase.driver(settings.bolt_uri, auth=(graph_user(settings), root_password(settings.graph_dir))) as drv:
        with drv.session(database=settings.neo4j_database) as session:
            session.execute_write(store.create, domain.validate({"name": name, "kind": "company"}))


def test_a_password_starting_with_a_dash_is_taken_as_the_password(spare, started):
    """The generated password may start with "-" (one start in 64): it must not be read as
    an option by Neo4j's set-initial-password, which refused it and the server with it."""
    spare.graph_dir.mkdir(parents=True)
    password_file = spare.graph_dir / "root_password"
    password_file.write_text("-" + "x" * 31)
    password_file.chmod(0o600)
    started()
    with GraphDatabase.driver(spare.bolt_uri, auth=(graph_user(spare), "-" + "x" * 31)) as drv:
        drv.verify_connectivity()


def test_sigterm_stops_cleanly_and_data_survives_restarts_and_kill_9(spare, started):
    marker = spare.graph_dir / READY_FILE
    server = started()
    migrate = subprocess.run([sys.executable, "-m", "lo_network.cli", "migrate"], env=env_for(spare),
                             capture_output=True, text=True, timeout=60)
    assert migrate.returncode == 0, migrate.stderr
    assert "migrations applied: 001_constraints, 002_indexes" in migrate.stdout
    add_organisation(spare, "Voor de herstart")

    process = server.process
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not marker.exists()
    assert "lo-network graph-server: stopped" in server.log_path.read_text()

    server = started()
    assert organisation_names(spare) == ["Voor de herstart"]
    add_organisation(spare, "Voor kill -9")

    process = server.process
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert marker.exists()  # left behind: the next start must see its process is gone
    marker.write_text(str(os.getpid()))  # ... even when its PID now belongs to another program

    started()
    assert organisation_names(spare) == ["Voor de herstart", "Voor kill -9"]
