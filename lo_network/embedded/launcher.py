"""Start the embedded graph server as a child process, wait until it answers, stop it.

:class:`EmbeddedGraph` is what :mod:`lo_network.embedded.supervisor` keeps running; all it
uses is ``start()``, ``wait(timeout)`` and ``stop()``, so another engine's launcher with
those three fits in its place."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from lo_network.embedded.server import READY_FILE, GraphServerError, prepare
from lo_network.settings import Settings


class EmbeddedGraph:
    """A running child ``lo-network graph-server``; use as a context manager or start/stop."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.process: subprocess.Popen | None = None
        self.log_path: Path = settings.graph_dir / "server.out"

    def start(self, timeout: float = 90.0) -> "EmbeddedGraph":
        graph_dir = self.settings.graph_dir
        graph_dir.mkdir(parents=True, exist_ok=True)
        prepare(self.settings)  # Neo4j's jars, fetched once: not part of the start timeout
        log = open(self.log_path, "ab")
        env = dict(os.environ, LO_DATA_DIR=str(self.settings.data_dir))
        env["LO_GRAPH_BOLT_PORT"] = str(self.settings.graph_bolt_port)
        env["LO_NEO4J_DATABASE"] = self.settings.neo4j_database
        proc = self.process = subprocess.Popen(
            [sys.executable, "-m", "lo_network.cli", "graph-server"],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # a ^C in the terminal is ours to handle: we stop it cleanly
        )
        log.close()
        deadline = time.monotonic() + timeout
        marker = graph_dir / READY_FILE
        while time.monotonic() < deadline:  # on ``proc``: stop() may run in another thread
            code = proc.poll()
            if code is not None:
                raise GraphServerError(
                    f"the embedded graph server exited with code {code}: {self._tail()}"
                )
            if marker.exists() and marker.read_text().strip() == str(proc.pid):
                return self
            time.sleep(0.2)
        self.stop()
        raise GraphServerError(f"the embedded graph server did not start in {timeout:.0f} s: {self._tail()}")

    def _tail(self, lines: int = 8) -> str:
        try:
            text = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "(no log)"
        picked = [line for line in text if "lo-network graph-server" in line] or text
        return " | ".join(picked[-lines:])

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit code of the server once it has ended (minus the signal's number when a
        signal ended it); None while it still runs after ``timeout`` s, or was not started."""
        proc = self.process
        if proc is None:
            return None
        try:
            return proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout: float = 30.0) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def __enter__(self) -> "EmbeddedGraph":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
