"""Benchmark: the steering group's dashboard measures at 100,000 organisations,
300,000 links and 20,000 registrations, next to the raw aggregate queries in the same run.

Starts its own embedded graph server in a temporary data folder on free loopback ports,
loads generated data with UNWIND batches (organisations with a status history, links
between organisations, activities over the last two years with programme lines,
registrations on behalf of organisations with attendance, living-lab partners), then times:

- service: ``services.kpis.dashboard`` for twelve months by month, all organisations; the
  same with a region filter; by quarter (each reading its facts from the graph, as the first
  view or "Vernieuwen" does); another filter with the facts of the view before still cached
  (what the next choice on the page costs); and one monthly ``snapshot`` (every dimension);
- facts: the fact queries alone (graph read + driver, no pandas): the part of the service
  that is the graph's;
- raw: the aggregate queries counted in the graph (``kpis/aggregate_status``,
  ``kpis/aggregate_registrations``, ``kpis/link_groups``): what a count-only dashboard
  would cost.

Each case runs ``--repeat`` times (after one warm-up) or until ``--case-budget`` seconds.

Usage (from the project root)::

    python -m tests.perf.bench_kpis                                   # 100,000 / 300,000 / 20,000
    python -m tests.perf.bench_kpis --organisations 20000             # links x3, registrations /5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from tests.perf.bench_organisations import _use_private_graph  # noqa: E402

BATCH = 5000
KINDS = ["company"] * 6 + ["knowledge_institute", "education", "municipality", "government", "branch_association"]
REGIONS = ["deventer", "twente", "zwolle", "other_overijssel", "outside_overijssel"]
THEMES = ["accessibility", "international", "sustainability", "knowledge_labour"]
ACT_KINDS = ["cafe", "trade_mission", "fair", "congress", "logistics_day", "webinar", "living_lab"]
LINES = ["regional", "international", "themes"]


def _history(rng: random.Random, today: date) -> tuple[str, list[str]]:
    day = today - timedelta(days=rng.randint(30, 8 * 365))
    status = rng.choices(["prospect", "participant", "partner"], [35, 45, 20])[0]
    log = [f"{day.isoformat()}:{status}"]
    for _ in range(rng.choice([0, 0, 1, 2])):
        day = day + timedelta(days=rng.randint(30, 400))
        if day >= today:
            break
        status = rng.choice([s for s in ("prospect", "participant", "partner", "former") if s != status])
        log.append(f"{day.isoformat()}:{status}")
    return status, log


def generate(organisations: int, links: int, registrations: int, seed: int) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    today = date.today()
    orgs = []
    for i in range(organisations):
        status, log = _history(rng, today)
        orgs.append({"id": f"bench-org-{i}", "props": {
            "name": f"Bench organisatie {i}", "kind": rng.choice(KINDS), "region": rng.choice(REGIONS),
            "themes": rng.sample(THEMES, rng.choice([0, 1, 1, 2])), "status": status,
            "status_since": log[-1][:10], "status_log": log, "tags": ["bench"]}})
    link_rows = []
    for i in range(links):
        a, b = rng.randrange(organisations), rng.randrange(organisations)
        if a == b:
            b = (b + 1) % organisations
        link_rows.append({"id": f"bench-link-{i}", "from_id": f"bench-org-{a}", "to_id": f"bench-org-{b}",
                          "type": rng.choice(["partner", "customer", "supplier", "collaborates"]),
                          "since": None, "until": None, "source": "bench", "note": ""})
    n_acts = max(10, registrations // 25)
    acts = []
    now = datetime.now(timezone.utc)
    for i in range(n_acts):
        kind = rng.choice(ACT_KINDS)
        starts = now - timedelta(days=rng.randint(1, 730), hours=rng.randint(0, 8))
        acts.append({"id": f"bench-act-{i}", "starts_at": starts.isoformat(timespec="seconds"), "props": {
            "title": f"Bench activiteit {i}", "kind": kind, "themes": rng.sample(THEMES, rng.choice([1, 1, 2])),
            "programme_line": rng.choices(LINES, [40, 25, 35])[0], "visibility": "public"}})
    regs = []
    for i in range(registrations):
        status = rng.choices(["registered", "walk_in", "cancelled", "waitlisted"], [85, 5, 8, 2])[0]
        attendance = (rng.choices(["present", "no_show"], [72, 28])[0] if status == "registered"
                      else "present" if status == "walk_in" else "")
        regs.append({"id": f"bench-reg-{i}", "activity_id": f"bench-act-{rng.randrange(n_acts)}",
                     "organisation_id": f"bench-org-{int(rng.paretovariate(1.2) * 50) % organisations}",
                     "status": status, "attendance": attendance})
    labs = [a["id"] for a in acts if a["props"]["kind"] == "living_lab"]
    partners = [{"organisation_id": f"bench-org-{rng.randrange(organisations)}", "activity_id": rng.choice(labs)}
                for _ in range(min(2000, organisations // 50))] if labs else []
    return {"organisations": orgs, "links": link_rows, "activities": acts, "registrations": regs,
            "partners": partners}


def load(data: dict[str, list[dict]]) -> None:
    from lo_network.store import driver
    from lo_network.store.queries import q
    from lo_network.store.records import now_iso

    plan = [("organisations", "kpis/bench_organisations"), ("activities", "kpis/bench_activities"),
            ("links", "links/organisation_add_many"), ("registrations", "kpis/bench_registrations"),
            ("partners", "kpis/bench_partners")]
    for name, query in plan:
        rows = data[name]
        started = time.perf_counter()
        for i in range(0, len(rows), BATCH):
            chunk = rows[i:i + BATCH]
            driver.write(lambda tx, c=chunk, qq=query: tx.run(q(qq), rows=c, now=now_iso()).consume())
        seconds = time.perf_counter() - started
        print(f"  loaded {len(rows)} {name} in {seconds:.1f} s", flush=True)


def _measure(fn: Callable[[], Any], repeat: int, budget: float) -> dict[str, float]:
    fn()  # warm-up
    times, spent = [], 0.0
    while len(times) < repeat and (spent < budget or len(times) < 3):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
        spent += times[-1]
    return {"median": statistics.median(times), "max": max(times), "runs": len(times)}


def run(organisations: int, links: int, registrations: int, repeat: int, budget: float,
        seed: int) -> list[tuple[str, dict[str, float]]]:
    """Prints the table; returns its rows (label, median/max seconds and runs)."""
    with tempfile.TemporaryDirectory(prefix="lo_bench_kpis_") as data_dir:
        _use_private_graph(data_dir)
        from lo_network.sqlstore import sql
        from lo_network.services.accounts import CLI_ACTOR
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.services import kpis
        from lo_network.store import driver, schema

        sql.reset()
        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(settings.get()).start()
        try:
            schema.migrate()
            sql.init()
            print(f"generating {organisations} organisations, {links} links, {registrations} registrations ...",
                  flush=True)
            data = generate(organisations, links, registrations, seed)
            load(data)
            today = kpis.today_local()
            first = date(today.year - 1, today.month, 1) + timedelta(days=31)
            first_m, last_m = f"{first.year}-{first.month:02d}", f"{today.year}-{today.month:02d}"
            last_month = (today.replace(day=1) - timedelta(days=1))
            cases: list[tuple[str, Callable[[], Any]]] = [
                ("service: dashboard, 12 months by month", lambda: kpis.dashboard(CLI_ACTOR, first_m, last_m,
                                                                                  fresh=True)),
                ("service: dashboard, region=twente", lambda: kpis.dashboard(CLI_ACTOR, first_m, last_m, "month",
                                                                             {"region": "twente"}, fresh=True)),
                ("service: dashboard, by quarter", lambda: kpis.dashboard(CLI_ACTOR, first_m, last_m, "quarter",
                                                                          fresh=True)),
                # the next choice on the page: the facts of the call before are still fresh
                ("service: another filter, facts cached", lambda: kpis.dashboard(CLI_ACTOR, first_m, last_m, "month",
                                                                                 {"region": "zwolle"})),
                ("facts: the fact queries alone", lambda: kpis.read_facts(today)),
                ("raw: aggregate queries in the graph", lambda: kpis.aggregates(CLI_ACTOR)),
            ]
            rows = []
            for number, (label, fn) in enumerate(cases, 1):
                print(f"[{number}/{len(cases) + 1}] {label} ...", flush=True)
                rows.append((label, _measure(fn, repeat, budget)))
            print(f"[{len(cases) + 1}/{len(cases) + 1}] snapshot of last month (every dimension) ...", flush=True)
            started = time.perf_counter()
            done = kpis.snapshot(CLI_ACTOR, f"{last_month.year}-{last_month.month:02d}", force=True)
            rows.append((f"service: snapshot ({done['rows']} figures), once",
                         {"median": time.perf_counter() - started, "max": 0.0, "runs": 1}))
            print()
            raw = next(r for label, r in rows if label.startswith("raw:"))["median"]
            print(f"{'case':48} {'median s':>9} {'max s':>8} {'runs':>5} {'x raw':>7}")
            for label, r in rows:
                print(f"{label:48} {r['median']:9.2f} {r['max']:8.2f} {r['runs']:5d} {r['median'] / raw:7.1f}")
            return rows
        finally:
            driver.close()
            server.stop()
            print("graph server stopped", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="how many (default 100000)")
    parser.add_argument("--links", type=int, default=None, help="default: 3 x organisations")
    parser.add_argument("--registrations", type=int, default=None, help="default: organisations / 5")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (default 5)")
    parser.add_argument("--case-budget", type=float, default=60.0, help="seconds per case (default 60)")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    links = args.links if args.links is not None else 3 * args.organisations
    regs = args.registrations if args.registrations is not None else max(100, args.organisations // 5)
    run(args.organisations, links, regs, args.repeat, args.case_budget, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
