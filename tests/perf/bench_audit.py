"""Benchmark: the audit log page's search over N entries (default 100,000) in a
private SQLite file: page 1, a deep page, a filtered search (actor + kind + date range),
a free-text search, and one record's history. Medians of --repeat runs after a warm-up,
with each one's ratio to page 1 (same run, same machine).

Usage::

    python -m tests.perf.bench_audit                     # 100,000 entries
    python -m tests.perf.bench_audit --entries 20000 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from lo_network.sqlstore import sql


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lo_bench_audit") as folder:
        os.environ["LO_DATA_DIR"] = folder
        os.environ.pop("LO_DATABASE_URL", None)
        settings.reset()
        sql.reset()
        sql.init()
        from lo_network.sqlstore import audit as log
        from lo_network.sqlstore.models import AuditEntry

        start = datetime(2020, 1, 1, tzinfo=timezone.utc)
        rows = [dict(at=start + timedelta(minutes=7 * n), actor=f"user{n % 40}@example.nl", via=("ui", "api", "cli")[n % 3],
                     action=("create", "update", "delete")[n % 3], entity=("organisation", "person", "employment")[n % 3],
                     entity_id=f"id-{n % 20000}", before='{"city": "Zwolle"}', after=f'{{"city": "Stad {n}"}}')
                 for n in range(args.entries)]
        t0 = time.perf_counter()
        with sql.engine().begin() as conn:
            conn.execute(AuditEntry.__table__.insert(), rows)
        print(f"loaded {args.entries:,} entries in {time.perf_counter() - t0:.1f} s")
        since, until = date(2021, 1, 1), date(2021, 3, 31)
        cases = {
            "page 1": lambda: log.search(page=1, page_size=25),
            "page 2000": lambda: log.search(page=min(2000, args.entries // 25), page_size=25),
            "actor+kind+dates": lambda: log.search(actor="user7@", entity="person", since=since, until=until),
            "free text": lambda: log.search(text="stad 4242"),
            "one record (for_entity)": lambda: log.for_entity("person", "id-4243"),
        }
        medians = {}
        for name, run in cases.items():
            run()
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                run()
                times.append(time.perf_counter() - t)
            medians[name] = statistics.median(times)
        base = medians["page 1"]
        for name, m in medians.items():
            print(f"{name:26s} {m * 1000:8.1f} ms   x{m / base:5.1f} of page 1")
        sql.reset()
    return 0


if __name__ == "__main__":
    sys.exit(main())
