"""A private PostgreSQL server for a test: Debian's postgresql (``lo-network setup --browser``
installs it), a cluster made with initdb in a temporary folder, listening on a free loopback
port only, stopped (by its own pg_ctl, which signals the server it started) when done."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

from lo_network.cli import find_program
from tests.conftest import free_port

USER = "lo"  # the cluster's own superuser; trust over loopback: a throwaway test server


def _bin(program: str) -> str:
    found = find_program(program)
    if not found:
        raise RuntimeError(f"PostgreSQL's {program} is not installed: `lo-network setup --browser` installs it")
    return found


@contextlib.contextmanager
def private_postgres() -> Iterator[str]:
    """Yields the SQLAlchemy URL of an empty database ``lo_network`` on a server of its own."""
    folder = Path(tempfile.mkdtemp(prefix="lo_pg_"))
    # PostgreSQL refuses to run as root: then the cluster belongs to the package's own user
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_owner:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_owner, *cmd], check=True, capture_output=True, timeout=120, cwd=folder)

    try:
        run(_bin("initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync")
        run(_bin("pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o",
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off", "start")
        try:
            run(_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, "lo_network")
            yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}/lo_network"
        finally:
            run(_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
