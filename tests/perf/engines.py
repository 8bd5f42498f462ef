"""Benchmark: the embedded graph server in one run, every figure that concerns the engine.

Each part below starts its own embedded Neo4j (temporary data folder, free loopback ports) in
a fresh child process:

- server: start time in a new folder and again in the existing one, idle RSS of the graph
  server process (empty, and after loading the demo network), then the organisation list
  and search cases of ``bench_organisations`` (p50 and p95) on that network;
- import: ``bench_import`` (rows/s of the import next to the raw UNWIND-MERGE writes);
- kpis: ``bench_kpis`` (the dashboard's first view and the rest);
- network: ``bench_network`` (measures, map, introduction paths, duplicates);
- registration: ``bench_registration``'s rush against ``lo-network serve`` (the app itself);
- install: ``mvn dependency:copy-dependencies`` of Neo4j's jars into an empty folder (Maven's
  local repository as it is, i.e. warm) with the folder's size, and ``pip install -e .``
  into a fresh venv with the size of its site-packages.

Each part prints its own table as it goes; at the end one table has every figure (``--json``
keeps them, saved after each part). With ArcadeDB beside Neo4j, this command measured both
side by side before ArcadeDB was retired (docs/benchmarks.md); ``--report`` prints the table
of such a saved run, a column per engine.

Usage (from the project root, venv active)::

    python -m tests.perf.engines --json engines.json  # the default sizes; ~20 min on 2 busy cores
    python -m tests.perf.engines --organisations 2000 --import-rows 1000 \\
        --kpi-organisations 1000 --network-organisations 300 --repeat 3   # a quick look
    python -m tests.perf.engines --report engines.json   # the table of that run again
    python -m tests.perf.engines --parts server install
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROOT = Path(__file__).resolve().parents[2]
ENGINES = ("neo4j",)  # the columns of a run; a saved run may have more (ENGINE_NAMES)
PARTS = ("server", "import", "kpis", "network", "registration", "install")
ENGINE_NAMES = {"neo4j": "Neo4j 5.26", "arcadedb": "ArcadeDB"}


def _rss_mib(pid: int) -> float:
    """Resident memory of one process (its threads included, its children not)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---- the parts, each run in its own child process ---------------------------------------------

def part_server(organisations: int, repeat: int, budget: float, seed: int, idle: float) -> dict[str, Any]:
    from lo_network import settings
    from tests.perf import bench_organisations as orgs

    with tempfile.TemporaryDirectory(prefix="lo_bench_engine_") as data_dir:
        orgs._use_private_graph(data_dir)
        from lo_network.embedded.launcher import EmbeddedGraph
        from lo_network.embedded.server import prepare
        from lo_network.store import driver

        prepare(settings.get())  # Neo4j's jars, fetched once per installation: not a start
        result: dict[str, Any] = {}
        started = time.perf_counter()
        server = EmbeddedGraph(settings.get()).start(timeout=600)
        result["start_new_s"] = time.perf_counter() - started
        try:
            time.sleep(idle)
            result["rss_empty_mib"] = _rss_mib(server.pid)
            server.stop()
            started = time.perf_counter()
            server.start(timeout=600)
            result["start_existing_s"] = time.perf_counter() - started
            print(f"start: new folder {result['start_new_s']:.1f} s, existing folder "
                  f"{result['start_existing_s']:.1f} s; idle RSS empty {result['rss_empty_mib']:.0f} MiB", flush=True)
            result["load"] = orgs.load_demo(organisations, seed)
            time.sleep(idle)
            result["rss_loaded_mib"] = _rss_mib(server.pid)
            print(f"idle RSS after the load: {result['rss_loaded_mib']:.0f} MiB", flush=True)
            result["cases"] = orgs.measure_cases(repeat, budget)
        finally:
            driver.close()
            server.stop()
    return result


def part_registration(registrations: int, capacity: int, workers: int, warm_up: int = 0) -> dict[str, Any]:
    from tests.perf import bench_registration as reg

    server, token = reg.own_app()
    try:
        return reg.run(server.base_url, token, registrations, capacity, workers, server.process.pid, warm_up)
    finally:
        server.stop()
        shutil.rmtree(server.data_dir, ignore_errors=True)


def part_import(rows: int) -> dict[str, Any]:
    from tests.perf import bench_import

    return bench_import.run(rows, False)


def part_kpis(organisations: int, repeat: int, budget: float) -> list:
    from tests.perf import bench_kpis

    return bench_kpis.run(organisations, 3 * organisations, max(100, organisations // 5), repeat, budget, 6)


def part_network(organisations: int, repeat: int) -> list:
    from tests.perf import bench_network

    return bench_network.run(organisations, repeat, 7)


def _child(fn_name: str, args: tuple, out: str) -> None:
    # stopped from outside (a part over its time): unwind, so the part stops its graph server
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    module, _, name = fn_name.rpartition(":")
    fn = getattr(importlib.import_module(module), name) if module else globals()[name]
    Path(out).write_text(json.dumps(fn(*args), default=str))


def in_child(fn_name: str, *args: Any, timeout: float | None = None) -> Any:
    """Run ``fn_name(*args)`` (a function of this module, or "package.module:function") in a
    fresh interpreter; its result, or ``{"error": ...}`` when it failed or took longer than
    ``timeout`` seconds (the other parts still run)."""
    with tempfile.NamedTemporaryFile(prefix="lo_bench_engine_", suffix=".json", delete=False) as fh:
        out = fh.name
    try:
        process = multiprocessing.get_context("spawn").Process(target=_child, args=(fn_name, args, out))
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.terminate()
            process.join(120)
            return {"error": f"did not finish within {timeout:.0f} s"}
        if process.exitcode != 0:
            return {"error": f"exit code {process.exitcode}"}
        return json.loads(Path(out).read_text())
    finally:
        os.unlink(out)


# ---- first install ----------------------------------------------------------------------------

def _du_mib(path: Path) -> float:
    done = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[0]) / 2**20


def part_install() -> dict[str, Any]:
    from lo_network.embedded.neo4j import jars

    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="lo_bench_install_") as tmp:
        lib = Path(tmp) / "lib"
        print("install: mvn dependency:copy-dependencies into an empty folder ...", flush=True)
        started = time.perf_counter()
        subprocess.run(["mvn", "-q", "-B", "-f", str(jars.POM), "dependency:copy-dependencies",
                        f"-DoutputDirectory={lib}"], check=True, stdin=subprocess.DEVNULL)
        result["mvn_s"] = time.perf_counter() - started
        result["jars"] = len(list(lib.glob("*.jar")))
        result["jars_mib"] = _du_mib(lib)
        print(f"  {result['mvn_s']:.1f} s, {result['jars']} jars, {result['jars_mib']:.0f} MiB", flush=True)

        venv = Path(tmp) / "venv"
        print("install: pip install -e . into a fresh venv ...", flush=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = str(venv / "bin" / "pip")
        subprocess.run([pip, "install", "-q", "-e", str(ROOT)], check=True, stdin=subprocess.DEVNULL)
        result["pip_s"] = time.perf_counter() - started
        site = next(venv.glob("lib/python*/site-packages"))
        result["site_packages_mib"] = _du_mib(site)
        print(f"  {result['pip_s']:.1f} s, site-packages {result['site_packages_mib']:.0f} MiB", flush=True)
    return result


# ---- the table -------------------------------------------------------------------------------

def _cells(results: dict[str, dict[str, Any]], engines: list[str], part: str,
           show: Callable[[Any], str]) -> list[str]:
    cells = []
    for engine in engines:
        value = results.get(engine, {}).get(part)
        try:
            cells.append("—" if value is None or "error" in value else show(value))
        except (KeyError, IndexError, TypeError, StopIteration):
            cells.append("—")
    return cells


def table(results: dict[str, dict[str, Any]], engines: list[str]) -> list[str]:
    """The markdown table: one row per figure, one column per engine."""
    from tests.perf.bench_organisations import CASES

    lines = ["| what | " + " | ".join(ENGINE_NAMES.get(e, e) for e in engines) + " |",
             "| --- |" + " ---: |" * len(engines)]

    def row(label: str, part: str, show: Callable[[Any], str]) -> None:
        lines.append(f"| {label} | " + " | ".join(_cells(results, engines, part, show)) + " |")

    def case(v: dict, label: str) -> dict:
        return next(r for name, r in v["cases"] if name == label)

    def named(rows: list, label: str):
        return next(r for r in rows if r[0] == label)

    row("server start, new folder (s)", "server", lambda v: f"{v['start_new_s']:.1f}")
    row("server start, existing folder (s)", "server", lambda v: f"{v['start_existing_s']:.1f}")
    row("idle RSS of the graph server, empty (MiB)", "server", lambda v: f"{v['rss_empty_mib']:.0f}")
    row("demo network load (s)", "server", lambda v: f"{v['load']['seconds']:.0f}")
    row("idle RSS of the graph server, after the load (MiB)", "server", lambda v: f"{v['rss_loaded_mib']:.0f}")
    for label, *_ in CASES:
        row(f"list: {label}, p50 / p95 (ms)", "server",
            lambda v, l=label: f"{case(v, l)['service']:.0f} / {case(v, l)['service_p95']:.0f}")
    row("registration rush: registrations/s", "registration", lambda v: f"{v['rush']['rate']:.1f}")
    row("registration rush: p50 / p95 (ms)", "registration",
        lambda v: f"{v['rush']['p50'] * 1000:.0f} / {v['rush']['p95'] * 1000:.0f}")
    row("registration rush: registered / over capacity / twice", "registration",
        lambda v: f"{v['rush_back']['registered']} / {v['rush_back']['overbooking']} / {v['rush_back']['twice']}")
    row("registration one by one: registrations/s", "registration", lambda v: f"{v['sequential']['rate']:.1f}")
    for kind in ("organisations", "people+links"):
        row(f"import {kind}: raw UNWIND-MERGE rows/s", "import", lambda v, k=kind: f"{v[k]['raw']:.0f}")
        row(f"import {kind}: import rows/s (import / raw)", "import",
            lambda v, k=kind: f"{v[k]['import']:.0f} ({v[k]['import'] / v[k]['raw']:.2f})")
    for label in ("service: dashboard, 12 months by month", "service: dashboard, region=twente",
                  "service: another filter, facts cached", "facts: the fact queries alone",
                  "raw: aggregate queries in the graph"):
        row(f"dashboard {label} (s)", "kpis", lambda v, l=label: f"{named(v, l)[1]['median']:.2f}")
    for label in ("recompute measures (once)", "map: whole network", "map: ego view, 2 steps",
                  "introduction paths", "person duplicate candidates"):
        row(f"network {label} (ms)", "network", lambda v, l=label: f"{named(v, l)[1]:.0f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--organisations", type=int, default=100_000, help="list and search (default 100000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per list case (default 20)")
    parser.add_argument("--case-budget", type=float, default=6.0, help="seconds per list case (default 6)")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds idle before reading RSS (default 10)")
    parser.add_argument("--registrations", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--import-rows", type=int, default=5000, help="organisations and people each (default 5000)")
    parser.add_argument("--kpi-organisations", type=int, default=5000,
                        help="dashboard: organisations, x3 links, /5 registrations (default 5000)")
    parser.add_argument("--kpi-repeat", type=int, default=3)
    parser.add_argument("--network-organisations", type=int, default=500)
    parser.add_argument("--network-repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every figure to this file (after each part)")
    parser.add_argument("--report", type=Path, help="only print the table of a --json file written before")
    args = parser.parse_args(argv)
    if args.report:
        saved = json.loads(args.report.read_text())
        engines = [e for e in ENGINE_NAMES if e in saved["results"]]
        print("\n".join(table(saved["results"], engines)))
        return 0

    def save() -> None:
        if args.json:
            args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                             "results": results}, indent=1, default=str))

    began = time.perf_counter()
    results: dict[str, dict[str, Any]] = {engine: {} for engine in ENGINES}
    for part in args.parts:
        if part == "install":
            try:
                results["install"] = part_install()
            except (subprocess.CalledProcessError, OSError) as exc:
                traceback.print_exc()
                results["install"] = {"error": str(exc)}
            save()
            continue
        for engine in ENGINES:
            print(f"\n==== {part} on {ENGINE_NAMES[engine]} ====", flush=True)
            started = time.perf_counter()
            if part == "server":
                value = in_child("part_server", args.organisations, args.repeat, args.case_budget, 7, args.idle)
            elif part == "registration":
                value = in_child("part_registration", args.registrations, args.capacity, args.workers)
            elif part == "import":
                value = in_child("part_import", args.import_rows)
            elif part == "kpis":
                value = in_child("part_kpis", args.kpi_organisations, args.kpi_repeat, 60.0)
            else:
                value = in_child("part_network", args.network_organisations, args.network_repeat)
            results[engine][part] = value
            save()
            print(f"==== {part} on {ENGINE_NAMES[engine]}: {time.perf_counter() - started:.0f} s ====", flush=True)

    print(f"\nside by side ({time.perf_counter() - began:.0f} s in all; load average now "
          f"{os.getloadavg()[0]:.1f}); sizes: list {args.organisations} organisations, import {args.import_rows} "
          f"rows, dashboard {args.kpi_organisations} organisations, network {args.network_organisations}:\n")
    print("\n".join(table(results, list(ENGINES))))
    install = results.get("install")
    if install and "error" not in install:
        print(f"\nfirst install: mvn dependency:copy-dependencies (local repository warm) {install['mvn_s']:.1f} s, "
              f"{install['jars']} jars, {install['jars_mib']:.0f} MiB; pip install -e . into a fresh venv "
              f"{install['pip_s']:.0f} s, site-packages {install['site_packages_mib']:.0f} MiB")
    failed = [f"{engine}/{part}" for engine, parts in results.items() if engine in ENGINES
              for part, value in parts.items() if isinstance(value, dict) and "error" in value]
    if failed:
        print(f"\nFAILED parts: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
