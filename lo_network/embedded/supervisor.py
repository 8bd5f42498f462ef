"""Keep the embedded graph server running while ``lo-network serve`` runs.

A watcher thread waits for the server process to end. When it ends while nobody asked it
to (a crash, ``kill -9``, the OOM killer), it is started again after a pause that doubles
from ``first_delay`` to at most ``max_delay`` and starts over once the server has stayed up
for ``steady_after`` seconds. It never gives up while serve runs; every exit and every
attempt is reported, loudly. Meanwhile the app answers as it does for any unreachable
graph (the red banner in the UI, 503 in the API); its drivers reconnect by themselves once
the server is back on the same port.

Engine-agnostic: the server is anything with ``start()`` (returns once it answers, raises
when it cannot start), ``wait(timeout)`` (its exit code once it has ended, else None) and
``stop()`` (a clean stop), such as :class:`lo_network.embedded.launcher.EmbeddedGraph`.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from typing import Callable, Protocol


class GraphProcess(Protocol):
    def start(self) -> object: ...

    def wait(self, timeout: float | None = None) -> int | None: ...

    def stop(self) -> None: ...


def _say(message: str) -> None:
    print(f"lo-network: {message}", file=sys.stderr, flush=True)


def describe_exit(code: int) -> str:
    """'exit code 2', or 'signal SIGKILL' for a process a signal ended (negative code)."""
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class Supervisor:
    """Starts ``server`` and restarts it whenever it ends until :meth:`stop`."""

    POLL = 0.5  # how often the watcher looks whether it should stop

    def __init__(
        self,
        server: GraphProcess,
        *,
        first_delay: float = 1.0,
        max_delay: float = 30.0,
        steady_after: float = 60.0,
        report: Callable[[str], None] = _say,
    ):
        self.server = server
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.steady_after = steady_after
        self.report = report
        self.restarts = 0  # successful restarts so far
        self._stopping = threading.Event()
        self._since = 0.0  # when the server last came up
        self._thread: threading.Thread | None = None

    def start(self) -> "Supervisor":
        """Start the server (raising when it cannot start, as ``server.start()`` does),
        then watch it."""
        self.server.start()
        self._since = time.monotonic()
        self._thread = threading.Thread(target=self._watch, name="graph-supervisor", daemon=True)
        self._thread.start()
        return self

    def stop_restarting(self) -> None:
        """No restart from now on (shutdown has begun); the server itself keeps running."""
        self._stopping.set()

    def stop(self, timeout: float = 150.0) -> None:
        """Stop restarting, stop the server cleanly, and wait for the watcher to end."""
        self._stopping.set()
        self.server.stop()
        if self._thread is not None:
            self._thread.join(timeout)  # a restart under way finishes, then stops its server

    def __enter__(self) -> "Supervisor":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------ the watcher thread
    def _exited(self) -> int | None:
        """Block until the server ends (its exit code) or we are stopping (None)."""
        while not self._stopping.is_set():
            code = self.server.wait(self.POLL)
            if code is not None:
                return None if self._stopping.is_set() else code
        return None

    def _watch(self) -> None:
        delay, attempt = self.first_delay, 0
        while (code := self._exited()) is not None:
            up = time.monotonic() - self._since
            if up >= self.steady_after:  # it ran fine for a good while: start over gently
                delay, attempt = self.first_delay, 0
            what = f"ended ({describe_exit(code)}) after {up:.0f} s"
            while True:
                attempt += 1
                self.report(
                    f"ERROR: the embedded graph server {what}; the app cannot reach the graph. "
                    f"Restart attempt {attempt} in {delay:g} s ..."
                )
                if self._stopping.wait(delay):
                    return
                delay = min(delay * 2, self.max_delay)
                try:
                    self.server.start()
                except Exception as exc:  # noqa: BLE001  whatever went wrong, try again later
                    if self._stopping.is_set():
                        return
                    what = f"did not start again ({exc})"
                    continue
                break
            if self._stopping.is_set():  # stop() came while it started: it must not linger
                self.server.stop()
                return
            self._since = time.monotonic()
            self.restarts += 1
            self.report(f"the embedded graph server runs again (restart attempt {attempt})")
