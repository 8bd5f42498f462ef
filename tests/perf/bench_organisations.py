"""Benchmark: the organisation list at 100,000 organisations.

Starts its own embedded graph server in a temporary data folder on free loopback ports,
loads the demo network at the given size with ``lo_network.seed.demo.seed``, then times a
set of representative list-page requests two ways:

- service: ``lo_network.services.organisations.list_page`` (what the UI and the API do:
  count + one page, in one read transaction, records made plain);
- raw: the same ``organisations/count`` and ``organisations/search`` Cypher with the same
  parameters, run directly on a driver session (the graph's own cost).

It prints the load time and rate, then a table of median and p95 latencies per case.
Each case runs ``--repeat`` times (after one warm-up) or until ``--case-budget`` seconds are
spent on it, whichever comes first, so the whole run stays bounded (~5-8 minutes at 100k on
2 cores). The graph server is stopped and the folder removed at the end.

Usage (from the project root, venv active)::

    python -m tests.perf.bench_organisations                   # 100,000 organisations
    python -m tests.perf.bench_organisations --organisations 10000 --repeat 10
    python tests/perf/bench_organisations.py --help
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402

# (label, filters, sort, page) — what users do on the organisation list. A label ending in
# "(next)" reads the page the way the list's "next" button does: by keyset, after the last
# row of the page before (the cursor); the others read it by offset.
CASES: list[tuple[str, dict[str, Any], str, int]] = [
    ("all, by name, page 1", {}, "name", 1),
    ("all, by name, page 2000", {}, "name", 2000),
    ("all, by name, page 2000 (next)", {}, "name", 2000),
    ("region=twente, page 400 (next)", {"region": "twente"}, "name", 400),
    ("text 'trans'", {"text": "trans"}, "name", 1),
    ("as you type 't'", {"text": "t"}, "name", 1),
    ("as you type 'tw'", {"text": "tw"}, "name", 1),
    ("as you type 'twe'", {"text": "twe"}, "name", 1),
    ("as you type 'twen'", {"text": "twen"}, "name", 1),
    ("region=twente", {"region": "twente"}, "name", 1),
    ("kind=company + status=partner", {"kind": "company", "status": "partner"}, "name", 1),
    ("kind=port_network", {"kind": "port_network"}, "name", 1),
    ("tag=demo + region=zwolle", {"tag": "demo", "region": "zwolle"}, "name", 1),
    ("text 'port' + kind=company", {"text": "port", "kind": "company"}, "name", 1),
    ("theme=sustainability", {"theme": "sustainability"}, "name", 1),
    ("all, sort -updated", {}, "-updated", 1),
]
PAGE_SIZE = 25
# What a picker sends while someone types (services.organisations.lookup): one lookup per key.
LOOKUPS = ["t", "tw", "twe", "twen", "p", "po", "por", "port", "port tw", "bakker b.v.", "logistiek zw"]
LOOKUP_LIMIT = 20


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _use_private_graph(data_dir: str) -> None:
    """Point every setting at ``data_dir`` and free ports; never at a configured Neo4j."""
    os.environ.pop("LO_NEO4J_URI", None)
    os.environ.update({
        "LO_DATA_DIR": data_dir,
        "LO_GRAPH_BOLT_PORT": str(_free_port()),
        "LO_NEO4J_DATABASE": "neo4j",  # Neo4j allows no underscore in a database name
    })
    settings.reset()


@contextlib.contextmanager
def private_graph(prefix: str):
    """A private embedded graph server and SQL database (temporary folder, free ports),
    migrated and empty; yields the folder, stops the server."""
    with tempfile.TemporaryDirectory(prefix=prefix) as data_dir:
        _use_private_graph(data_dir)
        from lo_network.sqlstore import sql
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.store import driver, schema

        sql.reset()
        sql.init()
        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(settings.get()).start()
        try:
            schema.migrate()
            yield data_dir
        finally:
            driver.close()
            server.stop()
            print("graph server stopped", flush=True)


@contextlib.contextmanager
def seeded_graph(prefix: str, organisations: int, seed: int):
    """A private graph (private_graph) loaded with the whole demo at that size."""
    from lo_network.seed import seed_all

    with private_graph(prefix) as data_dir:
        for line in seed_all(organisations=organisations, seed=seed):
            print(" ", line, flush=True)
        yield data_dir


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _raw_params(filters: dict[str, Any], sort: str, page: int, cursor: str | None = None) -> dict[str, Any]:
    """The parameters the store passes to count.cypher and search.cypher."""
    from lo_network.domain import organisations as domain
    from lo_network.domain import paging
    from lo_network.store import organisations as store

    after = paging.read_cursor(cursor, sort)
    return {
        **store._filters(dict(filters, text=domain.search_text(filters.get("text")))),
        "sort": sort, "offset": 0 if cursor else (page - 1) * PAGE_SIZE, "limit": PAGE_SIZE, **after,
    }


def _page_query(params: dict[str, Any]) -> str:
    """The page query the store runs: search.cypher with text or a filter, else search_all."""
    from lo_network.store.queries import q

    return q("organisations/search" if params["search"] else "organisations/search_all")


def _cursor_before(filters: dict[str, Any], sort: str, page: int) -> str:
    """The cursor the list holds when "next" leads to ``page``: made from the last row of
    the page before (read once here, by offset, untimed)."""
    from lo_network.domain import organisations as domain
    from lo_network.domain import paging
    from lo_network.store import driver
    from lo_network.store.queries import q

    params = dict(_raw_params(filters, sort, 1), offset=(page - 1) * PAGE_SIZE - 1, limit=1)
    with driver.get_driver().session(database=settings.get().neo4j_database) as session:
        row = dict(session.run(_page_query(params), params).single()["organisation"])
    return paging.page_cursor(sort, domain.KEYSET_SORTS, row)


def _measure(case: tuple[str, dict[str, Any], str, int], repeat: int, budget: float) -> dict[str, Any]:
    from lo_network.services.accounts import Actor
    from lo_network.services import organisations as service
    from lo_network.store import driver
    from lo_network.store.queries import q

    label, filters, sort, page = case
    actor = Actor(id=None, email="bench@example.invalid", name="benchmark", role="steering")
    matches = service.list_page(actor, filters, sort=sort, page=1, page_size=PAGE_SIZE).total
    page = max(1, min(page, -(-matches // PAGE_SIZE)))  # a small run: its last page instead
    cursor = _cursor_before(filters, sort, page) if label.endswith("(next)") and page > 1 else None
    params = _raw_params(filters, sort, page, cursor)
    count_params = {k: v for k, v in params.items()
                    if k not in ("sort", "offset", "limit") and not k.startswith("after_")}
    if not params["search"]:  # what the store runs when no filter is set
        count_query, count_params = q("organisations/count_all"), {}
    else:
        count_query = q("organisations/count")
    database = settings.get().neo4j_database

    def service_call():
        return service.list_page(actor, filters, sort=sort, page=page, page_size=PAGE_SIZE, cursor=cursor)

    def raw_call() -> tuple[float, float]:
        with driver.get_driver().session(database=database) as session:
            count_ms = _timed(lambda: session.run(count_query, count_params).single())
            page_ms = _timed(lambda: list(session.run(_page_query(params), params)))
        return count_ms, page_ms

    total = service_call().total  # warm-up (plans, caches, connections)
    raw_call()
    service_ms: list[float] = []
    raw_count_ms: list[float] = []
    raw_page_ms: list[float] = []
    started = time.perf_counter()
    while len(service_ms) < repeat and (len(service_ms) < 3 or time.perf_counter() - started < budget):
        service_ms.append(_timed(service_call))
        count_ms, page_ms = raw_call()
        raw_count_ms.append(count_ms)
        raw_page_ms.append(page_ms)
    raw_ms = [c + p for c, p in zip(raw_count_ms, raw_page_ms)]
    return {
        "total": total, "runs": len(service_ms), "page": page,
        "service": statistics.median(service_ms), "service_p95": _percentile(service_ms, 0.95),
        "raw": statistics.median(raw_ms), "raw_p95": _percentile(raw_ms, 0.95),
        "raw_count": statistics.median(raw_count_ms), "raw_page": statistics.median(raw_page_ms),
    }


def _measure_lookup(text: str, repeat: int, budget: float) -> dict[str, Any]:
    """One search-as-you-type request timed as the pickers make it (service) and as the
    store's query alone on a session (raw)."""
    from lo_network.services.accounts import Actor
    from lo_network.domain import organisations as domain
    from lo_network.services import organisations as service
    from lo_network.store import driver
    from lo_network.store import organisations as store

    actor = Actor(id=None, email="bench@example.invalid", name="benchmark", role="steering")
    database = settings.get().neo4j_database
    folded = domain.search_text(text)

    def raw_call():
        with driver.get_driver().session(database=database) as session:
            return session.execute_read(store.lookup, folded, LOOKUP_LIMIT)

    hits = len(service.lookup(actor, text, LOOKUP_LIMIT))  # warm-up
    raw_call()
    service_ms: list[float] = []
    raw_ms: list[float] = []
    started = time.perf_counter()
    while len(service_ms) < repeat and (len(service_ms) < 3 or time.perf_counter() - started < budget):
        service_ms.append(_timed(lambda: service.lookup(actor, text, LOOKUP_LIMIT)))
        raw_ms.append(_timed(raw_call))
    return {"hits": hits, "runs": len(service_ms),
            "service": statistics.median(service_ms), "service_p95": _percentile(service_ms, 0.95),
            "raw": statistics.median(raw_ms), "raw_p95": _percentile(raw_ms, 0.95)}


def _print_lookups(rows: list[tuple[str, dict[str, Any]]]) -> None:
    header = f"{'as you type (lookup)':<34} {'hits':>5} {'runs':>4} {'p50 ms':>7} {'p95 ms':>7} {'raw p50':>7} {'raw p95':>7}"
    print(header)
    print("-" * len(header))
    for text, r in rows:
        print(f"{repr(text):<34} {r['hits']:>5} {r['runs']:>4} {r['service']:>7.1f} {r['service_p95']:>7.1f} "
              f"{r['raw']:>7.1f} {r['raw_p95']:>7.1f}")
    every = [r["service_p95"] for _, r in rows]
    print(f"(service = services.organisations.lookup, {LOOKUP_LIMIT} hits; worst p95 {max(every):.1f} ms)")


def _print_table(rows: list[tuple[str, dict[str, Any]]]) -> None:
    header = (f"{'case':<34} {'p.':>5} {'matches':>8} {'runs':>4} {'p50 ms':>10} {'p95':>7} "
              f"{'raw ms':>7} {'p95':>7} {'count':>7} {'page':>7} {'svc/raw':>7}")
    print(header)
    print("-" * len(header))
    for label, r in rows:
        print(f"{label:<34} {r['page']:>5} {r['total']:>8} {r['runs']:>4} {r['service']:>10.1f} {r['service_p95']:>7.1f} "
              f"{r['raw']:>7.1f} {r['raw_p95']:>7.1f} {r['raw_count']:>7.1f} {r['raw_page']:>7.1f} "
              f"{r['service'] / r['raw']:>7.2f}")
    print("(p50 = median, p95 of the service call, in ms; 'p.' is the page read; 'count' and 'page' split the raw median between the "
          "count query (count_all.cypher when no filter is set, else count.cypher) and search.cypher)")


def load_demo(organisations: int, seed: int) -> dict[str, float]:
    """Migrate the schema and load the demo network at that size; prints and returns the
    load time and rate."""
    from lo_network.seed import demo
    from lo_network.store import driver, network, schema

    schema.migrate()
    print(f"loading {organisations} demo organisations (seed {seed}) ...", flush=True)
    started = time.perf_counter()
    print(" ", demo.seed(organisations=organisations, seed=seed), flush=True)
    seconds = time.perf_counter() - started
    sizes = driver.read(network.counts)
    nodes = sizes["organisations"] + sizes["people"]
    print(f"load: {seconds:.1f} s, {sizes['organisations'] / seconds:.0f} organisations/s, "
          f"{nodes / seconds:.0f} nodes/s ({sizes['organisations']} organisations + "
          f"{sizes['people']} people)", flush=True)
    return {"seconds": seconds, "organisations": sizes["organisations"], "people": sizes["people"]}


def measure_cases(repeat: int, budget: float) -> list[tuple[str, dict[str, Any]]]:
    """Time every case of CASES and every lookup of LOOKUPS on the loaded graph; prints both
    tables and returns the rows: the list cases by their label, then the lookups as
    "lookup '<text>'"."""
    rows = []
    for number, case in enumerate(CASES, 1):
        print(f"[{number}/{len(CASES)}] {case[0]} ...", flush=True)
        rows.append((case[0], _measure(case, repeat, budget)))
    lookups = []
    for text in LOOKUPS:
        print(f"[lookup] {text!r} ...", flush=True)
        lookups.append((text, _measure_lookup(text, repeat, budget)))
    print()
    _print_table(rows)
    print()
    _print_lookups(lookups)
    return rows + [(f"lookup {text!r}", figures) for text, figures in lookups]


def run(organisations: int, repeat: int, seed: int, budget: float) -> list[tuple[str, dict[str, Any]]]:
    with tempfile.TemporaryDirectory(prefix="lo_bench_") as data_dir:
        _use_private_graph(data_dir)
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.store import driver

        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(settings.get()).start()
        try:
            load_demo(organisations, seed)
            return measure_cases(repeat, budget)
        finally:
            driver.close()
            server.stop()
            print("graph server stopped", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="how many (default 100000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per case (default 20)")
    parser.add_argument("--seed", type=int, default=7, help="demo random seed (default 7)")
    parser.add_argument("--case-budget", type=float, default=25.0,
                        help="stop repeating a case after this many seconds, at least 3 runs (default 25)")
    args = parser.parse_args(argv)
    run(args.organisations, args.repeat, args.seed, args.case_budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
