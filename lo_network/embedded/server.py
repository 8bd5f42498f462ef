"""The embedded graph server (``lo-network graph-server``): the password file, the ready
marker, refusing a used folder or port. The server itself, Neo4j Community 5.26 in its own
JVM, lives in ``embedded/neo4j``.

While a server runs it holds the data folder's lock (``graph-server.pid``, see
:func:`lock_folder`): a second server on the same folder is refused.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import socket
from pathlib import Path
from typing import IO

from lo_network.settings import Settings

PASSWORD_FILE = "root_password"  # the password of the embedded server's admin user
READY_FILE = "ready"
PID_FILE = "graph-server.pid"  # the running server's PID, under an exclusive lock (see lock_folder)


class GraphServerError(RuntimeError):
    """The embedded graph server cannot start; the message says why in plain words."""


def root_password(graph_dir: Path) -> str:
    """The root password of the embedded server, generated on first use and kept 0600."""
    graph_dir.mkdir(parents=True, exist_ok=True)
    path = graph_dir / PASSWORD_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(32))
    os.chmod(path, 0o600)
    return path.read_text().strip()


def check_port_free(port: int, what: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # as the server will: connections of a previous run lingering in TIME_WAIT do not
        # block the port, a program listening on it does
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as exc:
            raise GraphServerError(
                f"{what} port {port} on 127.0.0.1 is already in use "
                f"(another graph server or program?); choose another with the setting "
                f"for it (see README) or stop that program"
            ) from exc


def lock_folder(graph_dir: Path) -> IO[str]:
    """Take the data folder for this process, or refuse with a clear message when another
    graph server holds it.

    The lock is an exclusive ``flock`` on ``graph-server.pid`` (which holds this PID, for
    operators and tests), kept for the life of the process: the kernel releases it when the
    process ends, however it ends, so a restart after ``kill -9`` never trips over it.
    Returns the open file; closing it (or exiting) gives the folder up."""
    path = graph_dir / PID_FILE
    fh = open(os.open(path, os.O_RDWR | os.O_CREAT, 0o644), "r+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = fh.read().strip() or "?"
        fh.close()
        raise GraphServerError(
            f"the graph data folder {graph_dir} is in use by another graph server "
            f"(process {holder}); stop it first or set LO_DATA_DIR to another folder"
        ) from None
    fh.truncate(0)
    fh.write(str(os.getpid()))
    fh.flush()
    # the ready marker of a server that was killed is stale: this process writes its own
    (graph_dir / READY_FILE).unlink(missing_ok=True)
    return fh


def _alive(pid: int) -> bool:
    """True when process ``pid`` runs and, where /proc shows it, is a graph server: the
    marker of a killed server may name a PID since reused by another program."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    try:
        return b"graph-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # no /proc here: trust the PID
        return True


def graph_user(settings: Settings) -> str:  # noqa: ARG001
    """The admin user of the embedded server (``neo4j``), whose password is in PASSWORD_FILE."""
    from lo_network.embedded.neo4j.server import GRAPH_USER

    return GRAPH_USER


def prepare(settings: Settings) -> None:
    """What a start needs before the server process runs (Neo4j's jars, fetched once), so
    that the launcher's start timeout counts the server's start only."""
    from lo_network.embedded.neo4j import jars

    try:
        jars.ensure(settings)
    except jars.JarsError as exc:
        raise GraphServerError(str(exc)) from exc


def run(settings: Settings) -> int:
    """Run the embedded server until told to stop. Returns an exit code."""
    from lo_network.embedded.neo4j import server as neo4j_server

    return neo4j_server.run(settings)
