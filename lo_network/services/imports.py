"""Import use cases: upload a file as a job, check it (dry run), import it in batches in the
background, resume it, download the failed rows. Shared by the page, the CLI and the tests.

How a file becomes graph records:

1. ``domain.imports`` reads the file, maps the columns, validates each row with the
   forms' own validation and merges rows of the file that are the same record.
2. :class:`Importer` reads the match keys of the existing records once, then walks the
   records in batches of :data:`BATCH`: for each batch it reads the current records the
   rows matched and decides create / update / unchanged (and the rule that matched).
3. A dry run only counts. An import writes each batch with one transaction (UNWIND + MERGE
   on the record's id: an existing id, or one derived from the match key), then records the
   batch as done in the job. A crash mid-batch leaves nothing of that batch; a re-run
   decides again against the graph and reaches the same end state (rows already written
   are now "unchanged").
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterable

from lo_network.accounts.service import Actor
from lo_network.domain import activities as activity_domain
from lo_network.domain import imports as domain
from lo_network.domain import registrations as registration_domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.domain.text import fold, search_key
from lo_network.imports.models import ImportJob
from lo_network.services import import_jobs as jobs
# the job's life cycle, used through this module by the page, the API, the CLI and the tests
from lo_network.services.import_jobs import (  # noqa: F401
    MAX_ERRORS_SHOWN, PREVIEW_TEXT, Preview, _load, create_job, create_job_async, errors_of, failed_rows,
    get_job, latest_job, preview, set_mapping, shorten, status_of, wait,
)
from lo_network.store import driver
from lo_network.store import imports as store
from lo_network.store.driver import GraphUnavailable

log = logging.getLogger("lo_network.imports")

BATCH = 500
MAX_KVK_MATCHES_SHOWN = 100   # rows named in the report as matched to a record by its KvK number


# ---------------------------------------------------------------- the engine
@dataclass
class Report:
    rows: int = 0
    valid_rows: int = 0
    failed_rows: int = 0
    records: int = 0
    merged_rows: int = 0
    counts: Counter = field(default_factory=Counter)   # create, update, unchanged, matched_<rule>, ...
    errors: list[domain.RowError] = field(default_factory=list)
    kind: str = ""
    # rows whose KvK number an organisation in the network holds: they update that record
    kvk_matches: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        failed = len({e.line for e in self.errors})
        extra = {"people_create": self.counts["people_create"]} if self.kind == "attendances" else {}
        if self.kind == "organisations":
            extra = {"kvk_matches": self.kvk_matches[:MAX_KVK_MATCHES_SHOWN]}
        return extra | {
            "rows": self.rows, "valid_rows": self.rows - failed, "failed_rows": failed,
            "records": self.records, "merged_rows": self.merged_rows,
            "create": self.counts["create"], "update": self.counts["update"],
            "unchanged": self.counts["unchanged"],
            "matched": {k.removeprefix("matched_"): v for k, v in sorted(self.counts.items()) if k.startswith("matched_")},
            "organisations_create": self.counts["organisations_create"],
            "links_create": self.counts["links_create"],
        }


@dataclass
class BatchPlan:
    organisations: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    employments: list[dict] = field(default_factory=list)
    attendances: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    errors: list[domain.RowError] = field(default_factory=list)
    # one audit entry per record written: (action, entity, id, before, after)
    audit: list[tuple] = field(default_factory=list)
    kvk_matches: list[dict] = field(default_factory=list)   # {lines, id, name}: matched by KvK number


def _audited(props: dict) -> dict:
    """What an import's audit entry keeps of a record: its fields, not the derived keys."""
    return {k: v for k, v in props.items() if not k.endswith("_key") and k not in ("dedupe_name", "website_domain")}


def _before(record: dict, props: dict) -> dict:
    return {k: record.get(k) for k in _audited(props)}


class Importer:
    """One file's records against the graph, batch by batch."""

    def __init__(self, kind: str, table: domain.Table, mapping: dict[str, str], batch: int | None = None):
        domain.check_mapping(mapping, kind)
        self.kind = kind
        self.total_rows = len(table.rows)   # the rows themselves are not kept (memory)
        self.batch = batch or BATCH
        self.row_errors: list[domain.RowError] = []
        self.groups = domain.group_rows(domain.iter_rows(table, mapping, kind, self.row_errors), kind)
        self.valid_rows = sum(len(g.lines) for g in self.groups)
        self.column_of = {f: c for c, f in mapping.items() if f}
        self.org_index: domain.KeyIndex | None = None
        self.person_index: domain.KeyIndex | None = None
        self.employers: dict[str, set[str]] = {}
        self.new_organisations: set[str] = set()
        # attendances: the activities by id and by (folded title, day), the people this
        # import writes (their props as they will be), the registrations it decided
        self.activities: dict[str, dict] = {}
        self.activity_days: dict[tuple[str, str], list[str]] = {}
        self.written_people: dict[str, dict] = {}
        self.decided_registrations: set[str] = set()
        # the batch being written while the next is planned: (index, plan, future, its record ids)
        self._in_flight: tuple[int, BatchPlan, Future, set[str]] | None = None

    @property
    def batches(self) -> int:
        return -(-len(self.groups) // self.batch)

    def load_keys(self) -> None:
        """The match keys of every existing organisation (and person): one read each."""
        self.org_index = domain.KeyIndex(("kvk", "website", "name"))
        for r in driver.read(store.organisation_keys):
            keys = domain.organisation_keys({"kvk": r["kvk"] or "", "website": r["website"] or "", "name": r["name"] or ""})
            self.org_index.add(r["id"], keys, r["kvk"] or "")
        if self.kind == "attendances":
            self._load_activities()
        if self.kind in ("people", "attendances"):
            self.person_index = domain.KeyIndex(("email", "name"))
            for r in driver.read(store.person_keys):
                employers = set(r["organisation_ids"] or [])
                keys = [("email", r["email_key"])] if r["email_key"] else []
                keys += [("name", f"{r['name_key']}|{oid}") for oid in sorted(employers) or [""]]
                self.person_index.add(r["id"], keys)
                self.employers[r["id"]] = employers

    def _group_errors(self, group: domain.Group, exc: ValidationError) -> list[domain.RowError]:
        return [domain.RowError(line, f, self.column_of.get(f, ""), reason)
                for line in group.lines for f, reason in exc.errors.items()]

    def plan(self, index: int) -> BatchPlan:
        """What batch ``index`` would write, decided against the graph as it is now."""
        if self.org_index is None:
            self.load_keys()
        groups = self.groups[index * self.batch:(index + 1) * self.batch]
        if self.kind == "attendances":
            self._settle()  # it reads registrations and people a batch may have written
            return self._plan_attendances(groups)
        return self._plan_organisations(groups) if self.kind == "organisations" else self._plan_people(groups)

    # ------------------------------------------------------------ attendances
    def _load_activities(self) -> None:
        """Every activity once: by id, and by (folded title, each local day it runs)."""
        for a in driver.read(store.activity_keys):
            self.activities[a["id"]] = a
            start = activity_domain.to_local(a.get("starts_at"))
            end = activity_domain.to_local(a.get("ends_at")) or start
            if start is None:
                continue
            day, last = start.date(), max(start.date(), end.date())
            for _ in range(400):   # a multi-day activity is found on each of its days
                self.activity_days.setdefault((fold(a.get("title") or ""), day.isoformat()), []).append(a["id"])
                if day >= last:
                    break
                day += timedelta(days=1)

    def _activity_of(self, group: domain.Group, plan: BatchPlan) -> dict | None:
        """The group's activity, which must be over; None (with an error naming the field) otherwise."""
        ref = group.activity or {}
        f = "activity_id" if ref.get("id") else "activity"
        reason = ""
        activity = None
        if ref.get("id"):
            activity = self.activities.get(ref["id"])
            if activity is None:
                reason = "onbekende activiteit / unknown activity"
        else:
            ids = self.activity_days.get((ref.get("title_key", ""), ref.get("date", "")), [])
            if not ids:
                reason = "geen activiteit met deze naam op deze datum / no activity of this title on this date"
            elif len(ids) > 1:
                reason = ("meer dan één activiteit met deze naam op deze datum: gebruik de id / "
                          "more than one activity of this title on this date: use its id")
            else:
                activity = self.activities[ids[0]]
        if activity is not None and not activity_domain.ended(activity, datetime.now(timezone.utc)):
            reason = ("deze activiteit is nog niet voorbij: aanwezigheid alleen voor een voorbije activiteit / "
                      "this activity has not ended yet: attendances are for past activities")
            activity = None
        if activity is None:
            plan.errors += [domain.RowError(line, f, self.column_of.get(f, ""), reason) for line in group.lines]
        return activity

    def _plan_attendances(self, groups: list[domain.Group]) -> BatchPlan:
        plan = BatchPlan()
        decided = []
        for group in groups:
            activity = self._activity_of(group, plan)
            if activity is None:
                continue
            try:
                employer = self._employer(group, plan)
            except ValidationError as exc:
                plan.errors += self._group_errors(group, exc)
                continue
            if employer is None:
                continue
            keys = domain.person_keys(group.props, employer)
            decided.append((group, activity, employer, keys, self.person_index.find(keys)))
        current = driver.read(store.people_by_ids, sorted({d[4][0] for d in decided
                                                            if d[4] and d[4][0] not in self.written_people}))
        people = []
        for group, activity, employer, keys, hit in decided:
            record = (self.written_people.get(hit[0]) or current.get(hit[0])) if hit else None
            try:
                props = domain.merged_record(record, group.changes, "attendances")
            except ValidationError as exc:
                plan.errors += self._group_errors(group, exc)
                continue
            if record is None:
                person_id = self._new_person(plan, keys, props, "people_create")
                self.written_people[person_id] = dict(props, id=person_id)
            else:
                person_id = record["id"]
                plan.counts[f"matched_{hit[1]}"] += 1
                if domain.changed(record, props, "people"):
                    plan.people.append({"id": person_id, "props": props})
                    plan.audit.append(("update", "person", person_id, _before(record, props), _audited(props)))
                    self.written_people[person_id] = dict(props, id=person_id)
            self._link_employer(plan, person_id, employer, props)
            people.append((group, activity, employer, person_id, props))
        keys = []
        for _group, activity, _employer, person_id, props in people:
            keys.append(registration_domain.who_key(activity["id"], person_id, "", ""))
            if props.get("email_key"):
                keys.append(registration_domain.who_key(activity["id"], None, props["email_key"], ""))
        existing = driver.read(store.registrations_by_keys, keys) if keys else {}
        for group, activity, employer, person_id, props in people:
            self._plan_registration(plan, group, activity, employer, person_id, props, existing)
        return plan

    def _plan_registration(self, plan: BatchPlan, group: domain.Group, activity: dict, employer: str,
                           person_id: str, props: dict, existing: dict[str, dict]) -> None:
        """Create or update the person's registration for the activity (as the registration
        service keys it: one per person per activity), marked imported, no seat, no email."""
        by_person = registration_domain.who_key(activity["id"], person_id, "", "")
        by_email = (registration_domain.who_key(activity["id"], None, props["email_key"], "")
                    if props.get("email_key") else "")
        registration = existing.get(by_person) or (existing.get(by_email) if by_email else None)
        attendance = group.activity.get("attendance") or "present"
        done = registration["id"] if registration else domain.stable_id("registration", by_person)
        if done in self.decided_registrations:   # another row of the file, the same person and activity
            plan.counts["unchanged"] += 1
            return
        self.decided_registrations.add(done)
        row = {"id": done, "activity_id": activity["id"], "person_id": person_id,
               "organisation_id": employer or None, "attendance": attendance}
        if registration is None:
            organisation_name = (group.organisation or {}).get("name", "")
            row["status"] = "registered"
            row["create"] = {
                "name": props.get("name", ""), "email": props.get("email", ""),
                "email_key": props.get("email_key", ""), "organisation_name": organisation_name,
                "organisation_key": fold(organisation_name), "organisation_proposed": False, "remarks": "",
                "search_key": search_key(props.get("name", ""), props.get("email", ""), organisation_name),
                "consent": False, "consent_purpose": "", "who_key": by_person, "via": "import",
                "walk_in": False, "token_hash": "",
            }
            plan.attendances.append(row)
            plan.counts["create"] += 1
            plan.audit.append(("create", "registration", done, None, {
                "activity_id": activity["id"], "person_id": person_id, "name": props.get("name", ""),
                "status": "registered", "attendance": attendance}))
            return
        status = registration.get("status") or ""
        if status not in ("registered", "walk_in"):
            if attendance == "no_show":   # cancelled or waiting: not expected, so not a no-show
                plan.counts["unchanged"] += 1
                return
            status = "registered"
        if status == registration.get("status") and attendance == (registration.get("attendance") or ""):
            plan.counts["unchanged"] += 1
            return
        row["status"] = status
        row["create"] = {}
        plan.attendances.append(row)
        plan.counts["update"] += 1
        plan.audit.append(("update", "registration", done,
                           {"activity_id": activity["id"], "status": registration.get("status") or "",
                            "attendance": registration.get("attendance") or ""},
                           {"activity_id": activity["id"], "status": status, "attendance": attendance}))

    def _plan_organisations(self, groups: list[domain.Group]) -> BatchPlan:
        plan = BatchPlan()
        hits = [self.org_index.find(g.keys, g.props.get("kvk", "")) for g in groups]
        found = sorted({h[0] for h in hits if h})
        self._settle(found)
        current = driver.read(store.organisations_by_ids, found)
        for group, hit in zip(groups, hits):
            record = current.get(hit[0]) if hit else None
            try:
                props = domain.merged_record(record, group.changes, "organisations")
            except ValidationError as exc:
                plan.errors += self._group_errors(group, exc)
                continue
            if record is None:
                new_id = domain.stable_id("organisation", *group.keys[0])
                plan.organisations.append({"id": new_id, "props": props})
                plan.counts["create"] += 1
                plan.audit.append(("create", "organisation", new_id, None, _audited(props)))
                self.org_index.add(new_id, group.keys, props.get("kvk", ""))
                continue
            plan.counts[f"matched_{hit[1]}"] += 1
            if hit[1] == "kvk":  # the report names the record the row's KvK number led to
                plan.kvk_matches.append({"lines": group.lines[:5], "id": record["id"], "name": record.get("name") or ""})
            if domain.changed(record, props, "organisations"):
                plan.organisations.append({"id": record["id"], "props": props})
                plan.counts["update"] += 1
                plan.audit.append(("update", "organisation", record["id"], _before(record, props), _audited(props)))
            else:
                plan.counts["unchanged"] += 1
        return plan

    def _employer(self, group: domain.Group, plan: BatchPlan) -> str | None:
        """The id of the group's organisation: an existing one, or a new one made in this batch.
        '' when the row names none; None (with an error) when it cannot be made."""
        org = group.organisation
        if not org:
            return ""
        keys = ([("kvk", org["kvk"])] if org["kvk"] else []) + ([("name", org["name_key"])] if org["name_key"] else [])
        hit = self.org_index.find(keys, org["kvk"])
        if hit:
            return hit[0]
        if not org["name"]:
            plan.errors += [domain.RowError(line, "organisation_kvk", self.column_of.get("organisation_kvk", ""),
                                            "onbekend KvK-nummer en geen organisatienaam / "
                                            "unknown KvK number and no organisation name")
                            for line in group.lines]
            return None
        new_id = domain.stable_id("organisation", *keys[0])
        plan.organisations.append({"id": new_id, "props": self._new_org_props(org)})
        plan.counts["organisations_create"] += 1
        plan.audit.append(("create", "organisation", new_id, None, _audited(plan.organisations[-1]["props"])))
        self.org_index.add(new_id, keys, org["kvk"])
        self.new_organisations.add(new_id)
        return new_id

    @staticmethod
    def _new_org_props(org: dict) -> dict:
        return domain.merged_record(None, {"name": org["name"], "kvk": org["kvk"]}, "organisations")

    def _plan_people(self, groups: list[domain.Group]) -> BatchPlan:
        plan = BatchPlan()
        decided = []
        for group in groups:
            try:
                employer = self._employer(group, plan)
            except ValidationError as exc:
                plan.errors += self._group_errors(group, exc)
                continue
            if employer is None:
                continue
            keys = domain.person_keys(group.props, employer)
            decided.append((group, employer, keys, self.person_index.find(keys)))
        found = sorted({d[3][0] for d in decided if d[3]})
        self._settle(found)
        current = driver.read(store.people_by_ids, found)
        for group, employer, keys, hit in decided:
            record = current.get(hit[0]) if hit else None
            try:
                props = domain.merged_record(record, group.changes, "people")
            except ValidationError as exc:
                plan.errors += self._group_errors(group, exc)
                continue
            if record is None:
                person_id = self._new_person(plan, keys, props, "create")
                fields_changed = True
            else:
                person_id = record["id"]
                plan.counts[f"matched_{hit[1]}"] += 1
                fields_changed = domain.changed(record, props, "people")
                if fields_changed:
                    plan.people.append({"id": person_id, "props": props})
                    plan.audit.append(("update", "person", person_id, _before(record, props), _audited(props)))
            new_link = self._link_employer(plan, person_id, employer, props)
            if record is not None:
                plan.counts["update" if (fields_changed or new_link) else "unchanged"] += 1
        return plan

    def _new_person(self, plan, keys, props: dict, count: str) -> str:
        """A person the file adds: planned with its id derived from its match keys, counted
        under ``count``, audited, and known to the rest of this import."""
        person_id = domain.stable_id("person", *keys[0])
        plan.people.append({"id": person_id, "props": props})
        plan.counts[count] += 1
        plan.audit.append(("create", "person", person_id, None, _audited(props)))
        self.person_index.add(person_id, keys)
        self.employers[person_id] = set()
        return person_id

    def _link_employer(self, plan, person_id: str, employer: str | None, props: dict) -> bool:
        """The employment of ``person_id`` at ``employer`` when the graph and this import do
        not have it yet (planned, counted, audited); whether one was added."""
        if not employer or employer in self.employers.get(person_id, set()):
            return False
        role = props.get("job_title", "")
        plan.employments.append({"id": domain.stable_id("works_at", person_id, employer), "person_id": person_id,
                                 "organisation_id": employer, "role": role, "since": None})
        plan.counts["links_create"] += 1
        plan.audit.append(("create", "employment", plan.employments[-1]["id"], None, {
            "person_id": person_id, "organisation_id": employer, "role": role}))
        self.employers.setdefault(person_id, set()).add(employer)
        return True

    def report(self) -> Report:
        return Report(rows=self.total_rows, valid_rows=self.valid_rows, records=len(self.groups),
                      merged_rows=sum(len(g.merged) for g in self.groups), errors=list(self.row_errors),
                      kind=self.kind)

    def dry_run(self, progress: Callable[[int, int], None] | None = None) -> Report:
        """Decide every batch without writing: the counts an import would reach now."""
        report = self.report()
        for index in range(self.batches):
            plan = self.plan(index)
            report.counts.update(plan.counts)
            report.errors += plan.errors
            report.kvk_matches += plan.kvk_matches[:MAX_KVK_MATCHES_SHOWN - len(report.kvk_matches)]
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
        report = self.report()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-write") as writer:
            for index in range(start, self.batches):
                plan = self.plan(index)
                self._finish(report, after_batch)
                self._in_flight = (index, plan, writer.submit(self._write, plan), _written_ids(plan))
            self._finish(report, after_batch)
        report.errors.sort(key=lambda e: e.line)
        return report

    @staticmethod
    def _write(plan: BatchPlan) -> None:
        if plan.organisations or plan.people or plan.employments or plan.attendances:
            driver.write(store.write_batch, plan.organisations, plan.people, plan.employments, plan.attendances)

    def _settle(self, ids: Iterable[str] | None = None) -> None:
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
        report.counts.update(plan.counts)
        report.errors += plan.errors
        report.kvk_matches += plan.kvk_matches[:MAX_KVK_MATCHES_SHOWN - len(report.kvk_matches)]
        if after_batch:
            after_batch(index, plan)


def _written_ids(plan: BatchPlan) -> set[str]:
    return {r["id"] for r in plan.organisations} | {r["id"] for r in plan.people}


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
    if status not in ("ready", "interrupted", "failed"):
        raise ValidationError({"job": "doe eerst de controle (proefimport) / check the file first (dry run)"})
    if status == "failed" and not job.report.strip("{}"):
        raise ValidationError({"job": "doe eerst de controle (proefimport) / check the file first (dry run)"})
    job = jobs.set_status(job, "running")
    jobs.run_in_background(job_id, execute)
    return job
