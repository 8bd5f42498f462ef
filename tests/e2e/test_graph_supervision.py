"""The running app outlives its embedded graph server: `lo-network serve` restarts it after
``kill -9``; meanwhile the API says the graph is unavailable (503), and once it is back the
API and the pages read again, without a restart of serve.

The test waits until the graph answers again before it ends, so the tests after it find the
shared app healthy."""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from lo_network.embedded.server import PID_FILE, GraphServerError, lock_folder
from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e

RECOVERY_TIMEOUT = 180.0  # 1 s pause, then a JVM start on 2 busy cores


def parent_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat.rsplit(")", 1)[1].split()[1])  # the field after the state


def graph_server_pid(app) -> int:
    """The PID the graph server records in the data folder, checked to be serve's child."""
    pid = int((app.data_dir / "graph" / PID_FILE).read_text())
    assert b"graph-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    assert parent_of(pid) == app.process.pid
    return pid


def hold_the_folder(app, timeout: float = 30.0):
    """The data folder's lock for this process, as soon as the killed server's is released:
    while the test holds it every restart is refused, so the outage lasts until it lets go
    (a restart on a quiet machine can be quicker than one request that meets the dead server)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return lock_folder(app.data_dir / "graph")
        except GraphServerError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def wait_for_log(app, text: str, timeout: float = RECOVERY_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while text not in app.log_path.read_text(errors="replace"):
        if time.monotonic() > deadline:
            raise AssertionError(f"serve's log does not say {text!r} within {timeout:.0f} s")
        time.sleep(0.2)


def wait_until_read_ok(client: httpx.Client, path: str) -> httpx.Response:
    deadline = time.monotonic() + RECOVERY_TIMEOUT
    while True:
        try:
            answer = client.get(path)
            if answer.status_code == 200:
                return answer
            assert answer.status_code == 503, answer.text  # unavailable, never a 500
        except httpx.TimeoutException:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"the graph did not come back within {RECOVERY_TIMEOUT:.0f} s")
        time.sleep(0.5)


def test_a_killed_graph_server_is_restarted_and_the_app_reads_again(app, admin, page):
    from lo_network.services import accounts
    from lo_network.ratelimit import public_limiter
    from lo_network.services import organisations

    name = f"Voor de crash {uuid.uuid4().hex[:6]}"
    org = organisations.create(admin, {"name": name, "kind": "company"}, via="e2e")
    token = accounts.create_api_token(app.accounts["coordinator"].email, "e2e supervision")
    client = httpx.Client(base_url=app.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    read = f"/api/v1/organisations/{org['id']}"
    assert client.get(read).json()["name"] == name
    log_in(page, app.accounts["coordinator"])  # a UI session open across the outage
    serve, killed = app.process.pid, graph_server_pid(app)

    public_limiter.reset()  # /health is open, so rate limited: this test's request must count alone
    os.kill(killed, signal.SIGKILL)
    lock = hold_the_folder(app)
    try:
        health = httpx.get(app.base_url + "/api/v1/health", timeout=30)
        assert health.status_code == 503 and health.json()["graph"] == "unavailable"
        wait_for_log(app, "in use by another graph server")  # serve's first restart met the held folder
    finally:
        lock.close()  # the next restart attempt takes the folder
        answer = wait_until_read_ok(client, read)  # whatever happened, leave the app healthy
        client.close()
    assert answer.json()["name"] == name

    assert app.process.poll() is None and app.process.pid == serve  # serve itself ran on
    restarted = graph_server_pid(app)
    assert restarted != killed
    log = app.log_path.read_text(errors="replace")
    assert "embedded graph server ended (signal SIGKILL)" in log and "Restart attempt 1 in 1 s" in log
    assert "the embedded graph server runs again" in log

    page.goto(f"/organisaties/{org['id']}")
    expect(page.locator("#page-title")).to_have_text(name)
    expect(page.locator("#graph-down-banner")).to_have_count(0)
    assert httpx.get(app.base_url + "/api/v1/health", timeout=30).json()["graph"] == "ok"


def test_one_process_holds_the_app_beside_the_graph_server(app):
    """Without several workers the app is served by the process that built it: under serve,
    one Python process (it answers on the app's port) and the graph server's JVM."""
    from tests.e2e.workers import connections_per_worker, descendants

    with httpx.Client(base_url=app.base_url, timeout=30) as client:
        assert client.get("/ping").status_code == 200
        serving = connections_per_worker(app.process.pid, int(app.env["LO_PORT"]))
    commands = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0") for pid in descendants(app.process.pid)}
    pythons = sorted(pid for pid, words in commands.items() if b"lo_network.reflex_main" in words)
    assert len(pythons) == 1, commands
    assert set(serving) == set(pythons)  # the one that answered
    assert [pid for pid in commands if pid not in pythons] == [graph_server_pid(app)]
