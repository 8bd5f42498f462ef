"""Benchmark: duplicate candidate detection over N organisations (default 100,000).

Starts its own embedded graph server in a temporary folder on free loopback ports, loads N
validated organisations (names, KvK numbers, websites; through the domain's validation, so
each carries its stored duplicate keys) of which about 1% are planted duplicates (same KvK,
the name with another legal form, or the same website domain), then times:

- service: ``lo_network.services.duplicates.candidates`` (query, pairs combined, scored, sorted);
- raw: the ``duplicates/organisation_candidates`` Cypher alone on a driver session.

Each is run ``--repeat`` times after one warm-up; it prints the medians and the ratio, and
checks that every planted duplicate is found. The server is stopped and the folder removed.

Usage::

    python -m tests.perf.bench_duplicates                       # 100,000 organisations
    python -m tests.perf.bench_duplicates --organisations 20000 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from tests.perf.bench_organisations import _timed, _use_private_graph  # noqa: E402

WORDS = ("Transport", "Logistiek", "Vervoer", "Opslag", "Distributie", "Koel", "Haven", "Twente", "IJssel",
         "Zwolle", "Deventer", "Hengelo", "Almelo", "Oost", "Noord", "Cargo", "Container", "Expeditie",
         "Warehousing", "Supply", "Agro", "Food", "Bulk", "Tank", "Rail", "Binnenvaart", "Shipping")
FORMS = ("B.V.", "BV", "Holding", "N.V.", "VOF", "")
BATCH = 2000


def organisations(n: int, rng: random.Random) -> tuple[list[dict], list[tuple[int, int]]]:
    """n raw organisations; every 100th is a planted duplicate of an earlier one:
    the same KvK, the same name with another legal form, or the same website."""
    raws, bases, planted = [], [], []
    for i in range(n):
        if i % 100 == 99:
            j = rng.randrange(len(raws))
            while j % 100 == 99:  # an original, not an earlier planted copy (which may share no key)
                j = rng.randrange(len(raws))
            how = i // 100 % 3
            raw = {"kind": "company", "kvk": raws[j]["kvk"] if how == 0 else "",
                   "name": f"{bases[j]} {rng.choice(FORMS)}".strip() if how != 2 else f"Vestiging {i}",
                   "website": raws[j]["website"] if how == 2 else ""}
            planted.append((j, i))
            base = raw["name"]
        else:
            words = rng.sample(WORDS, 2)
            base = f"{words[0]} {words[1]} {i}"
            raw = {"name": f"{base} {rng.choice(FORMS)}".strip(), "kind": "company",
                   "kvk": f"{10000000 + i}", "website": f"https://www.org{i}.nl"}
        raws.append(raw)
        bases.append(base)
    return raws, planted


def run(n: int, repeat: int, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="lo_bench_dup_") as data_dir:
        _use_private_graph(data_dir)
        from lo_network.services.accounts import Actor
        from lo_network.domain import organisations as domain
        from lo_network.services import duplicates as service
        from lo_network.store import driver, schema
        from lo_network.store import duplicates as dup_store
        from lo_network.store import organisations as store
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.store.queries import q

        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(settings.get()).start()
        try:
            schema.migrate()
            raws, planted = organisations(n, random.Random(seed))
            started = time.perf_counter()
            ids: list[str] = []
            for i in range(0, n, BATCH):
                ids += driver.write(store.create_many, [domain.validate(r) for r in raws[i:i + BATCH]])
            seconds = time.perf_counter() - started
            print(f"load: {n} organisations ({len(planted)} planted duplicates) in {seconds:.1f} s "
                  f"({n / seconds:.0f}/s)", flush=True)

            actor = Actor(id=None, email="bench@example.invalid", name="benchmark", role="steering")
            database = settings.get().neo4j_database

            def raw_call():
                with driver.get_driver().session(database=database) as session:
                    return list(session.run(q("duplicates/organisation_candidates"), max_group=dup_store.MAX_GROUP))

            found = service.candidates(actor, "organisation", limit=10**9)
            rows = raw_call()
            service_ms = [_timed(lambda: service.candidates(actor, "organisation", limit=10**9)) for _ in range(repeat)]
            raw_ms = [_timed(raw_call) for _ in range(repeat)]
            svc, raw = statistics.median(service_ms), statistics.median(raw_ms)
            print()
            print(f"{'organisations':>13} {'pairs':>6} {'rows':>6} {'runs':>4} {'service ms':>10} {'raw ms':>8} {'svc/raw':>7}")
            print(f"{n:>13} {len(found):>6} {len(rows):>6} {repeat:>4} {svc:>10.1f} {raw:>8.1f} {svc / raw:>7.2f}")
            pairs = {frozenset((c["a_id"], c["b_id"])) for c in found}
            missed = [p for p in planted if frozenset((ids[p[0]], ids[p[1]])) not in pairs]
            print(f"planted duplicates: {len(planted)}, found: {len(planted) - len(missed)}, missed: {len(missed)}; "
                  f"other candidate pairs: {len(pairs) - (len(planted) - len(missed))}")
        finally:
            driver.close()
            server.stop()
            print("graph server stopped", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000, help="how many (default 100000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    run(args.organisations, args.repeat, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
