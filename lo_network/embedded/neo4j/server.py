"""``lo-network graph-server`` on Neo4j: check what Python can check clearly (the data
folder not in use, the Bolt port free), make the password file, then become the JVM
(exec: the launcher's child PID is the server's, SIGTERM reaches Neo4j's shutdown hook).
The data folder's lock (``common.lock_folder``) is taken here and handed to the JVM: its file
stays open across the exec, so the lock lives exactly as long as the server does."""

from __future__ import annotations

import os
import sys

from lo_network.embedded import server as common
from lo_network.embedded.neo4j import jars
from lo_network.settings import Settings

GRAPH_USER = "neo4j"
# where the embedded ArcadeDB of earlier versions kept its databases, beside ``neo4j``
ARCADEDB_DATABASES = ("server", "databases")


def check_no_arcadedb(graph_dir) -> None:
    """Refuse a data folder whose graph is still ArcadeDB's (never opened by Neo4j): the
    app would start on an empty Neo4j graph and look as if the network were gone."""
    old = graph_dir.joinpath(*ARCADEDB_DATABASES)
    if old.is_dir() and any(old.iterdir()) and not (graph_dir / "neo4j").exists():
        raise common.GraphServerError(
            f"the graph data folder {graph_dir} holds an ArcadeDB database ({old}), which this "
            f"version no longer runs. To keep its data: with the version before, "
            f"`lo-network export --all DIR`; then with this version, in a new data folder "
            f"(LO_DATA_DIR), `lo-network restore DIR`. To start on an empty graph instead, move "
            f"{graph_dir / ARCADEDB_DATABASES[0]} away"
        )


def run(settings: Settings) -> int:
    graph_dir = settings.graph_dir
    graph_dir.mkdir(parents=True, exist_ok=True)
    try:
        check_no_arcadedb(graph_dir)
        lock = common.lock_folder(graph_dir)  # the PID it records is the JVM's after the exec
        common.check_port_free(settings.graph_bolt_port, "Bolt (LO_GRAPH_BOLT_PORT)")
        cache = jars.ensure(settings)
        command = jars.java_command(settings, cache)
    except (common.GraphServerError, jars.JarsError) as exc:
        print(f"lo-network graph-server: {exc}", file=sys.stderr, flush=True)
        return 2
    common.root_password(graph_dir)  # generated on first start, read by the JVM
    os.set_inheritable(lock.fileno(), True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)
    return 0  # not reached
