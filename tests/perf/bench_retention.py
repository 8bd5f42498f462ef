"""Benchmark: the retention review query as people and registrations grow.

Starts its own embedded graph server in a temporary folder on free loopback ports. For each
size N it wipes the network and loads N people without a basis (each with an email) and one
registration for every second person at a past activity (linked to the person and carrying
their email, as an attendance import makes them), then times
``services.privacy.retention_candidates`` eight years on (everyone is a candidate, so every
person's registrations, linked and by email, are looked at). Median of ``--repeat`` runs
after a warm-up; it prints milliseconds per size and the ratio of the largest to the
smallest next to the ratio of their sizes (linear growth: the two ratios are alike).

Usage::

    python -m tests.perf.bench_retention                    # 1,000 and 4,000 people
    python -m tests.perf.bench_retention --sizes 500 2000 8000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.perf.bench_organisations import _timed, _use_private_graph  # noqa: E402

BATCH = 1000


def load(n: int, activity_id: str) -> None:
    from lo_network.domain import people as people_domain
    from lo_network.domain.registrations import who_key
    from lo_network.store import driver
    from lo_network.store import imports as store

    for start in range(0, n, BATCH):
        rows, attendances = [], []
        for i in range(start, min(n, start + BATCH)):
            props = people_domain.validate({"first_name": "Bewaar", "last_name": f"Persoon {i}",
                                            "email": f"bewaar{i}@bench.example"})
            person_id = f"bench-person-{i}"
            rows.append({"id": person_id, "props": props})
            if i % 2 == 0:
                attendances.append({
                    "id": f"bench-registration-{i}", "activity_id": activity_id, "person_id": person_id,
                    "organisation_id": None, "status": "registered", "attendance": "present",
                    "create": {"name": props["name"], "email": props["email"], "email_key": props["email_key"],
                               "who_key": who_key(activity_id, person_id, "", ""), "via": "import"}})
        driver.write(store.write_batch, [], rows, [], attendances)


def run(sizes: list[int], repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="lo_bench_ret_") as data_dir:
        _use_private_graph(data_dir)
        from lo_network.sqlstore import sql
        from lo_network.services.accounts import CLI_ACTOR
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.services import activities, privacy
        from lo_network.settings import get
        from lo_network.store import driver, network, schema

        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(get()).start()
        try:
            schema.migrate()
            sql.init()
            later = date.today().replace(year=date.today().year + 8)
            timings = {}
            for n in sizes:
                network.wipe()
                day = datetime.now() - timedelta(days=30)
                activity = activities.create(CLI_ACTOR, {
                    "title": "Bench café", "kind": "cafe", "starts_at": day.strftime("%d-%m-%Y 10:00"),
                    "ends_at": day.strftime("%d-%m-%Y 12:00")}, via="bench")
                load(n, activity["id"])
                query = lambda: privacy.retention_candidates(CLI_ACTOR, years=7, today=later, limit=5000)  # noqa: E731
                found = len(query())  # warm-up, and a check that everyone is listed
                assert found == min(n, 5000), (n, found)
                timings[n] = statistics.median(_timed(query) for _ in range(repeat))
                print(f"{n:>7} people, {n // 2:>7} registrations: retention review {timings[n]:8.1f} ms "
                      f"({timings[n] / n * 1000:.1f} µs per person)", flush=True)
            small, large = min(sizes), max(sizes)
            print(f"size ratio {large / small:.1f}x, time ratio {timings[large] / timings[small]:.1f}x")
        finally:
            driver.close()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(sorted(args.sizes), args.repeat)


if __name__ == "__main__":
    main()
