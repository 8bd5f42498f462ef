"""Benchmark: the network pages' work on a demo network of N organisations (default 2,000,
about 5,000 people and their links): the ecosystem map (whole network, and the ego view),
introduction paths between organisations, person duplicate candidates, and recomputing the
network measures. Each timed ``--repeat`` times (medians), next to the raw query time where
one query does the work. Then the error of the estimated betweenness (SAMPLE pivots) against
the exact one on the same network.

Usage::

    python -m tests.perf.bench_network                        # 2,000 organisations
    python -m tests.perf.bench_network --organisations 500 --repeat 3
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from tests.perf.bench_organisations import _timed, private_graph  # noqa: E402


def _median(fn, repeat: int) -> float:
    fn()  # warm-up
    return statistics.median(_timed(fn) for _ in range(repeat))


def run(n: int, repeat: int, seed: int) -> list[tuple[str, float, float | None, str]]:
    """Prints the table; returns its rows (label, service ms, raw ms or None, notes)."""
    from lo_network.services.accounts import Actor
    from lo_network.seed import demo
    from lo_network.services import duplicates, ecosystem, metrics, paths
    from lo_network.store import driver
    from lo_network.store import metrics as metric_store
    from lo_network.store import network
    from lo_network.store.queries import q

    with private_graph("lo_bench_net_"):
        started = time.perf_counter()
        print(" ", demo.seed(organisations=n, seed=seed), flush=True)
        print(f"load: {time.perf_counter() - started:.1f} s; {driver.read(network.counts)}", flush=True)
        actor = Actor(id=None, email="bench@example.invalid", name="benchmark", role="admin")
        database = settings.get().neo4j_database
        rows = []

        def raw(name: str, **params):
            def call():
                with driver.get_driver().session(database=database) as session:
                    return list(session.run(q(name), **params))
            return call

        started = time.perf_counter()
        measures = metrics.recompute(actor, "bench")
        rows.append(("recompute measures (once)", (time.perf_counter() - started) * 1000, None,
                     f"{measures.nodes} nodes, {measures.edges} ties, approx={measures.approximate}"))

        whole = ecosystem.network(actor, {})
        ids = [node["id"] for node in whole["nodes"] if node["kind"] != "person"]
        today = date.today().isoformat()
        rows.append(("map: whole network", _median(lambda: ecosystem.network(actor, {}), repeat),
                     _median(lambda: driver.read(metric_store.map_ties, ids, today, today), repeat),
                     f"{len(whole['nodes'])} nodes, {len(whole['links'])} links"))
        broker = metrics.brokers(actor, limit=1)[0]
        ego = ecosystem.ego(actor, broker["id"], 2)
        rows.append(("map: ego view, 2 steps", _median(lambda: ecosystem.ego(actor, broker["id"], 2), repeat),
                     None, f"{len(ego['nodes'])} nodes around the top broker"))

        rng = random.Random(seed)
        pairs = [tuple(rng.sample(ids, 2)) for _ in range(repeat)]
        service_ms = [_timed(lambda a=a, b=b: paths.find(actor, a, b)) for a, b in pairs]
        raw_ms = [_timed(raw("paths/between", start_id=a, target_id=b, limit=200)) for a, b in pairs]
        found = [len(paths.find(actor, a, b)) for a, b in pairs]
        rows.append(("introduction paths", statistics.median(service_ms), statistics.median(raw_ms),
                     f"{repeat} random pairs, routes found: {found}"))

        people = duplicates.candidates(actor, "person", limit=10**9)
        rows.append(("person duplicate candidates",
                     _median(lambda: duplicates.candidates(actor, "person", limit=10**9), repeat),
                     _median(raw("duplicates/person_candidates", max_group=25), repeat),
                     f"{len(people)} pairs"))
        error = betweenness_error(driver.read(lambda tx: (metric_store.nodes(tx), metric_store.ties(tx, today))))
        print()
        print(f"{'case':<30} {'service ms':>10} {'raw ms':>8}  notes")
        for label, svc, raw_value, note in rows:
            raw_text = f"{raw_value:>8.1f}" if raw_value is not None else f"{'—':>8}"
            print(f"{label:<30} {svc:>10.1f} {raw_text}  {note}")
        print("estimated betweenness against the exact one: " + ", ".join(f"{k} {v}" for k, v in error.items()))
        return rows


def betweenness_error(network: tuple[list[dict], list[dict]]) -> dict[str, object]:
    """How far the estimate from ``measures.SAMPLE`` pivots is from the exact betweenness:
    how many of the exact top 25 brokers it also puts in its top 25, the rank correlation
    (Spearman) over the nodes that lie between others, and the median relative error of the
    exact top 100."""
    import pandas as pd

    from lo_network.domain import measures

    net = measures.build(*network)
    started = time.perf_counter()
    estimate, estimated = measures.betweenness(net)
    estimate_s = time.perf_counter() - started
    exact_up_to, measures.EXACT_UP_TO = measures.EXACT_UP_TO, net.graph.vcount()
    try:
        started = time.perf_counter()
        exact, _ = measures.betweenness(net)
        exact_s = time.perf_counter() - started
    finally:
        measures.EXACT_UP_TO = exact_up_to
    both = pd.DataFrame({"exact": exact, "estimate": estimate})
    top = lambda column, k: set(both[column].nlargest(k).index)  # noqa: E731
    between = both[both["exact"] > 0]
    top100 = both.loc[list(top("exact", 100))]
    return {"nodes": net.graph.vcount(), "estimated": estimated, "pivots": measures.SAMPLE,
            "top 25 shared": f"{len(top('exact', 25) & top('estimate', 25))}/25",
            # Spearman's rank correlation: Pearson's on the ranks (pandas' own "spearman" needs scipy)
            "rank correlation": round(between["exact"].rank().corr(between["estimate"].rank()), 3),
            "median relative error, top 100": f"{((top100['estimate'] - top100['exact']).abs() / top100['exact']).median():.1%}",
            "seconds exact / estimated": f"{exact_s:.1f} / {estimate_s:.1f}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    run(args.organisations, args.repeat, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
