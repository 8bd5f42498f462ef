"""Benchmark: ``lo-network export --all`` and ``restore`` of the demo data.

Starts its own embedded graph server (and SQLite) in a temporary data folder on free
loopback ports, loads every feature's demo data for ``--organisations`` organisations
(network, activities, follow-up, a year of past activities), exports it once, then
``--repeat`` times empties the installation (graph and SQL tables) and restores the
export, printing the restore's seconds and graph records (nodes + relationships) per second.

Usage (from the project root, venv active)::

    python -m tests.perf.bench_restore                       # 2,000 organisations
    python -m tests.perf.bench_restore --organisations 500 --repeat 2
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.perf.bench_organisations import seeded_graph  # noqa: E402


def _empty_sql() -> None:
    from lo_network.sqlstore import backup as sql_backup
    from lo_network.sqlstore import sql

    with sql.engine().begin() as conn:
        for table in reversed(sql_backup.tables()):
            conn.execute(table.delete())


def run(organisations: int, repeat: int, seed: int) -> None:
    with seeded_graph("lo_bench_restore_", organisations, seed) as data_dir:
        from lo_network.services import backup
        from lo_network.store import network

        folder = Path(data_dir) / "backup"
        started = time.perf_counter()
        manifest = backup.export_all(folder)
        records = manifest["graph"]["nodes"] + manifest["graph"]["relationships"]
        print(f"export: {time.perf_counter() - started:.1f} s, {manifest['graph']['nodes']} nodes, "
              f"{manifest['graph']['relationships']} relationships", flush=True)
        seconds = []
        for _ in range(repeat):
            network.wipe()
            _empty_sql()
            started = time.perf_counter()
            backup.restore(folder)
            seconds.append(time.perf_counter() - started)
            print(f"restore: {seconds[-1]:.2f} s, {records / seconds[-1]:.0f} graph records/s", flush=True)
        print(f"restore median of {repeat}: {statistics.median(seconds):.2f} s, "
              f"{records / statistics.median(seconds):.0f} graph records/s ({records} records)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    run(args.organisations, args.repeat, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
