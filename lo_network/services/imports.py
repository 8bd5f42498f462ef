"""Import use cases: upload a file as a job, check it (dry run), import it in batches in the
background, resume it, download the failed rows. Shared by the page, the CLI and the tests.

How a file becomes graph records:

1. ``domain.imports`` reads the file, maps the columns, validates each row with the
   forms' own validation and merges rows of the file that are the same record.
2. :class:`Importer` reads the match keys of the existing records once and hands them, with
   the file's records, to the planner (``domain.import_plan``), which decides batch by
   batch of :data:`BATCH` create / update / unchanged (and the rule that matched); the
   Importer answers the planner's reads of the current records from the graph.
3. A dry run only counts. An import writes each batch with one transaction (UNWIND + MERGE
   on the record's id: an existing id, or one derived from the match key), then records the
   batch as done in the job. A crash mid-batch leaves nothing of that batch; a re-run
   decides again against the graph and reaches the same end state (rows already written
   are now "unchanged").

The job itself (its SQL row, status, progress, error list, background thread) is
``services.import_jobs``; its public functions are used through this module.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Callable

from lo_network.services.accounts import Actor
from lo_network.domain import imports as domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.import_plan import BatchPlan, Existing, Planner, Read, Report, drive, read_records
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.sqlstore.imports import load as _load
from lo_network.sqlstore.models import ImportJob
from lo_network.services import import_jobs as jobs
# the job's life cycle, used through this module by the page, the API, the CLI and the tests
from lo_network.services.import_jobs import (  # noqa: F401
    MAX_ERRORS_SHOWN, PREVIEW_TEXT, Preview, create_job, create_job_async, errors_of, failed_rows,
    get_job, latest_job, preview, set_mapping, shorten, status_of, wait,
)
from lo_network.store import driver
from lo_network.store import imports as store
from lo_network.store.driver import GraphUnavailable

BATCH = 500

# what each of the planner's reads is in the store
_READS = {"organisations": store.organisations_by_ids, "people": store.people_by_ids,
          "registrations": store.registrations_by_keys}


# ---------------------------------------------------------------- the engine
class Importer:
    """One file's records against the graph, batch by batch."""

    def __init__(self, kind: str, table: domain.Table, mapping: dict[str, str], batch: int | None = None):
        self.kind = kind
        self.records = read_records(table, mapping, kind)   # the rows themselves are not kept (memory)
        self.groups = self.records.groups
        self.batch = batch or BATCH
        self.planner: Planner | None = None
        # the batch being written while the next is planned: (index, plan, future, its record ids)
        self._in_flight: tuple[int, BatchPlan, Future, set[str]] | None = None

    @property
    def batches(self) -> int:
        return -(-len(self.groups) // self.batch)

    def load_keys(self) -> None:
        """The match keys of every existing organisation (and activity, person): one read each."""
        organisations = driver.read(store.organisation_keys)
        activities = driver.read(store.activity_keys) if self.kind == "attendances" else ()
        people = driver.read(store.person_keys) if self.kind in ("people", "attendances") else ()
        self.planner = Planner(self.records, Existing(organisations, people, activities), self.batch)

    def plan(self, index: int) -> BatchPlan:
        """What batch ``index`` would write, decided against the graph as it is now."""
        if self.planner is None:
            self.load_keys()
        return drive(self.planner.plan(index, datetime.now(timezone.utc)), self._read)

    def _read(self, read: Read) -> dict:
        """A read of the planner, once the batch in flight has committed what it asks for."""
        self._settle(read.settles)
        return driver.read(_READS[read.what], read.keys)

    def dry_run(self, progress: Callable[[int, int], None] | None = None) -> Report:
        """Decide every batch without writing: the counts an import would reach now."""
        report = self.records.report()
        for index in range(self.batches):
            report.add(self.plan(index))
            if progress:
                progress(min((index + 1) * self.batch, len(self.groups)), len(self.groups))
        report.errors.sort(key=lambda e: e.line)
        return report

    def run(self, start: int = 0, after_batch: Callable[[int, BatchPlan], None] | None = None) -> Report:
        """Write batch ``start`` onwards, each in one transaction, in order; ``after_batch(index,
        plan)`` runs once the batch is committed (the job records it there).

        The next batch is planned while the graph writes the one before (a writer thread, one
        batch in flight): planning is this process's work, writing the graph server's, so on
        two cores they overlap. A plan that needs a record the batch in flight writes waits
        for its commit first (``_settle``), so it decides on the record as written."""
        report = self.records.report()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-write") as writer:
            for index in range(start, self.batches):
                plan = self.plan(index)
                self._finish(report, after_batch)
                self._in_flight = (index, plan, writer.submit(self._write, plan), plan.written_ids())
            self._finish(report, after_batch)
        report.errors.sort(key=lambda e: e.line)
        return report

    @staticmethod
    def _write(plan: BatchPlan) -> None:
        if plan.writes():
            driver.write(store.write_batch, plan.organisations, plan.people, plan.employments, plan.attendances)

    def _settle(self, ids: list[str] | None) -> None:
        """Wait for the batch in flight to commit when it writes one of ``ids`` (any: None)."""
        if self._in_flight is not None:
            _, _, written, written_ids = self._in_flight
            if ids is None or not written_ids.isdisjoint(ids):
                written.result()

    def _finish(self, report: Report, after_batch: Callable[[int, BatchPlan], None] | None) -> None:
        """The batch in flight, committed: counted, reported, recorded (a failed write raises)."""
        if self._in_flight is None:
            return
        index, plan, written, _ = self._in_flight
        self._in_flight = None
        written.result()
        report.add(plan)
        if after_batch:
            after_batch(index, plan)


# ---------------------------------------------------------------- a job's runs
def _importer(job: ImportJob) -> Importer:
    return Importer(job.kind, jobs.file_of(job), json.loads(job.mapping))


def analyse(job_id: int, progress: Callable[[int, int], None] | None = None) -> ImportJob:
    """The dry run of a job (no permission check: called by start_* and the CLI)."""
    job = jobs.begin_analysis(job_id)
    try:
        importer = _importer(job)

        def tick(done: int, total: int) -> None:
            jobs.progress(job, done, total)
            if progress:
                progress(done, total)

        report = importer.dry_run(tick)
    except ValidationError as exc:
        return jobs.analysis_refused(job, "; ".join(f"{k}: {v}" for k, v in exc.errors.items()))
    except GraphUnavailable as exc:
        return jobs.analysis_refused(job, str(exc))
    return jobs.analysed(job, report.as_dict(), report.errors, len(importer.groups), importer.batches)


def execute(job_id: int, progress: Callable[[int, int], None] | None = None) -> ImportJob:
    """Import a job's good rows from its first unfinished batch on (resume after a crash)."""
    job = _load(job_id)
    importer = _importer(job)
    job = jobs.begin_import(job, len(importer.groups), importer.batches)
    totals = jobs.counts_so_far(job)

    def after_batch(index: int, plan: BatchPlan) -> None:
        totals.update(plan.counts)
        done = min((index + 1) * importer.batch, len(importer.groups))
        jobs.batch_written(job, index, done, totals, plan.audit)
        if progress:
            progress(done, len(importer.groups))

    try:
        report = importer.run(job.batches_done, after_batch)
    except GraphUnavailable as exc:
        return jobs.import_failed(job, str(exc))
    report.counts = totals
    return jobs.imported(job, report.as_dict(), totals, report.errors)


def start_analysis(actor: Actor, job_id: int) -> ImportJob:
    """Start the dry run in the background (the page follows the job)."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = _load(job_id)
    jobs.check_idle(job)
    domain.check_mapping(json.loads(job.mapping), job.kind)
    job = jobs.set_status(job, "analysing")
    jobs.run_in_background(job_id, analyse)
    return job


def start_import(actor: Actor, job_id: int) -> ImportJob:
    """Import the good rows in the background; also resumes an interrupted or failed job."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = _load(job_id)
    status = status_of(job)
    checked = status in ("ready", "interrupted") or (status == "failed" and job.report.strip("{}"))
    if not checked:   # a job that failed in its check has no report to import by
        raise ValidationError({"job": msg("import.job.check_first")})
    job = jobs.set_status(job, "running")
    jobs.run_in_background(job_id, execute)
    return job
