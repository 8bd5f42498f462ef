"""The import planner: what a file's records do to the network, batch by batch, decided
without I/O (no graph, no SQL, no threads, no clock).

In: the file's rows and its column mapping (:func:`read_records`: each row validated once,
the rows that are one record merged), the match keys of the existing records
(:class:`Existing`, plain data) and, per batch, the current records its rows matched.
Out: a :class:`BatchPlan` per batch: the organisations, people, employments and
attendance registrations to write, the counts, the row errors and the audit entries.

A batch's plan is a generator (:meth:`Planner.plan`): it yields a :class:`Read` when it needs
current records (the records its rows matched; an attendance's registrations) and goes
on with the answer, a dict by id or key; :func:`drive` answers the reads with a function.
The service answers them from the graph, a test from plain dicts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Generator, Iterable

from lo_network.domain import activities as activity_domain
from lo_network.domain import imports as domain
from lo_network.domain import registrations as registration_domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import fold, search_key
from lo_network.messages import msg

MAX_KVK_MATCHES_SHOWN = 100   # rows named in the report as matched to a record by its KvK number


# ---------------------------------------------------------------- what comes out
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

    def add(self, plan: "BatchPlan") -> None:
        """A batch's counts, errors and KvK matches (the first MAX_KVK_MATCHES_SHOWN)."""
        self.counts.update(plan.counts)
        self.errors += plan.errors
        self.kvk_matches += plan.kvk_matches[:MAX_KVK_MATCHES_SHOWN - len(self.kvk_matches)]

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

    def written_ids(self) -> set[str]:
        """The organisations and people this batch writes (a later read of one waits for it)."""
        return {r["id"] for r in self.organisations} | {r["id"] for r in self.people}

    def writes(self) -> bool:
        return bool(self.organisations or self.people or self.employments or self.attendances)

    def row_errors(self, lines: list[int], f: str, column: str, reason: str) -> None:
        self.errors += [domain.RowError(line, f, column, reason) for line in lines]

    def write(self, entity: str, record_id: str, props: dict, current: dict | None = None,
              count: str = "") -> None:
        """Write ``props`` as organisation or person ``record_id``: a create when ``current``
        (the record as it is) is None, else an update; audited, and counted under ``count``."""
        (self.organisations if entity == "organisation" else self.people).append({"id": record_id, "props": props})
        self.audit.append(("create", entity, record_id, None, _audited(props)) if current is None else
                          ("update", entity, record_id, _before(current, props), _audited(props)))
        if count:
            self.counts[count] += 1


def _audited(props: dict) -> dict:
    """What an import's audit entry keeps of a record: its fields, not the derived keys."""
    return {k: v for k, v in props.items() if not k.endswith("_key") and k not in ("dedupe_name", "website_domain")}


def _before(record: dict, props: dict) -> dict:
    return {k: record.get(k) for k in _audited(props)}


# ---------------------------------------------------------------- what goes in
@dataclass
class FileRecords:
    """A file's records: every row validated once, the rows that are one record merged
    (in the order of the file), and the rows that failed (line, field, column, reason)."""

    kind: str
    rows: int                       # rows in the file (the rows themselves are not kept: memory)
    groups: list[domain.Group]
    errors: list[domain.RowError]
    column_of: dict[str, str]       # field -> the file's column

    def report(self) -> Report:
        return Report(rows=self.rows, valid_rows=sum(len(g.lines) for g in self.groups), records=len(self.groups),
                      merged_rows=sum(len(g.merged) for g in self.groups), errors=list(self.errors), kind=self.kind)


def read_records(table: domain.Table, mapping: dict[str, str], kind: str) -> FileRecords:
    domain.check_mapping(mapping, kind)
    errors: list[domain.RowError] = []
    groups = domain.group_rows(domain.iter_rows(table, mapping, kind, errors), kind)
    return FileRecords(kind, len(table.rows), groups, errors, {f: c for c, f in mapping.items() if f})


@dataclass
class Existing:
    """The match keys of the network's records, as the store reads them: organisations
    {id, kvk, website, name}; people {id, email_key, name_key, organisation_ids};
    activities (attendances only) as stored, with id, title, starts_at and ends_at."""

    organisations: Iterable[dict] = ()
    people: Iterable[dict] = ()
    activities: Iterable[dict] = ()


@dataclass(frozen=True)
class Read:
    """Current records a plan needs: ``what`` ("organisations", "people" by id;
    "registrations" by who-key) for ``keys``. ``settles``: the ids whose pending writes
    must be committed before the read (None: every pending write)."""

    what: str
    keys: list[str]
    settles: list[str] | None = None


Steps = Generator[Read, dict, BatchPlan]


def drive(steps: Steps, answer: Callable[[Read], dict]) -> BatchPlan:
    """A batch's plan, each read it asks answered by ``answer``."""
    try:
        read = next(steps)
        while True:
            read = steps.send(answer(read))
    except StopIteration as end:
        return end.value


# ---------------------------------------------------------------- the planner
class Planner:
    """A file's records against the network, batch by batch, in order. It remembers what
    the batches before decided (new organisations and people, employments, registrations),
    so a later batch builds on them before they are written."""

    def __init__(self, records: FileRecords, existing: Existing, batch: int):
        self.kind = records.kind
        self.records = records
        self.groups = records.groups
        self.batch = batch
        self.org_index = domain.KeyIndex(("kvk", "website", "name"))
        for r in existing.organisations:
            keys = domain.organisation_keys({"kvk": r["kvk"] or "", "website": r["website"] or "", "name": r["name"] or ""})
            self.org_index.add(r["id"], keys, r["kvk"] or "")
        # attendances: the activities by id and by (folded title, day), the people this
        # import writes (their props as they will be), the registrations it decided
        self.activities: dict[str, dict] = {}
        self.activity_days: dict[tuple[str, str], list[str]] = {}
        self.written_people: dict[str, dict] = {}
        self.decided_registrations: set[str] = set()
        if self.kind == "attendances":
            self._know_activities(existing.activities)
        self.person_index = domain.KeyIndex(("email", "name"))
        self.employers: dict[str, set[str]] = {}
        if self.kind in ("people", "attendances"):
            for r in existing.people:
                employers = set(r["organisation_ids"] or [])
                keys = [("email", r["email_key"])] if r["email_key"] else []
                keys += [("name", f"{r['name_key']}|{oid}") for oid in sorted(employers) or [""]]
                self.person_index.add(r["id"], keys)
                self.employers[r["id"]] = employers

    @property
    def batches(self) -> int:
        return -(-len(self.groups) // self.batch)

    def plan(self, index: int, now: datetime) -> Steps:
        """What batch ``index`` writes, decided on the current records it reads (``now``:
        an attendance is for an activity that has ended by then)."""
        groups = self.groups[index * self.batch:(index + 1) * self.batch]
        if self.kind == "organisations":
            return self._organisations(groups)
        return self._people(groups, now)

    def _errors(self, plan: BatchPlan, group: domain.Group, exc: ValidationError) -> None:
        plan.errors += [domain.RowError(line, f, self.records.column_of.get(f, ""), reason)
                        for line in group.lines for f, reason in exc.errors.items()]

    def _props(self, plan: BatchPlan, group: domain.Group, record: dict | None) -> dict | None:
        """The record as the import leaves it: the row's own validated record for a new
        record of one row (validated when the file was read), else the group's fields merged
        over the current record and validated; None (with the errors) when that fails."""
        if record is None and group.record is not None:
            return group.record
        try:
            return domain.merged_record(record, group.changes, self.kind)
        except ValidationError as exc:
            self._errors(plan, group, exc)
            return None

    # ------------------------------------------------------------ organisations
    def _organisations(self, groups: list[domain.Group]) -> Steps:
        plan = BatchPlan()
        hits = [self.org_index.find(g.keys, g.props.get("kvk", "")) for g in groups]
        found = sorted({h[0] for h in hits if h})
        current = (yield Read("organisations", found, found)) if found else {}
        for group, hit in zip(groups, hits):
            record = current.get(hit[0]) if hit else None
            props = self._props(plan, group, record)
            if props is None:
                continue
            if record is None:
                new_id = domain.stable_id("organisation", *group.keys[0])
                plan.write("organisation", new_id, props, count="create")
                self.org_index.add(new_id, group.keys, props.get("kvk", ""))
                continue
            plan.counts[f"matched_{hit[1]}"] += 1
            if hit[1] == "kvk":  # the report names the record the row's KvK number led to
                plan.kvk_matches.append({"lines": group.lines[:5], "id": record["id"], "name": record.get("name") or ""})
            if domain.changed(record, props, "organisations"):
                plan.write("organisation", record["id"], props, record, "update")
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
            plan.row_errors(group.lines, "organisation_kvk", self.records.column_of.get("organisation_kvk", ""),
                            msg("import.kvk.unknown_no_name"))
            return None
        new_id = domain.stable_id("organisation", *keys[0])
        props = domain.merged_record(None, {"name": org["name"], "kvk": org["kvk"]}, "organisations")
        plan.write("organisation", new_id, props, count="organisations_create")
        self.org_index.add(new_id, keys, org["kvk"])
        return new_id

    # ------------------------------------------------------------ people (and attendances)
    def _people(self, groups: list[domain.Group], now: datetime) -> Steps:
        """People, or attendances: each group's person (with their employer) matched, then
        decided on the current records; for attendances also the activity, which must be
        over, and the person's registration for it."""
        attendances = self.kind == "attendances"
        plan = BatchPlan()
        matched = []
        for group in groups:
            activity = self._activity_of(group, plan, now) if attendances else None
            if attendances and activity is None:
                continue
            try:
                employer = self._employer(group, plan)
            except ValidationError as exc:
                self._errors(plan, group, exc)
                continue
            if employer is None:
                continue
            keys = domain.person_keys(group.props, employer)
            matched.append((group, activity, employer, keys, self.person_index.find(keys)))
        if attendances:   # people this import writes are known as written; every write settles first
            found = sorted({m[4][0] for m in matched if m[4] and m[4][0] not in self.written_people})
            current = (yield Read("people", found, None)) if found else {}
        else:
            found = sorted({m[4][0] for m in matched if m[4]})
            current = (yield Read("people", found, found)) if found else {}
        registered = []
        who_keys: list[str] = []
        for group, activity, employer, keys, hit in matched:
            record = (self.written_people.get(hit[0]) or current.get(hit[0])) if hit else None
            props = self._props(plan, group, record)
            if props is None:
                continue
            new_count = "people_create" if attendances else "create"
            person_id, written = self._person(plan, keys, hit, record, props, new_count)
            linked = self._link_employer(plan, person_id, employer, props)
            if not attendances:
                if record is not None:
                    plan.counts["update" if (written or linked) else "unchanged"] += 1
                continue
            if written:
                self.written_people[person_id] = dict(props, id=person_id)
            registered.append((group, activity, employer, person_id, props))
            who_keys.append(registration_domain.who_key(activity["id"], person_id, "", ""))
            if props.get("email_key"):
                who_keys.append(registration_domain.who_key(activity["id"], None, props["email_key"], ""))
        if not attendances:
            return plan
        existing = (yield Read("registrations", who_keys, None)) if who_keys else {}
        for group, activity, employer, person_id, props in registered:
            self._registration(plan, group, activity, employer, person_id, props, existing)
        return plan

    def _person(self, plan: BatchPlan, keys: list[tuple[str, str]], hit: tuple[str, str] | None,
                record: dict | None, props: dict, count: str) -> tuple[str, bool]:
        """(person id, whether the person is written): a new person gets the id derived
        from its match keys, is counted under ``count`` and known to the rest of this
        import; a matched one is counted by the rule that matched and written when a field
        changes."""
        if record is None:
            person_id = domain.stable_id("person", *keys[0])
            plan.write("person", person_id, props, count=count)
            self.person_index.add(person_id, keys)
            self.employers[person_id] = set()
            return person_id, True
        person_id = record["id"]
        plan.counts[f"matched_{hit[1]}"] += 1
        if not domain.changed(record, props, "people"):
            return person_id, False
        plan.write("person", person_id, props, record)
        return person_id, True

    def _link_employer(self, plan: BatchPlan, person_id: str, employer: str | None, props: dict) -> bool:
        """The employment of ``person_id`` at ``employer`` when the network and this import
        do not have it yet (planned, counted, audited); whether one was added."""
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

    # ------------------------------------------------------------ attendances
    def _know_activities(self, activities: Iterable[dict]) -> None:
        """Every activity once: by id, and by (folded title, each local day it runs)."""
        for a in activities:
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

    def _activity_of(self, group: domain.Group, plan: BatchPlan, now: datetime) -> dict | None:
        """The group's activity, which must be over; None (with an error naming the field) otherwise."""
        ref = group.activity or {}
        f = "activity_id" if ref.get("id") else "activity"
        reason = ""
        activity = None
        if ref.get("id"):
            activity = self.activities.get(ref["id"])
            if activity is None:
                reason = msg("import.activity.unknown")
        else:
            ids = self.activity_days.get((ref.get("title_key", ""), ref.get("date", "")), [])
            if not ids:
                reason = msg("import.activity.none_on_date")
            elif len(ids) > 1:
                reason = msg("import.activity.several_on_date")
            else:
                activity = self.activities[ids[0]]
        if activity is not None and not activity_domain.ended(activity, now):
            reason = msg("import.activity.not_over")
            activity = None
        if activity is None:
            plan.row_errors(group.lines, f, self.records.column_of.get(f, ""), reason)
        return activity

    def _registration(self, plan: BatchPlan, group: domain.Group, activity: dict, employer: str,
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
