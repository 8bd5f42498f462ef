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

import asyncio
import json
import logging
import re
import threading
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from lo_network import settings as settings_mod
from lo_network.domain import activities as activity_domain
from lo_network.domain import imports as domain
from lo_network.domain import registrations as registration_domain
from lo_network.domain.text import fold, search_key
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.sqlstore import imports as job_store
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import ImportJob, utcnow
from lo_network.store import driver
from lo_network.store import imports as store
from lo_network.store.driver import GraphUnavailable

log = logging.getLogger("lo_network.imports")

BATCH = 500
STALE_AFTER = timedelta(seconds=30)   # a running job without a heartbeat this long was interrupted
MAX_ERRORS_SHOWN = 200
MAX_KVK_MATCHES_SHOWN = 100   # rows named in the report as matched to a record by its KvK number
PREVIEW_TEXT = 200   # characters of a column name, reason or message a page is sent

_threads: dict[int, threading.Thread] = {}
_threads_lock = threading.Lock()


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


# ---------------------------------------------------------------- jobs (SQL)
def _folder(job_id: int) -> Path:
    return settings_mod.get().data_dir / "imports" / str(job_id)


def _safe_name(filename: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename or "bestand").name).strip("._") or "bestand"
    return name[-120:]


def _save(job: ImportJob) -> ImportJob:
    with sql.session() as db:
        job.updated_at = utcnow()
        db.add(job)
        db.commit()
        db.refresh(job)
        return job


def _load(job_id: int) -> ImportJob:
    with sql.session() as db:
        job = db.get(ImportJob, job_id)
        if job is None:
            raise NotFound(str(job_id))
        return job


def get_job(actor: Actor, job_id: int) -> ImportJob:
    require(actor.role, Permission.EDIT_NETWORK)
    return _load(job_id)


def latest_job(actor: Actor) -> ImportJob | None:
    """The actor's newest job (the page shows it again after a reload)."""
    require(actor.role, Permission.EDIT_NETWORK)
    return job_store.latest_job_of(actor.email)


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


def create_job(actor: Actor, filename: str, data: bytes, kind: str, via: str,
               overrides: dict[str, str] | None = None) -> ImportJob:
    """Keep an uploaded file in the data folder as a new job, with the columns recognised.
    Reads the whole file (CPU-bound): the app calls it in a worker thread (:func:`create_job_async`)."""
    require(actor.role, Permission.EDIT_NETWORK)
    if kind not in domain.KINDS:
        raise ValidationError({"kind": f"kies uit / choose from {', '.join(domain.KINDS)}"})
    table = domain.read_table(data, filename)  # refuses what exceeds the LO_IMPORT_MAX_* limits
    mapping = domain.recognise(table.columns, kind)
    if overrides:
        mapping = domain.mapping_for(table.columns, kind, overrides)
    job = _save(ImportJob(actor=actor.email, via=via, kind=kind, filename=Path(filename).name[:200],
                          columns=json.dumps(table.columns, ensure_ascii=False),
                          mapping=json.dumps(mapping, ensure_ascii=False), total_rows=len(table.rows)))
    folder = _folder(job.id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _safe_name(filename)
    path.write_bytes(data)
    job.path = str(path.relative_to(settings_mod.get().data_dir))
    return _save(job)


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
        refused = domain.FileRefused(job.filename, f"te veel kolommen: {len(columns)} (max. {most})",
                                     f"too many columns: {len(columns)} (max {most})").errors["file"]
    return Preview([shorten(c) for c in columns[:most]], shorten(refused, 2 * PREVIEW_TEXT))


def set_mapping(actor: Actor, job_id: int, mapping: dict[str, str]) -> ImportJob:
    """The user's mapping of columns to fields (checked; the report is then out of date)."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = _load(job_id)
    if status_of(job) in ("running", "analysing", "done"):
        raise ValidationError({"job": "deze import loopt al of is klaar / this import is running or done"})
    columns = json.loads(job.columns)
    clean = {c: (mapping.get(c) or "") for c in columns}
    unknown = sorted({f for f in clean.values() if f and f not in domain.COLUMNS[job.kind]})
    if unknown:
        raise ValidationError({"map": f"onbekend veld / unknown field: {', '.join(unknown)}"})
    domain.check_mapping(clean, job.kind)
    job.mapping = json.dumps(clean, ensure_ascii=False)
    job.status = "uploaded"
    job.report = "{}"
    return _save(job)


def _importer(job: ImportJob) -> Importer:
    data = (settings_mod.get().data_dir / job.path).read_bytes()
    table = domain.read_table(data, job.filename)
    del data
    return Importer(job.kind, table, json.loads(job.mapping))


def _errors_path(job: ImportJob) -> Path:
    return _folder(job.id) / "errors.json"


def _write_errors(job: ImportJob, errors: list[domain.RowError]) -> None:
    _errors_path(job).write_text(json.dumps([e.__dict__ for e in errors], ensure_ascii=False), encoding="utf-8")


def errors_of(job: ImportJob, limit: int | None = MAX_ERRORS_SHOWN) -> list[domain.RowError]:
    path = _errors_path(job)
    if not path.exists():
        return []
    items = json.loads(path.read_text(encoding="utf-8"))
    return [domain.RowError(**e) for e in (items if limit is None else items[:limit])]


def analyse(job_id: int, progress: Callable[[int, int], None] | None = None) -> ImportJob:
    """The dry run of a job (no permission check: called by start_* and the CLI)."""
    job = _load(job_id)
    job.status = "analysing"
    job.error = ""
    job = _save(job)
    try:
        importer = _importer(job)

        def tick(done: int, total: int) -> None:
            job.records_done, job.total_records = done, total
            _save(job)
            if progress:
                progress(done, total)

        report = importer.dry_run(tick)
    except ValidationError as exc:
        job.status, job.error = "uploaded", "; ".join(f"{k}: {v}" for k, v in exc.errors.items())
        return _save(job)
    except GraphUnavailable as exc:
        job.status, job.error = "uploaded", str(exc)
        return _save(job)
    _write_errors(job, report.errors)
    job.report = json.dumps(report.as_dict())
    job.failed_rows = report.as_dict()["failed_rows"]
    job.total_records = len(importer.groups)
    job.batches_total = importer.batches
    job.records_done = 0
    job.status = "ready"
    return _save(job)


def execute(job_id: int, progress: Callable[[int, int], None] | None = None) -> ImportJob:
    """Import a job's good rows from its first unfinished batch on (resume after a crash)."""
    job = _load(job_id)
    importer = _importer(job)
    job.status = "running"
    job.error = ""
    job.batches_total = importer.batches
    job.total_records = len(importer.groups)
    job = _save(job)
    start = job.batches_done
    totals: Counter = Counter(json.loads(job.result or "{}").get("counts", {}))

    def after_batch(index: int, plan: BatchPlan) -> None:
        # an audit entry per record written (after the batch's commit), via "import", by
        # the job's user, naming the job; the job's own summary entry follows at the end
        audit.record_many(job.actor, "import", [(action, entity, rid, before, dict(after or {}, import_job=job.id))
                                                for action, entity, rid, before, after in plan.audit])
        totals.update(plan.counts)
        job.batches_done = index + 1
        job.records_done = min((index + 1) * importer.batch, len(importer.groups))
        job.result = json.dumps({"counts": dict(totals)})
        _save(job)
        if progress:
            progress(job.records_done, len(importer.groups))

    try:
        report = importer.run(start, after_batch)
    except GraphUnavailable as exc:
        job.status, job.error = "failed", str(exc)
        return _save(job)
    report.counts = totals
    result = report.as_dict()
    job.result = json.dumps(dict(result, counts=dict(totals)))
    job.failed_rows = result["failed_rows"]
    _write_errors(job, report.errors)
    job.status = "done"
    job.finished_at = utcnow()
    job = _save(job)
    audit.record(job.actor, job.via, "import", "import_job", str(job.id), None,
                 {"file": job.filename, "kind": job.kind, **{k: result[k] for k in ("create", "update", "unchanged", "failed_rows")}})
    return job


def _background(job_id: int, work: Callable[[int], Any]) -> None:
    def target() -> None:
        try:
            work(job_id)
        except Exception as exc:  # noqa: BLE001  (the job shows what went wrong; the worker lives on)
            log.exception("import job %s failed", job_id)
            job = _load(job_id)
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
            _save(job)
        finally:
            with _threads_lock:
                _threads.pop(job_id, None)

    thread = threading.Thread(target=target, name=f"import-job-{job_id}", daemon=True)
    with _threads_lock:
        running = _threads.get(job_id)
        if running is not None and running.is_alive():
            raise ValidationError({"job": "deze import loopt al / this import is already running"})
        _threads[job_id] = thread
    thread.start()


def start_analysis(actor: Actor, job_id: int) -> ImportJob:
    """Start the dry run in the background (the page follows the job)."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = _load(job_id)
    if status_of(job) in ("running", "analysing", "done"):
        raise ValidationError({"job": "deze import loopt al of is klaar / this import is running or done"})
    domain.check_mapping(json.loads(job.mapping), job.kind)
    job.status = "analysing"
    job = _save(job)
    _background(job_id, analyse)
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
    job.status = "running"
    job = _save(job)
    _background(job_id, execute)
    return job


def failed_rows(actor: Actor, job_id: int) -> tuple[str, bytes]:
    """(filename, bytes): the failed rows in the file's own format, with line and reason."""
    require(actor.role, Permission.EDIT_NETWORK)
    job = _load(job_id)
    data = (settings_mod.get().data_dir / job.path).read_bytes()
    table = domain.read_table(data, job.filename)
    stem, _, ext = job.filename.rpartition(".")
    name = f"{stem or job.filename}-fouten.{table.format if not ext else ext}"
    return name, domain.failed_rows_file(table, errors_of(job, limit=None))


def wait(job_id: int, timeout: float = 600) -> ImportJob:
    """Block until a background job's thread ends (tests, CLI)."""
    with _threads_lock:
        thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
    return _load(job_id)


# ---------------------------------------------------------------- erasure in stored files
SCRUBBED = "[verwijderd]"


def _scrub_rows(rows: list[list[Any]], identifying: set[str], values: set[str]) -> bool:
    """In each row that names the person (a cell is their email, phone or full name, or
    their first and last name stand in two cells), every cell holding one of their values
    is replaced. True when something changed."""
    changed = False
    for row in rows:
        cells = {str(c).strip().casefold() for c in row if c not in (None, "")}
        if not (cells & identifying or _names_in(cells, identifying)):
            continue
        for i, cell in enumerate(row):
            if cell not in (None, "") and str(cell).strip().casefold() in values:
                row[i] = SCRUBBED
                changed = True
    return changed


def _names_in(cells: set[str], identifying: set[str]) -> bool:
    pairs = [v for v in identifying if v.startswith("\x00")]  # "\0first\0last"
    return any(all(part in cells for part in pair.split("\x00")[1:]) for pair in pairs)


def _scrub_csv(path: Path, identifying: set[str], values: set[str]) -> bool:
    import csv
    import io

    data = path.read_bytes()
    text, encoding = domain.decode(data)
    delimiter = domain.sniff_delimiter(text)
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if not _scrub_rows(rows, identifying, values):
        return False
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if "\r\n" in text else "\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig" if encoding == "utf-8-sig" else encoding, errors="replace"))
    return True


def _scrub_xlsx(path: Path, identifying: set[str], values: set[str]) -> bool:
    from openpyxl import load_workbook

    book = load_workbook(path)
    changed = False
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            row = [c.value for c in cells]
            if _scrub_rows([row], identifying, values):
                for cell, value in zip(cells, row):
                    cell.value = value
                changed = True
    if changed:
        book.save(path)
    return changed


def _scrub_errors(path: Path, identifying: set[str]) -> bool:
    items = json.loads(path.read_text(encoding="utf-8"))
    texts = sorted((v for v in identifying if not v.startswith("\x00")), key=len, reverse=True)
    changed = False
    for item in items:
        reason = str(item.get("reason") or "")
        for text in texts:
            reason = re.sub(re.escape(text), SCRUBBED, reason, flags=re.IGNORECASE)
        if reason != item.get("reason"):
            item["reason"], changed = reason, True
    if changed:
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return changed


def scrub_files(identifying: set[str], values: set[str], first_last: tuple[str, str] = ("", "")) -> int:
    """Erasure: the person's data in the stored copies of uploaded files and in
    their error lists, for every import job not running now; how many files changed.
    ``identifying``: texts that alone name the person (email, phone, full name);
    ``values``: every text of theirs to replace in a row that names them."""
    ident = {v.strip().casefold() for v in identifying if v and len(v.strip()) >= 3}
    if all(first_last):
        ident.add("\x00" + "\x00".join(v.strip().casefold() for v in first_last))
    vals = {v.strip().casefold() for v in values if v and len(v.strip()) >= 2} | {
        v for v in ident if not v.startswith("\x00")}
    if not ident:
        return 0
    data_dir = settings_mod.get().data_dir
    jobs = job_store.idle_jobs()
    changed = 0
    for job in jobs:
        path = data_dir / job.path if job.path else None
        try:
            if path and path.is_file():
                fmt = domain.file_format(job.filename, path.read_bytes()[:4])
                if (_scrub_xlsx if fmt == "xlsx" else _scrub_csv)(path, ident, vals):
                    changed += 1
            errors = _errors_path(job)
            if errors.is_file() and _scrub_errors(errors, ident):
                changed += 1
        except (OSError, ValueError, ValidationError) as exc:  # a broken file stays as it was; say so
            log.warning("import job %s: could not scrub %s: %s", job.id, path, exc)
    return changed
