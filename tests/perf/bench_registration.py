"""Benchmark: a registration rush against the running app's API.

Creates an activity with ``--capacity`` seats through the API, then sends ``--registrations``
registrations at once from ``--workers`` threads (each its own HTTP connection) to the
organiser route ``POST /api/v1/activities/{id}/contacts`` (the same seat transaction as the
public page; the public route is rate limited per address, so one machine cannot rush it).
For comparison, the same number is then sent one after another to a second activity.
It prints registrations per second for both, their ratio, latencies, and the outcome:
registered, waiting, duplicates, errors and OVERBOOKING (registered beyond capacity, read
back from the graph through the API; anything but 0 is a failure, exit code 1).

Without ``--url`` it starts the app itself (``lo-network serve`` in a temporary folder on
free ports, with an organiser account and token) and stops it at the end; the first build
of the frontend takes a few minutes, later ones about half a minute.

Usage (from the project root, venv active)::

    python -m tests.perf.bench_registration                              # 200 for 50 seats, 16 workers
    python -m tests.perf.bench_registration --registrations 400 --capacity 100 --workers 24
    python -m tests.perf.bench_registration --url http://127.0.0.1:3000 --token lo_...   # a running app
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx  # noqa: E402

MAX_REGISTRATIONS = 2000
MAX_WORKERS = 64


def _activity(client: httpx.Client, title: str, capacity: int) -> str:
    start = (datetime.now(ZoneInfo("Europe/Amsterdam")) + timedelta(days=30)).replace(hour=9, minute=0)
    body = {"title": title, "kind": "congress", "visibility": "public", "capacity": capacity,
            "starts_at": start.strftime("%d-%m-%Y %H:%M"), "ends_at": (start + timedelta(hours=8)).strftime("%d-%m-%Y %H:%M")}
    answer = client.post("/api/v1/activities", json=body)
    answer.raise_for_status()
    return answer.json()["id"]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else 0.0


def _send(base_url: str, token: str, activity_id: str, count: int, workers: int, tag: str) -> dict:
    local = threading.local()
    latencies: list[float] = []
    outcomes: dict[str, int] = {}
    lock = threading.Lock()

    def one(n: int) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=120)
        started = time.perf_counter()
        try:
            answer = local.client.post(f"/api/v1/activities/{activity_id}/contacts",
                                       json={"name": f"Bench {tag} {n}", "email": f"bench-{tag}-{n}@rush.example"})
            key = answer.json()["outcome"] if answer.status_code == 201 else f"http {answer.status_code}"
        except httpx.HTTPError as exc:
            key = type(exc).__name__
        with lock:
            latencies.append(time.perf_counter() - started)
            outcomes[key] = outcomes.get(key, 0) + 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(count)))
    elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "rate": count / elapsed, "outcomes": outcomes,
            "p50": statistics.median(latencies), "p95": _percentile(latencies, 0.95)}


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def cpu_seconds(pid: int | None) -> dict[str, float]:
    """CPU seconds (user + system) used so far by the app started as ``pid`` and its
    children, split into the graph server's JVM and the rest (the app)."""
    used = {"app": 0.0, "graph": 0.0}
    if pid is None:
        return used
    tick = os.sysconf("SC_CLK_TCK")
    for child in _descendants(pid):
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            role = "graph" if b"graph-server" in Path(f"/proc/{child}/cmdline").read_bytes() else "app"
        except OSError:
            continue
        used[role] += (int(fields[11]) + int(fields[12])) / tick
    return used


def _read_back(client: httpx.Client, activity_id: str, capacity: int) -> dict:
    activity = client.get(f"/api/v1/activities/{activity_id}").json()
    rows = client.get(f"/api/v1/activities/{activity_id}/registrations").json()
    emails = [r["email"] for r in rows]
    return {"registered": activity["registered"], "waitlisted": activity["waitlisted"],
            "overbooking": max(0, activity["registered"] - capacity), "twice": len(emails) - len(set(emails))}


def _send_counted(pid: int | None, base_url: str, token: str, activity_id: str, count: int, workers: int,
                  tag: str) -> dict:
    """_send, with the CPU time the app and the graph server spent on it per registration."""
    before = cpu_seconds(pid)
    result = _send(base_url, token, activity_id, count, workers, tag)
    after = cpu_seconds(pid)
    result["cpu_ms"] = {role: (after[role] - before[role]) * 1000 / count for role in after}
    return result


def run(base_url: str, token: str, count: int, capacity: int, workers: int, pid: int | None = None,
        warm_up: int = 0) -> dict:
    """Rush, then the same sequentially; prints the table and returns the figures, with
    ``ok`` False when a seat was given twice or beyond capacity. With ``pid`` (the app's
    process, started here) it also prints the CPU time per registration of the app and of
    the graph server.

    With ``warm_up``, a first rush of that many registrations for a third activity comes
    before: a server just started still compiles its code while it works (the graph
    server's JVM spends most of its first thousand transactions compiling), and a server
    that has run a while no longer does. That first rush is printed too ("cold")."""
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        rush_id = _activity(client, f"Bench rush {datetime.now():%H%M%S}", capacity)
        calm_id = _activity(client, f"Bench sequential {datetime.now():%H%M%S}", capacity)
        print(f"registration rush: {count} registrations for {capacity} seats, {workers} workers, {base_url}")
        rows = []
        if warm_up:
            cold_id = _activity(client, f"Bench cold {datetime.now():%H%M%S}", capacity)
            cold = _send_counted(pid, base_url, token, cold_id, warm_up, workers, "cold")
            rows.append((f"cold, {warm_up}", cold, _read_back(client, cold_id, capacity)))
        rush = _send_counted(pid, base_url, token, rush_id, count, workers, "rush")
        rush_back = _read_back(client, rush_id, capacity)
        calm = _send_counted(pid, base_url, token, calm_id, count, 1, "seq")
        calm_back = _read_back(client, calm_id, capacity)
    print(f"{'':12} {'time s':>8} {'reg/s':>8} {'p50 ms':>8} {'p95 ms':>8}  registered  waiting  overbooking  twice"
          f"  {'CPU ms/reg app':>14} {'graph':>6}  answers")
    rows += [("concurrent", rush, rush_back), ("sequential", calm, calm_back)]
    for label, result, back in rows:
        cpu = result["cpu_ms"]
        print(f"{label:12} {result['elapsed']:8.2f} {result['rate']:8.1f} {result['p50'] * 1000:8.0f} "
              f"{result['p95'] * 1000:8.0f}  {back['registered']:10}  {back['waitlisted']:7}  {back['overbooking']:11}"
              f"  {back['twice']:5}  {cpu['app'] if pid else float('nan'):14.1f} {cpu['graph'] if pid else float('nan'):6.1f}"
              f"  {result['outcomes']}")
    print(f"ratio concurrent/sequential registrations per second: {rush['rate'] / calm['rate']:.2f}")
    ok = all(back["overbooking"] == 0 and back["twice"] == 0
             and back["registered"] == min(capacity, sum(result["outcomes"].values()))
             for _, result, back in rows)
    print("OK: never over capacity, nobody twice" if ok else "FAILED: overbooked or registered twice")
    return {"ok": ok, "rush": rush, "rush_back": rush_back, "sequential": calm, "sequential_back": calm_back,
            "cold": rows[0][1] if warm_up else None}


def own_app(env: dict[str, str] | None = None, heap: str | None = "512m") -> tuple[object, str]:
    """``lo-network serve`` in a temporary folder on free ports (with these extra settings, and
    this graph heap: None keeps the app's default), and an organiser's API token."""
    from tests.e2e.app_server import AppServer, lo_network_command

    server = AppServer.in_folder(Path(tempfile.mkdtemp(prefix="lo_bench_reg_")))
    if heap:
        server.env["LO_GRAPH_HEAP"] = heap
    server.env.update(env or {})
    print("starting the app (lo-network serve) ...", flush=True)
    server.start()
    server.create_accounts()
    done = subprocess.run([lo_network_command(), "create-token", server.accounts["organiser"].email],
                          env=server.env, capture_output=True, text=True, timeout=120, check=True)
    return server, done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running app (default: start one)")
    parser.add_argument("--token", help="an organiser's API token for --url")
    parser.add_argument("--registrations", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--warm-up", type=int, default=400,
                        help="registrations of a first rush on a just started server, printed as 'cold' (default 400)")
    args = parser.parse_args(argv)
    if not 1 <= args.registrations <= MAX_REGISTRATIONS or not 1 <= args.workers <= MAX_WORKERS:
        parser.error(f"--registrations 1..{MAX_REGISTRATIONS}, --workers 1..{MAX_WORKERS} (a bounded rush)")
    if args.url and not args.token:
        parser.error("--url needs --token (lo-network create-token EMAIL of an organiser)")
    server = None
    try:
        if args.url:
            base_url, token = args.url.rstrip("/"), args.token
        else:
            server, token = own_app()
            base_url = server.base_url
        pid = server.process.pid if server is not None else None
        return 0 if run(base_url, token, args.registrations, args.capacity, args.workers, pid,
                         args.warm_up)["ok"] else 1
    finally:
        if server is not None:
            server.stop()
            import shutil
            shutil.rmtree(server.data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
