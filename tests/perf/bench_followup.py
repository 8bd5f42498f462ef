"""Benchmark: the coordinators' follow-up lists on a large network.

Starts its own embedded graph server in a temporary data folder on free loopback ports,
loads the demo network (``--organisations``, default 100,000: about 2.3 people each), adds
``--activities`` past activities spread over three years and ``--registrations`` (default
20,000) registrations of random people at them (80 % present), through the store's import
batch (the attendance import's own query). It times deriving every organisation's stored
last activity (what the dormant list reads: the first read on a graph never derived, and
``lo-network followup dormant --refresh``), once with everything to write and once with nothing, and
keeping it current for one registration (what a check-in adds to its transaction). Then it
times, per list, the first page, a deep page and a filtered page two ways in the same run:

- service: ``lo_network.services.followup.list_page`` (what the page, API and CLI do: the
  definitions' dates, the consent rule, one read of count + page, rows shaped);
- raw: the same ``followup/*.cypher`` with the same parameters on a driver session.

Each case runs ``--repeat`` times after one warm-up, or until ``--case-budget`` seconds are
spent on it. Bounded: about 15 minutes at the default size on 2 cores.

Usage (from the project root)::

    python -m tests.perf.bench_followup                       # 100,000 organisations
    python -m tests.perf.bench_followup --organisations 2000 --registrations 4000 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from tests.perf.bench_organisations import _percentile, _timed, _use_private_graph  # noqa: E402

PAGE_SIZE = 25


def _history(activities: int, registrations: int, seed: int) -> tuple[int, int, list[str]]:
    """Past activities and registrations of random people at them; returns (made, present,
    the registrations' ids)."""
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.domain import registrations as registration_domain
    from lo_network.domain.activities import TZ
    from lo_network.services import activities as activity_service
    from lo_network.store import driver
    from lo_network.store import imports as import_store
    from lo_network.store.records import new_id

    rng = random.Random(seed)
    now = datetime.now(TZ).replace(minute=0, second=0, microsecond=0)
    activity_ids = []
    for n in range(activities):
        start = now - timedelta(days=rng.randint(7, 3 * 365), hours=rng.randint(0, 6))
        activity_ids.append(activity_service.create(CLI_ACTOR, {
            "title": f"Bench activiteit {n}", "kind": rng.choice(["cafe", "congress", "fair", "logistics_day"]),
            "starts_at": start.strftime("%d-%m-%Y %H:%M"), "ends_at": (start + timedelta(hours=3)).strftime("%d-%m-%Y %H:%M"),
            "visibility": "public", "location": "Overijssel"}, via="bench")["id"])
    people = [p["id"] for p in driver.read(import_store.person_keys)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < min(registrations, len(people) * len(activity_ids)):
        pairs.add((rng.choice(activity_ids), rng.choice(people)))
    rows, present = [], 0
    for activity_id, person_id in pairs:
        attended = "present" if rng.random() < 0.8 else "no_show"
        present += attended == "present"
        key = registration_domain.who_key(activity_id, person_id, "", "")
        rows.append({"id": new_id(), "activity_id": activity_id, "person_id": person_id, "organisation_id": None,
                     "status": "registered", "attendance": attended,
                     "create": {"name": "", "email": "", "email_key": "", "organisation_name": "", "organisation_key": "",
                                "search_key": "", "who_key": key, "via": "import", "walk_in": False, "token_hash": "",
                                "consent": False}})
    for start in range(0, len(rows), 1000):
        driver.write(import_store.write_batch, [], [], [], rows[start:start + 1000])
    return len(rows), present, [row["id"] for row in rows]


def _upkeep(registration_ids: list[str], repeat: int, seed: int) -> dict[str, float]:
    """Milliseconds: deriving every organisation's last activity (all to write, then nothing
    to write), and the median of keeping it current for one registration in a write transaction."""
    from lo_network.services import followup as service
    from lo_network.store import driver
    from lo_network.store import followup as store

    out = {"everything_ms": _timed(service.refresh_last_activity)}
    out["again_ms"] = _timed(service.refresh_last_activity)
    rng = random.Random(seed)
    one = [_timed(lambda rid=rid: driver.write(lambda tx: store.refresh_last_activity(tx, registrations=[rid])))
           for rid in rng.sample(registration_ids, min(len(registration_ids), max(5, repeat * 4)))]
    out["one_registration_ms"] = statistics.median(one)
    out["one_registration_p95_ms"] = _percentile(one, 0.95)
    print(f"stored last activity: every organisation {out['everything_ms'] / 1000:.1f} s (all written), "
          f"{out['again_ms'] / 1000:.1f} s (nothing to write); one registration kept current in its "
          f"transaction: p50 {out['one_registration_ms']:.1f} ms, p95 {out['one_registration_p95_ms']:.1f} ms",
          flush=True)
    return out


def _cases(totals: dict[str, int]) -> list[tuple[str, str, dict[str, Any], int]]:
    """(label, list, filters, page): the first page, a deep page (the last, at most 200), a filter."""
    out = []
    for name in ("dormant", "twice", "consent"):
        last = max(1, min(200, -(-totals[name] // PAGE_SIZE)))
        out += [(f"{name}, page 1", name, {}, 1), (f"{name}, page {last} (deep)", name, {}, last),
                (f"{name}, region=twente", name, {"region": "twente"}, 1)]
    return out


def _measure(label: str, name: str, filters: dict[str, Any], page: int, repeat: int, budget: float) -> dict[str, Any]:
    from lo_network.services.accounts import Actor
    from lo_network.domain import followup as domain
    from lo_network.services import followup as service
    from lo_network.store import driver
    from lo_network.store.queries import q

    actor = Actor(id=None, email="bench@example.invalid", name="benchmark", role="coordinator")
    sort = domain.DEFAULT_SORT[name]
    params = service.params(actor, name, filters, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    database = settings.get().neo4j_database

    def service_call():
        return service.list_page(actor, name, filters, sort, page, PAGE_SIZE)

    def raw_call():
        with driver.get_driver().session(database=database) as session:
            return list(session.run(q(f"followup/{name}"), params))

    total = service_call().total
    raw_call()
    service_ms: list[float] = []
    raw_ms: list[float] = []
    started = time.perf_counter()
    while len(service_ms) < repeat and (len(service_ms) < 2 or time.perf_counter() - started < budget):
        service_ms.append(_timed(service_call))
        raw_ms.append(_timed(raw_call))
    return {"total": total, "page": page, "runs": len(service_ms),
            "service": statistics.median(service_ms), "service_p95": _percentile(service_ms, 0.95),
            "raw": statistics.median(raw_ms), "raw_p95": _percentile(raw_ms, 0.95)}


def run(organisations: int, activities: int, registrations: int, repeat: int, seed: int,
        budget: float) -> dict[str, Any]:
    """Prints the tables; returns {"upkeep": _upkeep's figures, "cases": {label: figures}}."""
    with tempfile.TemporaryDirectory(prefix="lo_bench_followup_") as data_dir:
        _use_private_graph(data_dir)
        from lo_network.sqlstore import sql
        from lo_network.services.accounts import Actor
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.seed import demo
        from lo_network.services import followup as service
        from lo_network.store import driver, network, schema

        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(settings.get()).start()
        try:
            schema.migrate()
            sql.init()
            started = time.perf_counter()
            print(" ", demo.seed(organisations=organisations, seed=seed), flush=True)
            made, present, registration_ids = _history(activities, registrations, seed)
            sizes = driver.read(network.counts)
            print(f"load: {time.perf_counter() - started:.1f} s: {sizes['organisations']} organisations, "
                  f"{sizes['people']} people, {activities} activities, {made} registrations ({present} present)",
                  flush=True)
            upkeep = _upkeep(registration_ids, repeat, seed)
            actor = Actor(id=None, email="bench@example.invalid", name="benchmark", role="coordinator")
            counted = _timed(lambda: service.counts(actor, {}))
            totals = service.counts(actor, {})
            print(f"counts of the three lists (the tabs): {totals} in {counted:.0f} ms", flush=True)
            rows = []
            for label, name, filters, page in _cases(totals):
                rows.append((label, _measure(label, name, filters, page, repeat, budget)))
                print(f"  measured {label}", flush=True)
            header = (f"{'case':<30} {'matches':>8} {'runs':>4} {'service ms':>10} {'p95':>7} "
                      f"{'raw ms':>7} {'p95':>7} {'svc/raw':>7}")
            print(header)
            print("-" * len(header))
            for label, r in rows:
                print(f"{label:<30} {r['total']:>8} {r['runs']:>4} {r['service']:>10.1f} {r['service_p95']:>7.1f} "
                      f"{r['raw']:>7.1f} {r['raw_p95']:>7.1f} {r['service'] / r['raw']:>7.2f}")
            first = {n: next(r for l, r in rows if l == f"{n}, page 1") for n in ("dormant", "twice", "consent")}
            deep = {n: next(r for l, r in rows if l.startswith(f"{n}, page") and "deep" in l) for n in first}
            print("deep/first page (service): " + ", ".join(
                f"{n} {deep[n]['service'] / first[n]['service']:.2f}" for n in first))
            return {"upkeep": upkeep, "cases": dict(rows)}
        finally:
            driver.close()
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--activities", type=int, default=120)
    parser.add_argument("--registrations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--case-budget", type=float, default=20.0, help="seconds per case at most (after 2 runs)")
    args = parser.parse_args(argv)
    run(args.organisations, args.activities, args.registrations, args.repeat, args.seed, args.case_budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
