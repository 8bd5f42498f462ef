"""Benchmark: introduction paths ("Wie kan ons voorstellen?") two ways on the same network.

Starts its own embedded graph server (and SQLite) in a temporary data folder on free
loopback ports and loads every feature's demo data for ``--organisations`` organisations
(people, employments, links, activities with registrations). Then, for ``--pairs`` random
start/target pairs (organisations, and people who registered for an activity), it runs

- ``graph/queries/paths/between.cypher`` (``allShortestPaths((s)-[...*..12]-(t))`` with an
  ``all(n IN nodes(p) ...)`` filter on registrations), and
- ``tests/perf/paths_between_shortest.cypher``: the same query with the GQL selector
  ``ALL SHORTEST (s) (()-[...]-(n WHERE ...)){1,12} (t)``,

alternately (which goes first swaps per pair), each pair ``--repeat`` times, checks that both
give the same paths, and prints p50 / p95 in ms of each over all runs, for pairs with and
without a path.

Usage (from the project root, venv active)::

    python -m tests.perf.bench_paths                           # 3,000 organisations
    python -m tests.perf.bench_paths --organisations 500 --pairs 20
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from tests.perf.bench_organisations import _percentile, _timed, seeded_graph  # noqa: E402

SHORTEST = Path(__file__).with_name("paths_between_shortest.cypher")


def _summary(label: str, values: list[float]) -> str:
    if not values:
        return f"{label:<34} {'—':>8} {'—':>8}      0"
    return f"{label:<34} {_percentile(values, 0.5):>8.1f} {_percentile(values, 0.95):>8.1f} {len(values):>6}"


def run(organisations: int, pairs: int, repeat: int, seed: int) -> None:
    with seeded_graph("lo_bench_paths_", organisations, seed):
        from lo_network.store import driver
        from lo_network.store.queries import q

        database = settings.get().neo4j_database
        queries = {"allShortestPaths": q("paths/between"), "ALL SHORTEST": SHORTEST.read_text(encoding="utf-8")}
        ids = Path(__file__).with_name("paths_bench_ids.cypher").read_text(encoding="utf-8")
        with driver.get_driver().session(database=database) as session:
            found = session.run(ids).single()
            orgs, registered = found["organisations"], found["registered"]
        rng = random.Random(seed)
        chosen = [tuple(rng.sample(orgs, 2)) for _ in range(pairs)]
        chosen += [tuple(rng.sample(registered, 2)) for _ in range(pairs // 2)] if len(registered) > 1 else []
        chosen += [(rng.choice(registered), rng.choice(orgs)) for _ in range(pairs // 2)] if registered else []
        times: dict[tuple[str, bool], list[float]] = {}
        with driver.get_driver().session(database=database) as session:
            def answer(name, start, target):
                return sorted(repr((r["nodes"], r["rels"]))
                              for r in session.run(queries[name], start_id=start, target_id=target, limit=200))

            for name in queries:  # warm-up: plans cached
                answer(name, *chosen[0])
            for n, (start, target) in enumerate(chosen):
                answers = {name: answer(name, start, target) for name in queries}
                assert answers["allShortestPaths"] == answers["ALL SHORTEST"], (start, target)
                connected = bool(answers["allShortestPaths"])
                order = list(queries) if n % 2 == 0 else list(reversed(queries))
                for _ in range(repeat):
                    for name in order:
                        ms = _timed(lambda name=name: answer(name, start, target))
                        times.setdefault((name, connected), []).append(ms)
        print()
        print(f"{len(chosen)} pairs x {repeat} runs; same answers from both queries on every pair")
        print(f"{'query':<34} {'p50 ms':>8} {'p95 ms':>8} {'runs':>6}")
        for name in queries:
            print(_summary(f"{name}, pairs with a path", times.get((name, True), [])))
            print(_summary(f"{name}, pairs without", times.get((name, False), [])))
            print(_summary(f"{name}, all", times.get((name, True), []) + times.get((name, False), [])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=3000)
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    run(args.organisations, args.pairs, args.repeat, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
