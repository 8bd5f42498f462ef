"""Import jobs in SQL, from upload to done: one :class:`ImportJob` row per uploaded file,
its status (uploaded -> analysing -> ready -> running -> done | failed; a running job
without a heartbeat is "interrupted"), its progress, its report and error list, and the
thread that runs it in the background. What a job's run does with the graph is
``services.imports``; this module never touches the graph.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Iterable

from lo_network import settings as settings_mod
from lo_network.domain import imports as domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.sqlstore import imports as job_store
from lo_network.sqlstore.models import ImportJob, utcnow

log = logging.getLogger("lo_network.imports")

STALE_AFTER = timedelta(seconds=30)   # a running job without a heartbeat this long was interrupted
MAX_ERRORS_SHOWN = 200
PREVIEW_TEXT = 200   # characters of a column name, reason or message a page is sent
BUSY = ("running", "analysing", "done")   # a job in one of these cannot be checked or mapped again

_threads: dict[int, threading.Thread] = {}
_threads_lock = threading.Lock()


# ---------------------------------------------------------------- the job row
def _folder(job_id: int) -> Path:
    return settings_mod.get().data_dir / "imports" / str(job_id)


def _safe_name(filename: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename or "bestand").name).strip("._") or "bestand"
    return name[-120:]


def get_job(actor: Actor, job_id: int) -> ImportJob:
    require(actor.role, Permission.EDIT_NETWORK)
    return job_store.load(job_id)


def latest_job(actor: Actor) -> ImportJob | None:
    """The actor's newest job (the page shows it again after a reload)."""
    require(actor.role, Permission.EDIT_NETWORK)
    return job_store.latest_job_of(actor.email)


def idle_jobs() -> list[ImportJob]:
    """Every job no thread is working on now (its files may be rewritten)."""
    return job_store.idle_jobs()


def status_of(job: ImportJob) -> str:
    """The job's status; a running job without a recent heartbeat was interrupted."""
    if job.status in ("running", "analysing"):
        alive = False
        with _threads_lock:
            thread = _threads.get(job.id)
            alive = thread is not None and thread.is_alive()
        updated = job.updated_at if job.updated_at.tzinfo else job.updated_at.replace(tzinfo=utcnow().tzinfo)
        if not alive and utcnow() - updated > STALE_AFTER:
            return "interrupted"
    return job.status


def set_status(job: ImportJob, status: str) -> ImportJob:
    job.status = status
    return job_store.save(job)


def check_idle(job: ImportJob) -> None:
    """Refuse a job that runs or is done (its mapping and its check are settled)."""
    if status_of(job) in BUSY:
        raise ValidationError({"job": msg("import.job.started")})


def file_of(job: ImportJob) -> domain.Table:
    """The job's stored file, read as a table."""
    data = (settings_mod.get().data_dir / job.path).read_bytes()
    return domain.read_table(data, job.filename)


# ---------------------------------------------------------------- upload and mapping
def create_job(actor: Actor, filename: str, data: bytes, kind: str, via: str,
               overrides: dict[str, str] | None = None) -> ImportJob:
    """Keep an uploaded file in the data folder as a new job, with the columns recognised.
    Reads the whole file (CPU-bound): the app calls it in a worker thread (:func:`create_job_async`)."""
    require(actor.role, Permission.EDIT_NETWORK)
    if kind not in domain.KINDS:
        raise ValidationError({"kind": msg("common.choose_from", detail=", ".join(domain.KINDS))})
    table = domain.read_table(data, filename)  # refuses what exceeds the LO_IMPORT_MAX_* limits
    mapping = domain.recognise(table.columns, kind)
    if overrides:
        mapping = domain.mapping_for(table.columns, kind, overrides)
    job = job_store.save(ImportJob(actor=actor.email, via=via, kind=kind, filename=Path(filename).name[:200],
                          columns=json.dumps(table.columns, ensure_ascii=False),
                          mapping=json.dumps(mapping, ensure_ascii=False), total_rows=len(table.rows)))
    folder = _folder(job.id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _safe_name(filename)
    path.write_bytes(data)
    job.path = str(path.relative_to(settings_mod.get().data_dir))
    return job_store.save(job)


async def create_job_async(actor: Actor, filename: str, data: bytes, kind: str, via: str,
                           overrides: dict[str, str] | None = None) -> ImportJob:
    """:func:`create_job` in a worker thread: the event loop (every other user) goes on
    while the file is read."""
    return await asyncio.to_thread(create_job, actor, filename, data, kind, via, overrides)


@dataclass
class Preview:
    """What a page is sent of a job's file: at most LO_IMPORT_MAX_COLUMNS columns, each
    name at most PREVIEW_TEXT characters; ``refused`` says why the file cannot be imported
    when it is wider than the limit (a job stored before the limit existed)."""

    columns: list[str]
    refused: str = ""


def shorten(text: str, most: int = PREVIEW_TEXT) -> str:
    text = str(text or "")
    return text if len(text) <= most else text[:most - 1] + "…"


def preview(job: ImportJob) -> Preview:
    columns = json.loads(job.columns or "[]")
    most = settings_mod.get().import_max_columns
    refused = ""
    if len(columns) > most:
        # the counts as plain digits (2500), as this check has always written them
        too_wide = msg("import.file.too_many_columns_stored", found=len(columns), most=most)
        refused = domain.FileRefused(job.filename, too_wide).errors["file"]
    return Preview([shorten(c) for c in columns[:most]], shorten(refused, 2 * PREVIEW_TEXT))


def set_mapping(actor: Actor, job_id: int, mapping: dict[str, str]) -> ImportJob:
    """The user's mapping of columns to fields (checked; the report is then out of date)."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = job_store.load(job_id)
    check_idle(job)
    columns = json.loads(job.columns)
    clean = {c: (mapping.get(c) or "") for c in columns}
    unknown = sorted({f for f in clean.values() if f and f not in domain.COLUMNS[job.kind]})
    if unknown:
        raise ValidationError({"map": msg("import.map.unknown_field", detail=", ".join(unknown))})
    domain.check_mapping(clean, job.kind)
    job.mapping = json.dumps(clean, ensure_ascii=False)
    job.status = "uploaded"
    job.report = "{}"
    return job_store.save(job)


# ---------------------------------------------------------------- the error list
def errors_path(job: ImportJob) -> Path:
    return _folder(job.id) / "errors.json"


def _write_errors(job: ImportJob, errors: list[domain.RowError]) -> None:
    errors_path(job).write_text(json.dumps([e.__dict__ for e in errors], ensure_ascii=False), encoding="utf-8")


def errors_of(job: ImportJob, limit: int | None = MAX_ERRORS_SHOWN) -> list[domain.RowError]:
    path = errors_path(job)
    if not path.exists():
        return []
    items = json.loads(path.read_text(encoding="utf-8"))
    return [domain.RowError(**e) for e in (items if limit is None else items[:limit])]


def failed_rows(actor: Actor, job_id: int) -> tuple[str, bytes]:
    """(filename, bytes): the failed rows in the file's own format, with line and reason."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = job_store.load(job_id)
    table = file_of(job)
    stem, _, ext = job.filename.rpartition(".")
    name = f"{stem or job.filename}-fouten.{table.format if not ext else ext}"
    return name, domain.failed_rows_file(table, errors_of(job, limit=None))


# ---------------------------------------------------------------- the check (dry run)
def begin_analysis(job_id: int) -> ImportJob:
    job = job_store.load(job_id)
    job.status = "analysing"
    job.error = ""
    return job_store.save(job)


def progress(job: ImportJob, done: int, total: int) -> None:
    """The heartbeat of a job being checked: how many records are decided."""
    job.records_done, job.total_records = done, total
    job_store.save(job)


def analysis_refused(job: ImportJob, error: str) -> ImportJob:
    """The file could not be checked (a mapping or the graph): back to uploaded, saying why."""
    job.status, job.error = "uploaded", error
    return job_store.save(job)


def analysed(job: ImportJob, report: dict[str, Any], errors: list[domain.RowError],
             records: int, batches: int) -> ImportJob:
    _write_errors(job, errors)
    job.report = json.dumps(report)
    job.failed_rows = report["failed_rows"]
    job.total_records = records
    job.batches_total = batches
    job.records_done = 0
    job.status = "ready"
    return job_store.save(job)


# ---------------------------------------------------------------- the import
def begin_import(job: ImportJob, records: int, batches: int) -> ImportJob:
    job.status = "running"
    job.error = ""
    job.batches_total = batches
    job.total_records = records
    return job_store.save(job)


def counts_so_far(job: ImportJob) -> Counter:
    """The counts of the batches a resumed job wrote before."""
    return Counter(json.loads(job.result or "{}").get("counts", {}))


def batch_written(job: ImportJob, index: int, records_done: int, totals: Counter,
                  entries: Iterable[tuple]) -> None:
    """Batch ``index`` is committed: an audit entry per record written (via "import", by the
    job's user, naming the job; the job's own summary entry follows at the end), and the
    job's progress, so a resumed job starts after it."""
    audit.record_many(job.actor, "import", [(action, entity, rid, before, dict(after or {}, import_job=job.id))
                                            for action, entity, rid, before, after in entries])
    job.batches_done = index + 1
    job.records_done = records_done
    job.result = json.dumps({"counts": dict(totals)})
    job_store.save(job)


def import_failed(job: ImportJob, error: str) -> ImportJob:
    job.status, job.error = "failed", error
    return job_store.save(job)


def imported(job: ImportJob, result: dict[str, Any], totals: Counter, errors: list[domain.RowError]) -> ImportJob:
    """The job is done: its result and error list kept, and one audit entry for the whole file."""
    job.result = json.dumps(dict(result, counts=dict(totals)))
    job.failed_rows = result["failed_rows"]
    _write_errors(job, errors)
    job.status = "done"
    job.finished_at = utcnow()
    job = job_store.save(job)
    audit.record(job.actor, job.via, "import", "import_job", str(job.id), None,
                 {"file": job.filename, "kind": job.kind, **{k: result[k] for k in ("create", "update", "unchanged", "failed_rows")}})
    return job


# ---------------------------------------------------------------- the background thread
def run_in_background(job_id: int, work: Callable[[int], Any]) -> None:
    """``work(job_id)`` in a thread of its own (one per job): a job whose work raises is
    marked failed with the reason; a second start of a running job is refused."""
    def target() -> None:
        try:
            work(job_id)
        except Exception as exc:  # noqa: BLE001  (the job shows what went wrong; the worker lives on)
            log.exception("import job %s failed", job_id)
            import_failed(job_store.load(job_id), f"{type(exc).__name__}: {exc}")
        finally:
            with _threads_lock:
                _threads.pop(job_id, None)

    thread = threading.Thread(target=target, name=f"import-job-{job_id}", daemon=True)
    with _threads_lock:
        running = _threads.get(job_id)
        if running is not None and running.is_alive():
            raise ValidationError({"job": msg("import.job.running")})
        _threads[job_id] = thread
    thread.start()


def wait(job_id: int, timeout: float = 600) -> ImportJob:
    """Block until a background job's thread ends (tests, CLI)."""
    with _threads_lock:
        thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
    return job_store.load(job_id)
