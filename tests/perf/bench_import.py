"""Benchmark: importing organisations and people from CSV, next to the raw driver.

Starts its own embedded graph server (and SQLite) in a temporary data folder on free
loopback ports, generates two CSV files in the run (``--rows`` organisations, and as many
people, each working at one of those organisations), then measures on the same server:

1. raw: the rows, validated beforehand (not timed), written with the driver alone: the
   import's own UNWIND-MERGE queries (imports/upsert_organisations, upsert_people +
   merge_employments) in batches of the import's size, one transaction per batch, into an
   empty graph. This is the graph's own cost of the same writes. It runs in a child
   process before and after the import (the server warms up as it goes); the faster counts.
2. on an empty graph again, the import as a user runs it (``lo_network.services.imports``):
   the dry run (read the file, recognise columns, validate every row, merge rows, match
   against the graph) and the import itself (the same again, then the batched writes and
   the job's progress in SQL), organisations first, then people with their organisation.

It prints rows per second for each, the ratio import/raw (the figure that counts), and the
peak memory of this process (``resource.getrusage``: max resident set size; with
``--tracemalloc`` also the peak of Python allocations, which slows Python down).

Usage (from the project root, venv active)::

    python -m tests.perf.bench_import               # 100,000 organisations + 100,000 people
    python -m tests.perf.bench_import --rows 20000
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lo_network import settings  # noqa: E402
from tests.perf.bench_organisations import _use_private_graph  # noqa: E402

CITIES = ["Enschede", "Hengelo", "Almelo", "Deventer", "Zwolle", "Kampen", "Oldenzaal", "Raalte", "Apeldoorn"]
STATUSES = ["Prospect", "Deelnemer", "Partner", "Oud-deelnemer"]
FIRST = ["Anna", "Bram", "Carla", "Daan", "Eva", "Freek", "Gert", "Hanna", "Ilse", "Joris"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"]


def organisations_csv(n: int) -> bytes:
    lines = ["Bedrijfsnaam;KvK-nummer;Website;Plaats;Netwerkstatus;Tags"]
    for i in range(n):
        lines.append(f"Bench Logistiek {i:06d} B.V.;{10_000_000 + i};www.bench-{i}.nl;{CITIES[i % len(CITIES)]};"
                     f"{STATUSES[i % len(STATUSES)]};bench,import")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def people_csv(n: int, organisations: int) -> bytes:
    lines = ["Voornaam;Achternaam;E-mailadres;Functie;Organisatie;Telefoon"]
    for i in range(n):
        org = i % organisations
        lines.append(f"{FIRST[i % 10]};{LAST[(i // 10) % 10]} {i};p{i}@bench-{org}.nl;Planner;"
                     f"Bench Logistiek {org:06d} B.V.;06{i:08d}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def raw_rows(kind: str, data: bytes):
    """The validated rows the raw writes use, prepared outside the timing with the import's
    own domain code: (organisations, people, employments) ready for the UNWIND queries."""
    from lo_network.domain import imports as domain

    table = domain.read_table(data, f"{kind}.csv")
    rows, errors = domain.prepare_rows(table, domain.recognise(table.columns, kind), kind)
    assert not errors, errors[:3]
    if kind == "organisations":
        return [{"id": domain.stable_id("organisation", *domain.organisation_keys(r.props)[0]), "props": r.props}
                for r in rows], [], []
    people, links = [], []
    for r in rows:
        org_id = domain.stable_id("organisation", "kvk", f"{10_000_000 + int(r.organisation['name'].split()[2])}")
        pid = domain.stable_id("person", "email", r.props["email_key"])
        people.append({"id": pid, "props": r.props})
        links.append({"id": domain.stable_id("works_at", pid, org_id), "person_id": pid, "organisation_id": org_id,
                      "role": r.props["job_title"], "since": None})
    return [], people, links


def raw_write(organisations, people, links, batch: int) -> float:
    """Seconds to write the rows with the driver alone, one transaction per batch."""
    from lo_network.store import imports as store
    from lo_network.store import driver

    started = time.perf_counter()
    total = max(len(organisations), len(people))
    for start in range(0, total, batch):
        driver.write(store.write_batch, organisations[start:start + batch], people[start:start + batch],
                     links[start:start + batch])
    return time.perf_counter() - started


def raw_in_transactions(organisations, people, links, batch: int) -> float:
    """Seconds to write the rows with the driver alone, each kind in ONE auto-commit query
    that commits every ``batch`` rows itself (``CALL { } IN TRANSACTIONS``): the same MERGEs."""
    from lo_network.store import driver
    from lo_network.store.records import now_iso

    here = Path(__file__).parent
    started = time.perf_counter()
    with driver.get_driver().session(database=settings.get().neo4j_database) as session:
        for name, rows in (("organisations", organisations), ("people", people), ("employments", links)):
            if rows:
                query = (here / f"import_{name}_in_transactions.cypher").read_text(encoding="utf-8")
                session.run(query, rows=rows, now=now_iso(), batch=batch).consume()
    return time.perf_counter() - started


def _raw_phase(n: int) -> tuple[float, float, float, float]:
    """In a child process: prepare the rows (not timed), write them raw (timed), check; then
    on an empty graph again the same writes by CALL { } IN TRANSACTIONS (timed), check."""
    from lo_network.services import imports
    from lo_network.store import driver, network

    orgs = raw_rows("organisations", organisations_csv(n))[0]
    _, people, links = raw_rows("people", people_csv(n, n))
    org_s = raw_write(orgs, [], [], imports.BATCH)
    people_s = raw_write([], people, links, imports.BATCH)
    sizes = driver.read(network.counts)
    assert sizes == {"organisations": n, "people": n}, sizes
    network.wipe()
    org_tx_s = raw_in_transactions(orgs, [], [], imports.BATCH)
    people_tx_s = raw_in_transactions([], people, links, imports.BATCH)
    sizes = driver.read(network.counts)
    assert sizes == {"organisations": n, "people": n}, sizes
    driver.close()
    return org_s, people_s, org_tx_s, people_tx_s


def raw_in_child(n: int) -> tuple[float, float, float, float]:
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(_raw_phase, (n,))


def service_import(kind: str, data: bytes) -> tuple[float, float, dict]:
    """(dry-run seconds, import seconds, result) of the import as the UI and CLI run it."""
    import json

    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import imports

    started = time.perf_counter()
    job = imports.create_job(CLI_ACTOR, f"{kind}.csv", data, kind, "bench")
    job = imports.analyse(job.id)
    assert job.status == "ready", job.error
    checked = time.perf_counter()
    job = imports.execute(job.id)
    assert job.status == "done", job.error
    return checked - started, time.perf_counter() - checked, json.loads(job.result)


def run(n: int, use_tracemalloc: bool = False) -> dict[str, dict[str, float]]:
    """Prints the table; returns rows/s per kind (raw, dry_run, import, dry_import) and, under
    "memory", the peak RSS of this process in MiB before the import and after each kind."""
    with tempfile.TemporaryDirectory(prefix="lo_bench_import_") as data_dir:
        _use_private_graph(data_dir)
        from lo_network.sqlstore import sql
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.services import imports
        from lo_network.store import driver, network, schema

        print(f"starting the embedded graph server in {data_dir} ...", flush=True)
        server = EmbeddedGraph(settings.get()).start()
        try:
            schema.migrate()
            sql.init()
            started = time.perf_counter()
            org_data, people_data = organisations_csv(n), people_csv(n, n)
            print(f"generated 2 CSV files of {n} rows ({len(org_data) / 2**20:.1f} + "
                  f"{len(people_data) / 2**20:.1f} MiB) in {time.perf_counter() - started:.1f} s", flush=True)

            warm = min(2000, n)  # warm the server (JIT, caches) and this process once, then start empty
            print(f"warm-up with {warm} rows ...", flush=True)
            w_orgs, w_people, w_links = raw_rows("organisations", organisations_csv(warm))[0], *raw_rows("people", people_csv(warm, warm))[1:]
            raw_write(w_orgs, w_people, w_links, imports.BATCH)
            network.wipe()
            service_import("organisations", organisations_csv(warm))
            network.wipe()

            # raw before and after the import (the server warms up as it goes: both are shown,
            # the ratio uses the faster); raw runs in a child process so that this process's
            # peak memory is the import's own
            print("raw driver (child process): organisations, then people + links ...", flush=True)
            raw_before = raw_in_child(n)
            network.wipe()

            rss_before = peak_rss_mib()
            if use_tracemalloc:
                tracemalloc.start()
            print("import: organisations (dry run, then import) ...", flush=True)
            org_check_s, org_import_s, org_result = service_import("organisations", org_data)
            rss_orgs = peak_rss_mib()
            print("import: people with their organisation (dry run, then import) ...", flush=True)
            people_check_s, people_import_s, people_result = service_import("people", people_data)
            rss_people = peak_rss_mib()
            traced = tracemalloc.get_traced_memory()[1] / 2**20 if use_tracemalloc else None
            tracemalloc.stop()
            sizes = driver.read(network.counts)
            assert sizes == {"organisations": n, "people": n}, sizes
            network.wipe()
            print("raw driver (child process) again ...", flush=True)
            raw_after = raw_in_child(n)
            raw_org_s = min(raw_before[0], raw_after[0])
            raw_people_s = min(raw_before[1], raw_after[1])
            tx_org_s = min(raw_before[2], raw_after[2])
            tx_people_s = min(raw_before[3], raw_after[3])
            assert org_result["create"] == n and people_result["create"] == n and people_result["links_create"] == n
        finally:
            driver.close()
            server.stop()
            print("graph server stopped", flush=True)

    figures: dict[str, dict[str, float]] = {}

    def line(label, rows, raw_s, check_s, import_s):
        raw = rows / raw_s
        imp = rows / import_s
        both = rows / (check_s + import_s)
        figures[label] = {"raw": raw, "dry_run": rows / check_s, "import": imp, "dry_import": both}
        print(f"{label:<14} {rows:>8} {raw:>10.0f} {rows / check_s:>10.0f} {imp:>10.0f} {both:>12.0f} "
              f"{imp / raw:>11.2f} {both / raw:>12.2f}")

    print()
    print(f"{'rows/s':<14} {'rows':>8} {'raw MERGE':>10} {'dry run':>10} {'import':>10} {'dry+import':>12} "
          f"{'import/raw':>11} {'d+i / raw':>12}")
    line("organisations", n, raw_org_s, org_check_s, org_import_s)
    line("people+links", n, raw_people_s, people_check_s, people_import_s)
    print(f"(batches of {imports.BATCH} rows, one transaction each; 'import' = read file + validate + merge + "
          f"match + write + job progress; 'raw MERGE' = the same UNWIND-MERGE writes of pre-validated rows)")
    print(f"raw MERGE seconds before / after the import: organisations {raw_before[0]:.1f} / {raw_after[0]:.1f}, "
          f"people {raw_before[1]:.1f} / {raw_after[1]:.1f} (the faster counts)")
    print(f"raw CALL {{ }} IN TRANSACTIONS OF {imports.BATCH} ROWS (one auto-commit query per kind), rows/s: "
          f"organisations {n / tx_org_s:.0f} (raw MERGE {n / raw_org_s:.0f}), people+links {n / tx_people_s:.0f} "
          f"(raw MERGE {n / raw_people_s:.0f}); seconds before / after: organisations {raw_before[2]:.1f} / "
          f"{raw_after[2]:.1f}, people {raw_before[3]:.1f} / {raw_after[3]:.1f}")
    print(f"peak memory (max RSS of this process): {rss_before:.0f} MiB before the import, {rss_orgs:.0f} MiB after organisations, "
          f"{rss_people:.0f} MiB after people" + (f"; Python allocations peak {traced:.0f} MiB" if traced else ""))
    figures["memory"] = {"before": rss_before, "organisations": rss_orgs, "people": rss_people}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="organisations and people each (default 100000)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args(argv)
    run(args.rows, args.tracemalloc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
