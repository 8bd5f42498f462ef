"""One Neo4j driver per process, sessions per unit of work, and the errors the app shows.

Everything reaches the graph through :func:`read` and :func:`write`, which run a function
in a managed transaction (``execute_read`` / ``execute_write``: transient errors are
retried by the driver) and turn an unreachable server into :class:`GraphUnavailable`.

With a routing address (``neo4j://``, ``neo4j+s://``: a cluster or AuraDB) the driver sends
read transactions to the readers and write transactions to the leader. The sessions of one
process share a bookmark manager, so a read after a write of this process sees that write
even on a reader that was behind.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from typing import Any, Callable, TypeVar

from neo4j import Driver, GraphDatabase, NotificationClassification
from neo4j import exceptions as neo4j_errors
from neo4j.api import BookmarkManager

from lo_network import settings as settings_mod
from lo_network.embedded.server import graph_user, root_password
from lo_network.store.queries import q

T = TypeVar("T")

_lock = threading.Lock()
_driver: Driver | None = None
_bookmarks: BookmarkManager | None = None


class _UnknownNamesAreNormal(logging.Filter):
    """Neo4j warns when a query names a label, relationship type or property the database
    holds none of yet ("UNRECOGNIZED": no milestones, no partners in a young network), and the
    driver logs each warning with its query: the terminal of `serve --demo` filled with them.
    Names are checked where they are written instead (lint-cypher in CI, tests on Neo4j);
    every other notification (deprecations, performance) is still logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        note = getattr(record.args[0], "notification", None) if isinstance(record.args, tuple) and record.args else None
        return getattr(note, "classification", None) != NotificationClassification.UNRECOGNIZED


logging.getLogger("neo4j.notifications").addFilter(_UnknownNamesAreNormal())


class GraphUnavailable(RuntimeError):
    """The graph server cannot be reached; nothing was saved."""

    def __init__(self, detail: str = ""):
        super().__init__(
            "De netwerkdatabase is niet bereikbaar; er is niets opgeslagen. "
            "Probeer het zo opnieuw. / The graph database cannot be reached; nothing was saved."
            + (f" ({detail})" if detail else "")
        )


_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.AuthError,
    ConnectionError,
    OSError,
)


def _auth(s: settings_mod.Settings) -> tuple[str, str]:
    if s.embedded:
        return graph_user(s), root_password(s.graph_dir)
    return s.neo4j_user, s.neo4j_password


def get_driver() -> Driver:
    global _driver, _bookmarks
    with _lock:
        if _driver is None:
            s = settings_mod.get()
            _driver = GraphDatabase.driver(
                s.bolt_uri,
                auth=_auth(s),
                connection_timeout=3,
                max_transaction_retry_time=3,  # an unreachable graph answers within seconds
            )
            _bookmarks = GraphDatabase.bookmark_manager()
        return _driver


def _forget_in_child() -> None:
    """A forked worker must not share the parent's Bolt sockets: it opens its own driver."""
    global _driver, _bookmarks, _lock
    _driver = _bookmarks = None
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_in_child)


def close() -> None:
    global _driver, _bookmarks
    with _lock:
        if _driver is not None:
            _driver.close()
            _driver = _bookmarks = None


def _managed(session: Any, mode: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``execute_read`` / ``execute_write``, with the retry the driver means to give.

    When a query fails inside a transaction function (e.g. Neo4j's DeadlockDetected under
    contention), the driver's rollback re-raises it as ResultFailedError, which it does not
    retry. Such a failure is retried here like the driver retries (a few times, with
    jitter); when it persists, the query's own error is raised, so callers see what it is."""
    runner = session.execute_read if mode == "r" else session.execute_write
    for attempt in range(_MASKED_RETRIES + 1):
        try:
            return runner(fn, *args, **kwargs)
        except neo4j_errors.ResultFailedError as exc:
            cause = exc.__cause__
            if not isinstance(cause, neo4j_errors.Neo4jError):
                raise
            if not cause.is_retryable() or attempt == _MASKED_RETRIES:
                raise cause from exc
            time.sleep(0.05 * (attempt + 1) * (0.5 + random.random()))
    raise AssertionError("not reached")


_MASKED_RETRIES = 3


def _run(mode: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    database = settings_mod.get().neo4j_database
    try:
        with get_driver().session(database=database, bookmark_manager=_bookmarks) as session:
            return _managed(session, mode, fn, *args, **kwargs)
    except _UNAVAILABLE as exc:
        raise GraphUnavailable(type(exc).__name__) from exc
    except neo4j_errors.TransientError as exc:
        # still transient after the driver's retries: a database that is stopping,
        # starting or otherwise not serving (e.g. Neo.TransientError.General.DatabaseUnavailable)
        if "DatabaseUnavailable" in (exc.code or ""):
            raise GraphUnavailable(exc.code) from exc
        raise


def read(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn(tx, *args)`` in a read transaction. Never write in one."""
    return _run("r", fn, *args, **kwargs)


def version() -> str:
    """Which state of the graph a read sees now: the bookmark Neo4j gives a read transaction
    names the last transaction committed before it. A cache of graph reads (the dashboard's
    facts) keeps the version it was read at and is stale once this differs, whichever
    process wrote: another worker, the CLI, another app on the same database. A few
    milliseconds. On a cluster each member answers with its own, so a cache is read again
    more often there, never less."""
    database = settings_mod.get().neo4j_database
    try:
        with get_driver().session(database=database) as session:
            _managed(session, "r", lambda tx: tx.run(q("meta/ping")).consume())
            return ",".join(sorted(session.last_bookmarks().raw_values))
    except _UNAVAILABLE as exc:
        raise GraphUnavailable(type(exc).__name__) from exc


def write(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``fn(tx, *args)`` in a write transaction. Concurrent MERGEs of one keyed node need
    no retry: Neo4j's MERGE on a uniquely constrained property takes the constraint's lock,
    so the later writer matches the first one's node (tests/integration/test_concurrent_merge.py)."""
    return _run("w", fn, *args, **kwargs)


def delete_in_batches(delete_batch: Callable[..., int], batch: int) -> int:
    """Run ``delete_batch(tx)`` (it deletes at most ``batch`` nodes and returns how many), one
    write transaction a batch, until a batch is not full; how many nodes went in all. A large
    graph is emptied without one transaction holding it all."""
    total = 0
    while True:
        deleted = write(delete_batch)
        total += deleted
        if deleted < batch:
            return total


def ping() -> bool:
    """True when the graph answers a trivial query."""
    try:
        check_reachable()
        return read(lambda tx: tx.run(q("meta/ping")).single()["ok"]) == 1
    except (GraphUnavailable, neo4j_errors.Neo4jError):
        return False


def check_reachable() -> None:
    """Raise GraphUnavailable at once when the server cannot be reached; a managed
    transaction would first retry for up to ``max_transaction_retry_time``."""
    try:
        get_driver().verify_connectivity()
    except _UNAVAILABLE as exc:
        raise GraphUnavailable(type(exc).__name__) from exc
