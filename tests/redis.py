"""A private Redis server for a test: Debian's redis-server (``lo-network setup --browser``
installs it) on a free loopback port, nothing written to disk, stopped when done (the process
this module started, by its PID)."""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

from lo_network.cli import find_program
from tests.conftest import free_port


@contextlib.contextmanager
def private_redis() -> Iterator[str]:
    """Yields the ``redis://`` URL of an empty Redis of its own."""
    import redis

    program = find_program("redis-server")
    if not program:
        raise RuntimeError("redis-server is not installed: `lo-network setup --browser` installs it")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="lo_redis_") as folder:
        log = open(Path(folder) / "redis.log", "wb")
        server = subprocess.Popen(
            [program, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
             "--dir", folder, "--protected-mode", "yes"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        url = f"redis://127.0.0.1:{port}/0"
        try:
            client = redis.Redis.from_url(url)
            deadline = time.monotonic() + 20
            while True:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("redis-server did not start:\n"
                                           + (Path(folder) / "redis.log").read_text(errors="replace"))
                    time.sleep(0.1)
            client.close()
            yield url
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(5)
