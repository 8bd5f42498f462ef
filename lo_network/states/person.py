"""One person: view, edit, create (with a first employer), delete; their employment history."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import ClassVar

import reflex as rx

from lo_network.domain import people as domain
from lo_network.domain.dates import dutch
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import organisations as organisation_service
from lo_network.services import people as service
from lo_network.states.form_values import errors_from
from lo_network.states.people import LIST_ROUTE, OrganisationOption, organisation_options
from lo_network.states.record_form import RecordForm, RecordKind
from lo_network.states.session import SessionState, requires

NEW_ROUTE = f"{LIST_ROUTE}/nieuw"
ROUTE_ARG = "person_id"
JOB_FIELDS = ("organisation_id", "organisation_name", "role", "since", "until")
JOB_MODES = ("add", "edit", "end")


@dataclasses.dataclass
class Employment:
    """A WORKS_AT link as the page shows it (dates dd-mm-jjjj)."""

    id: str = ""
    organisation_id: str = ""
    organisation_name: str = ""
    role: str = ""
    since: str = ""
    until: str = ""
    current: bool = True


def _blank() -> dict[str, str]:
    return {f.name: f.default for f in domain.DECLARED}


def _blank_job() -> dict[str, str]:
    return {field: "" for field in JOB_FIELDS}


def form_values(record: dict) -> dict[str, str]:
    """A stored person as the edit form shows it (dates dd-mm-jjjj, tags joined)."""
    values = {field: str(record.get(field) or "") for field in domain.FIELDS}
    values["tags"] = ", ".join(record.get("tags") or [])
    values["consent_date"] = dutch(record.get("consent_date"))
    values["consent_basis"] = record.get("consent_basis") or "none"
    return values


def employments(record: dict, today: date) -> list[Employment]:
    """The person's jobs, current first (the store's order); current: no 'until' in the past."""
    jobs = []
    for job in record.get("employments") or []:
        until = job.get("until")
        jobs.append(Employment(
            id=job.get("id") or "",
            organisation_id=job.get("organisation_id") or "",
            organisation_name=job.get("organisation_name") or "",
            role=job.get("role") or "",
            since=dutch(job.get("since")),
            until=dutch(until),
            current=not until or str(until)[:10] >= today.isoformat(),
        ))
    return sorted(jobs, key=lambda job: not job.current)


def _job_raw(job: dict[str, str]) -> dict[str, str]:
    return {field: job.get(field, "") for field in domain.EMPLOYMENT_FIELDS}


class PersonState(RecordForm, SessionState):
    """The person on screen, the edit form and the employment dialog.

    ``record_id`` is '' on the new page; there ``job`` holds the optional first employment."""

    RECORD: ClassVar[RecordKind] = RecordKind("person", LIST_ROUTE, service)

    name: str = ""
    values: dict[str, str] = _blank()
    created: str = ""
    updated: str = ""
    jobs: list[Employment] = []

    # the employment being added or changed (dialog), or the first one of a new person
    job: dict[str, str] = _blank_job()
    job_id: str = ""
    job_mode: str = "add"
    job_open: bool = False
    job_errors: dict[str, list[str]] = {}
    end_current: bool = False
    organisation_query: str = ""
    organisation_hits: list[OrganisationOption] = []

    @rx.var
    def is_new(self) -> bool:
        return self.record_id == ""

    @rx.var
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.values.get("tags", "").split(",") if t.strip()]

    @rx.var
    def has_current_job(self) -> bool:
        return any(job.current for job in self.jobs)

    def _show(self, record: dict) -> None:
        self.record_id = record["id"]
        self.name = record.get("name") or ""
        self.values = form_values(record)
        self.created = dutch(record.get("created_at"))
        self.updated = dutch(record.get("updated_at"))
        self.jobs = employments(record, date.today())
        self.errors = {}
        self.missing = False
        self.loaded = True

    def _reset_job(self) -> None:
        self.job = _blank_job()
        self.job_id = ""
        self.job_errors = {}
        self.end_current = False
        self.organisation_query = ""
        self.organisation_hits = []

    # ------------------------------------------------------------ loading
    @requires(Permission.VIEW)
    def load(self):
        """on_load of /personen/[person_id]."""
        self.job_open = False
        self._reset_job()
        self._open_record(str(getattr(self, ROUTE_ARG) or ""))

    @requires(Permission.VIEW)
    def load_new(self):
        """on_load of /personen/nieuw[?organisatie=<id>]: an empty form, the employer
        preselected when the link came from an organisation (the save is what needs rights)."""
        self.record_id = ""
        self.name = ""
        self.updated = ""  # no "changed on" line from the record seen before
        self.values = _blank()
        self.errors = {}
        self.jobs = []
        self.missing = False
        self.job_open = False
        self._reset_job()
        organisation_id = str(self.router.url.query_parameters.get("organisatie", ""))[:64]
        if organisation_id:
            try:
                record = organisation_service.get(self.signed_in_actor(), organisation_id)
            except NotFound:
                record = None
            if record is not None:
                self.job["organisation_id"] = organisation_id
                self.job["organisation_name"] = record.get("name") or ""
        self.editing = True
        self.loaded = True

    # ------------------------------------------------------------ the drafts (no store access)
    def set_value(self, field: str, value: str):
        """Keep what the user types; the draft reaches the graph only through save."""
        if field in domain.FIELDS:
            self.values[field] = value
            self.errors.pop(field, None)

    def set_job_value(self, field: str, value: str):
        if field in ("role", "since", "until"):
            self.job[field] = value
            self.job_errors.pop(field, None)
            self.errors.pop(field, None)

    @requires(Permission.VIEW)
    def look_up_organisation(self, text: str):
        """The employer look-up as you type."""
        self.organisation_query = text[:100]
        self.organisation_hits = organisation_options(self.signed_in_actor(), self.organisation_query)

    def pick_organisation(self, organisation_id: str, name: str):
        self.job["organisation_id"] = organisation_id
        self.job["organisation_name"] = name
        self.organisation_query = ""
        self.organisation_hits = []
        self.job_errors.pop("organisation_id", None)
        self.errors.pop("organisation_id", None)

    def clear_organisation(self):
        self.job["organisation_id"] = self.job["organisation_name"] = ""

    def open_job(self, mode: str, job_id: str):
        """Open the employment dialog: 'add' a job, 'change' employer (add a job and end the
        current ones), 'edit' one job, or 'end' one job (its 'until' set to today)."""
        self._reset_job()
        if mode == "change":
            self.end_current = True
            mode = "add"
        if mode not in JOB_MODES:
            return
        self.job_mode = mode
        if mode != "add":
            job = next((j for j in self.jobs if j.id == job_id), None)
            if job is None:
                return
            self.job_id = job.id
            self.job = {"organisation_id": job.organisation_id, "organisation_name": job.organisation_name,
                        "role": job.role, "since": job.since, "until": job.until}
            if mode == "end":
                self.job["until"] = date.today().strftime("%d-%m-%Y")
        self.job_open = True

    def set_job_open(self, open_: bool):
        self.job_open = open_

    def set_end_current(self, checked: bool):
        self.end_current = checked
        self.job_errors.pop("since", None)

    # ------------------------------------------------------------ changes
    @requires(Permission.EDIT_NETWORK)
    def save(self):
        actor = self.signed_in_actor()
        try:
            if self.record_id:
                record = service.update(actor, self.record_id, dict(self.values), via="ui")
            else:
                first_job = _job_raw(self.job) if self.job["organisation_id"] else None
                record = service.create(actor, dict(self.values), via="ui", employment=first_job)
        except ValidationError as exc:
            return self._refused(exc)
        return self._saved(self._get(self.record_id) if self.record_id else record, "person.created")

    @requires(Permission.EDIT_NETWORK)
    def delete(self):
        return self._deleted(service.delete(self.signed_in_actor(), self.record_id, via="ui"))

    @requires(Permission.EDIT_NETWORK)
    def save_job(self):
        """Add the job in the dialog (and end the current ones if asked), or change one."""
        actor = self.signed_in_actor()
        raw = _job_raw(self.job)
        try:
            if self.job_mode == "add" and self.end_current:
                service.change_employer(actor, self.record_id, raw, via="ui")
            elif self.job_mode == "add":
                service.add_employment(actor, self.record_id, raw, via="ui")
            else:
                service.update_employment(actor, self.record_id, self.job_id, raw, via="ui")
        except ValidationError as exc:
            self.job_errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.job_open = False
        self._reset_job()
        self._show(service.get(actor, self.record_id))
        return [rx.toast.success(self.ui_text("common.saved")), self._history()]

    @requires(Permission.EDIT_NETWORK)
    def delete_job(self, job_id: str):
        actor = self.signed_in_actor()
        service.delete_employment(actor, self.record_id, job_id, via="ui")
        self._show(service.get(actor, self.record_id))
        return [rx.toast.success(self.ui_text("person.job.deleted")), self._history()]
