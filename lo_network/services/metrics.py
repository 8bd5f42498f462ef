"""Network measures: computed in the background (igraph on the network read from the graph;
per-node measures cached on the nodes, network-level ones in SQL), with the job's stage and
progress in SQL for the page to follow; the latest measures and the brokers."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta

from lo_network.domain import measures as domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services.accounts import Actor
from lo_network.sqlstore import measures as measures_store
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import MeasuresJob, NetworkMeasures, utcnow
from lo_network.store import driver
from lo_network.store import metrics as store

log = logging.getLogger("lo_network.metrics")

STAGES = ("read", "betweenness", "communities", "write")
# the share of a whole computation each stage takes, so that one progress bar moves evenly
# through the stages (measured at 100,000 organisations: read 25 s, betweenness 1 s,
# communities 9 s, write 19 s; betweenness grows with the links between organisations)
WEIGHTS = {"read": 40, "betweenness": 10, "communities": 15, "write": 35}
STALE_AFTER = timedelta(minutes=2)   # a running job without a heartbeat this long was interrupted
HEARTBEAT = 1.0                      # seconds between progress writes
WRITE_BATCH = 2000                   # nodes per write transaction
ALREADY_RUNNING = {"job": msg("measures.already_running")}

_thread: threading.Thread | None = None
_thread_lock = threading.Lock()


def status_of(job: MeasuresJob) -> str:
    """The job's status; a running job without a recent heartbeat was interrupted (its
    process stopped)."""
    if job.status == "running":
        updated = job.updated_at if job.updated_at.tzinfo else job.updated_at.replace(tzinfo=utcnow().tzinfo)
        if utcnow() - updated > STALE_AFTER:
            return "interrupted"
    return job.status


def percent(job: MeasuresJob) -> int:
    """How far the whole computation is, 0-100, from its stage and the stage's progress."""
    if job.status == "done":
        return 100
    before = sum(WEIGHTS[s] for s in STAGES[:STAGES.index(job.stage)]) if job.stage in STAGES else 0
    share = job.done / job.total if job.total else 0.0
    return min(99, int(before + WEIGHTS.get(job.stage, 0) * share))


def current(actor: Actor) -> MeasuresJob | None:
    """The newest computation, running or ended (the page follows it)."""
    require(actor.role, Permission.VIEW)
    return measures_store.latest_job()


def _begin(actor: Actor, via: str) -> MeasuresJob:
    require(actor.role, Permission.EDIT_NETWORK)
    running = current(actor)
    if running is not None and status_of(running) == "running":
        raise ValidationError(dict(ALREADY_RUNNING))
    return measures_store.save_job(MeasuresJob(actor=actor.email, via=via))


def _run(job: MeasuresJob, on_stage: Callable[[str], None] | None = None) -> NetworkMeasures:
    """Read the network, compute every measure, cache them, and keep the job's stage and
    progress current (``on_stage`` hears each stage as it begins). A failure is kept on the
    job and raised again."""
    started = time.perf_counter()
    last = 0.0
    if on_stage:
        on_stage(job.stage)

    def step(stage: str, done: int, total: int) -> None:
        nonlocal last
        moment = time.perf_counter()
        if stage != job.stage and on_stage:
            on_stage(stage)
        if stage != job.stage or done >= total or moment - last >= HEARTBEAT:
            job.stage, job.done, job.total = stage, done, total
            measures_store.save_job(job)
            last = moment

    try:
        today = date.today().isoformat()
        nodes, ties = driver.read(lambda tx: (store.nodes(tx), store.ties(tx, today)))
        result = domain.compute(nodes, ties, step)
        kinds = {n["id"]: n["kind"] for n in nodes}
        rows = [dict(measures, id=node_id, kind=kinds[node_id]) for node_id, measures in result.per_node.items()]
        step("write", 0, len(rows))
        for i in range(0, len(rows), WRITE_BATCH):
            batch = rows[i:i + WRITE_BATCH]
            # one transaction per batch: the whole network at once would outgrow the graph
            # server's memory for one transaction
            by_kind = {kind: [r for r in batch if r["kind"] == kind] for kind in ("organisation", "person")}
            driver.write(lambda tx, by_kind=by_kind: [store.store_measures(tx, kind, kind_rows)
                                                      for kind, kind_rows in by_kind.items() if kind_rows])
            step("write", i + len(batch), len(rows))
        row = NetworkMeasures(actor=job.actor, seconds=round(time.perf_counter() - started, 3),
                              findings=json.dumps(result.findings, ensure_ascii=False), **result.network)
        sql.save(row)
    except Exception as exc:
        job.status, job.error, job.finished_at = "failed", f"{type(exc).__name__}: {exc}", utcnow()
        measures_store.save_job(job)
        raise
    job.status, job.finished_at, job.measures_id = "done", utcnow(), row.id
    measures_store.save_job(job)
    return row


def recompute(actor: Actor, via: str, on_stage: Callable[[str], None] | None = None) -> NetworkMeasures:
    """Compute every measure now, in the caller's thread (the CLI, a nightly run). Returns
    the network-level row."""
    return _run(_begin(actor, via), on_stage)


def start(actor: Actor, via: str) -> MeasuresJob:
    """Compute every measure in the background; the page follows the job (``current``).
    Refused while a computation runs."""
    global _thread
    with _thread_lock:
        if _thread is not None and _thread.is_alive():
            raise ValidationError(dict(ALREADY_RUNNING))
        job = _begin(actor, via)

        def target() -> None:
            try:
                _run(job)
            except Exception:  # noqa: BLE001  (kept on the job; the worker lives on)
                log.exception("network measures job %s failed", job.id)

        _thread = threading.Thread(target=target, name=f"measures-job-{job.id}", daemon=True)
        _thread.start()
    return job


def wait(timeout: float = 600) -> None:
    """Block until the background computation of this process ends (tests)."""
    with _thread_lock:
        thread = _thread
    if thread is not None:
        thread.join(timeout)


def latest(actor: Actor) -> NetworkMeasures | None:
    require(actor.role, Permission.VIEW)
    return measures_store.latest_measures()


def brokers(actor: Actor, limit: int = 25) -> list[dict]:
    """Organisations and people with the highest betweenness, from the cache (people the
    actor may not see left out: services.consent)."""
    from lo_network.services import consent

    require(actor.role, Permission.VIEW)
    rows = driver.read(store.brokers, limit)
    hidden = consent.hidden(actor, [r["id"] for r in rows if r["kind"] == "person"])
    return [r for r in rows if r["id"] not in hidden]


def of_record(actor: Actor, kind: str, record_id: str) -> dict | None:
    """The cached measures of one organisation or person, or None before the first computation."""
    from lo_network.services import organisations, people

    record = (organisations if kind == "organisation" else people).get(actor, record_id)
    if record.get("metrics_at") is None:
        return None
    return {"degree": record.get("metric_degree") or 0, "betweenness": record.get("metric_betweenness") or 0.0,
            "community": record.get("metric_community"), "at": record["metrics_at"]}
