"""Work done once when an app worker starts: SQL tables, graph schema (when reachable)."""

from __future__ import annotations

import logging

from lo_network.sqlstore import sql
from lo_network.store import driver, schema

log = logging.getLogger("lo_network")
_done = False


def startup() -> None:
    global _done
    if _done:
        return
    sql.init()
    try:
        schema.migrate()
    except driver.GraphUnavailable as exc:  # the UI shows a banner; the API answers 503
        log.warning("graph not reachable at start: %s", exc)
    _done = True
