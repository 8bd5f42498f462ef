"""The supervisor of the embedded graph server (lo_network.embedded.supervisor): a server
killed with ``kill -9`` comes back on the same port, lo_network's store reaches it again
through the driver it already had, the data folder's lock still refuses a second server and
never blocks the restart, a clean stop stays stopped, and restarts back off.

The real servers run in their own temporary data folders on free ports; this process is
pointed at them while a test runs (the session's graph server is left alone)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lo_network import settings
from lo_network.domain import organisations as domain
from lo_network.embedded.launcher import EmbeddedGraph
from lo_network.embedded.server import PID_FILE, GraphServerError, lock_folder
from lo_network.embedded.supervisor import Supervisor
from lo_network.store import driver
from lo_network.store import organisations as store
from tests.conftest import free_port
from tests.integration.test_embedded_server import env_for, graph_server_process

ATTEMPT = re.compile(r"Restart attempt (\d+) in ([\d.]+) s")


def wait_for(condition, timeout: float = 60.0, what: str = "condition"):
    """Poll ``condition`` until it returns something true; that value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Reports(list):
    """What the supervisor reports, kept for the test (and safe to read from this thread)."""

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()

    def __call__(self, message: str) -> None:
        with self.lock:
            self.append(message)

    def copy(self) -> list[str]:
        with self.lock:
            return list(self)


@pytest.fixture
def own_graph(tmp_path):
    """Settings of a graph server in its own folder on free ports, and lo_network (settings,
    driver) pointed at it for the test."""
    env = {"LO_DATA_DIR": str(tmp_path), "LO_GRAPH_BOLT_PORT": str(free_port()), "LO_NEO4J_DATABASE": "neo4j"}
    old = {k: os.environ.get(k) for k in [*env, "LO_NEO4J_URI"]}
    os.environ.pop("LO_NEO4J_URI", None)
    os.environ.update(env)
    driver.close()
    settings.reset()
    try:
        yield settings.get()
    finally:
        driver.close()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        settings.reset()


def organisation_names() -> list[str]:
    return [o["name"] for o in driver.read(store.search, {}, "name", 0, 100)]


def take_lock(graph_dir: Path, timeout: float = 10.0):
    """The data folder's lock, for this process, as soon as nobody holds it."""

    def attempt():
        try:
            return lock_folder(graph_dir)
        except GraphServerError:
            return None

    return wait_for(attempt, timeout, "the data folder's lock")


def test_a_killed_server_comes_back_and_the_store_reconnects_until_a_clean_stop(own_graph):
    reports = Reports()
    supervisor = Supervisor(EmbeddedGraph(own_graph), first_delay=0.5, report=reports).start()
    try:
        server = supervisor.server
        driver.write(store.create, domain.validate({"name": "Voor de crash", "kind": "company"}))
        assert organisation_names() == ["Voor de crash"]
        the_driver = driver.get_driver()  # its pool now holds connections to the doomed server

        pid_file = own_graph.graph_dir / PID_FILE
        killed = int(pid_file.read_text())
        assert killed == server.pid
        os.kill(killed, signal.SIGKILL)

        # the kernel freed the lock with the process: another taker gets it at once (here the
        # test, standing in for a second server), and the supervisor's restart is refused
        # with the clear message until the folder is free again
        held = take_lock(own_graph.graph_dir)
        try:
            assert not driver.ping()
            wait_for(lambda: any("did not start again" in r for r in reports.copy()), what="a refused restart")
        finally:
            held.close()
        refused = next(r for r in reports.copy() if "did not start again" in r)
        assert "in use by another graph server" in refused and f"process {os.getpid()}" in refused

        wait_for(lambda: supervisor.restarts == 1, what="the restart")
        first = reports.copy()[0]
        assert "ended (signal SIGKILL)" in first and "Restart attempt 1 in 0.5 s" in first
        assert [int(a) for a, _ in ATTEMPT.findall(" ".join(reports.copy()))] == [1, 2]
        assert "runs again (restart attempt 2)" in reports.copy()[-1]

        # back on the same port, a new process holding the lock; the app's driver recovers
        assert server.pid != killed and int(pid_file.read_text()) == server.pid
        socket.create_connection(("127.0.0.1", own_graph.graph_bolt_port), timeout=2).close()
        assert organisation_names() == ["Voor de crash"]
        assert driver.get_driver() is the_driver
        driver.write(store.create, domain.validate({"name": "Na de crash", "kind": "company"}))
        assert organisation_names() == ["Na de crash", "Voor de crash"]

        # a second server on the same folder is still refused, naming the restarted one
        result = graph_server_process(dict(env_for(own_graph), LO_GRAPH_BOLT_PORT=str(free_port())))
        assert result.returncode != 0
        assert "in use" in result.stderr and f"process {server.pid}" in result.stderr
        assert server.wait(0) is None  # and the supervised one runs on
        said = len(reports.copy())
    finally:
        process = supervisor.server.process
        driver.close()  # as serve does: the app's connections go first, then the server
        supervisor.stop()

    # a clean stop (SIGTERM) is not restarted: the watcher is gone, the folder free
    assert process.returncode == 0
    assert not supervisor._thread.is_alive()
    assert len(reports.copy()) == said and supervisor.restarts == 1
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", own_graph.graph_bolt_port), timeout=2).close()
    take_lock(own_graph.graph_dir, timeout=0.5).close()


class ShortLived:
    """A stand-in engine: any process with start / wait / stop will do. Each start runs a
    real process that lives for the next of ``lives`` seconds, then exits with code 3."""

    def __init__(self, lives: list[float]):
        self.lives = list(lives)
        self.process: subprocess.Popen | None = None

    def start(self):
        life = self.lives.pop(0) if self.lives else 60.0
        self.process = subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({life}); raise SystemExit(3)"])
        return self

    def wait(self, timeout=None):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def test_restarts_back_off_to_a_cap_and_start_over_after_a_steady_run():
    lives = [0, 0, 0, 0, 0, 2.0, 0, 0]  # the sixth run outlasts steady_after
    reports = Reports()
    supervisor = Supervisor(ShortLived(lives), first_delay=0.05, max_delay=0.4, steady_after=1.5,
                            report=reports).start()
    try:
        wait_for(lambda: len(ATTEMPT.findall(" ".join(reports.copy()))) >= 8, what="eight restarts")
    finally:
        supervisor.stop()
    attempts = [(int(a), float(d)) for a, d in ATTEMPT.findall(" ".join(reports.copy()))]
    assert attempts[:8] == [(1, 0.05), (2, 0.1), (3, 0.2), (4, 0.4), (5, 0.4),
                            (1, 0.05), (2, 0.1), (3, 0.2)]
    assert "ended (exit code 3)" in reports.copy()[0]
