"""One activity: view, edit, create, delete, and what its page shows of it (registrations,
the outbox, the series, a project's partners, milestones and sessions).

What is done to the registrations, and to a project's partners and milestones, are substates
of this one (``activity_registrations.py``, ``activity_project.py``): they change the record
on its page and show it again through ``_refresh``."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import reflex as rx

from lo_network.domain import activities as domain
from lo_network.domain import budget
from lo_network.domain import registrations as reg_domain
from lo_network.domain import vocab
from lo_network.domain.dates import dutch
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, allowed
from lo_network.services import activities as service
from lo_network.services import registrations as reg_service
from lo_network.states.activities import LIST_ROUTE
from lo_network.states.form_values import from_select
from lo_network.states.people import OrganisationOption, organisation_options
from lo_network.states.record_form import RecordForm, RecordKind
from lo_network.states.rows import Named
from lo_network.states.session import SessionState, requires

NEW_ROUTE = f"{LIST_ROUTE}/nieuw"
ROUTE_ARG = "activity_id"
# the form's values by the declaration's fields: one text each (the lists have controls of their own)
TEXT_FIELDS = tuple(f.name for f in domain.DECLARED if not f.many)
MONEY_FIELDS = tuple(f.name for f in domain.DECLARED if f.widget == "money")
TIME_FIELDS = tuple(f.name for f in domain.DECLARED if f.widget == "datetime")
CHOICE_OPTIONAL = tuple(f.name for f in domain.DECLARED if f.empty)  # selects with a "no choice" item


# an organising organisation, a chip on the form
Organiser = Named


@dataclasses.dataclass
class RegistrationRow:
    id: str = ""
    name: str = ""
    email: str = ""
    organisation: str = ""
    proposed: bool = False
    status: str = ""
    attendance: str = ""
    position: int = 0
    registered: str = ""


@dataclasses.dataclass
class PartnerRow(Named):
    """A partner organisation of a living lab or project, with its role."""

    role: str = ""


@dataclasses.dataclass
class MilestoneRow:
    id: str = ""
    title: str = ""
    due: str = ""
    done: bool = False


@dataclasses.dataclass
class SessionRow:
    id: str = ""
    starts: str = ""
    current: bool = False


@dataclasses.dataclass
class EmailRow:
    id: int = 0
    created: str = ""
    kind: str = ""
    recipient: str = ""
    subject: str = ""
    status: str = ""
    calendar: str = ""
    error: str = ""  # why it was not sent (failed, cancelled, or queued after a try)


def registration_row(record: dict) -> RegistrationRow:
    return RegistrationRow(
        id=record["id"], name=record.get("name") or "", email=record.get("email") or "",
        organisation=record.get("organisation_name") or "", proposed=bool(record.get("organisation_proposed")),
        status=record.get("status") or "", attendance=record.get("attendance") or "",
        position=int(record.get("position") or 0), registered=domain.dutch_datetime(record.get("registered_at")),
    )


def _blank() -> dict[str, str]:
    return {f.name: f.default for f in domain.DECLARED if f.name in TEXT_FIELDS}


def form_values(record: dict) -> dict[str, str]:
    values = {f: str(record.get(f) if record.get(f) is not None else "") for f in TEXT_FIELDS}
    for f in TIME_FIELDS:
        values[f] = domain.input_value(record.get(f))
    for f in MONEY_FIELDS:
        values[f] = budget.input_text(record.get(f))
    return values


def money_texts(record: dict) -> dict[str, str]:
    """The amounts as the page shows them, in both languages ('' when none)."""
    return {f"{f}_{lang}": budget.format_eur(record.get(f), lang) for f in MONEY_FIELDS for lang in ("nl", "en")}


def submitted(values: dict[str, str], themes: list[str], organisers: list[Organiser]) -> dict:
    raw = {f: values.get(f, "") for f in TEXT_FIELDS}
    raw.update({f: from_select(raw[f]) for f in CHOICE_OPTIONAL})
    raw["themes"] = list(themes)
    raw["organiser_ids"] = [o.id for o in organisers]
    return raw


class ActivityState(RecordForm, SessionState):
    RECORD: ClassVar[RecordKind] = RecordKind("activity", LIST_ROUTE, service)

    title: str = ""
    values: dict[str, str] = _blank()
    themes: list[str] = []
    organisers: list[Organiser] = []
    organiser_query: str = ""
    organiser_hits: list[OrganisationOption] = []
    starts: str = ""
    ends: str = ""
    opens: str = ""
    closes: str = ""
    counts: dict[str, int] = {}
    money: dict[str, str] = {}  # the amounts shown: budget_planned_nl, budget_spent_en, ...
    sequence: int = 0
    # registrations
    reg_text: str = ""
    registrations: list[RegistrationRow] = []
    emails: list[EmailRow] = []
    sessions: list[SessionRow] = []
    # living labs and projects
    is_project: bool = False
    partners: list[PartnerRow] = []
    milestones: list[MilestoneRow] = []
    parts: list[SessionRow] = []
    project_title: str = ""
    project_ref: str = ""

    @rx.var
    def is_new(self) -> bool:
        return self.record_id == ""

    @rx.var
    def can_edit_activities(self) -> bool:
        return allowed(self.user_role, Permission.EDIT_ACTIVITIES)

    @rx.var
    def is_public(self) -> bool:
        return self.values.get("visibility", "") == "public"

    @rx.var
    def seats_text(self) -> str:
        registered = self.counts.get("registered", 0)
        capacity = self.values.get("capacity", "")
        return f"{registered} / {capacity}" if capacity else f"{registered} / ∞"

    def _show(self, record: dict) -> None:
        self.record_id = record["id"]
        self.title = record.get("title") or ""
        self.values = form_values(record)
        self.money = money_texts(record)
        self.themes = list(record.get("themes") or [])
        self.organisers = [Organiser.of(o) for o in record.get("organisers") or []]
        self.starts = domain.dutch_datetime(record.get("starts_at"))
        self.ends = domain.dutch_datetime(record.get("ends_at"))
        self.opens = domain.dutch_datetime(record.get("registration_opens"))
        self.closes = domain.dutch_datetime(record.get("registration_closes"))
        self.counts = {k: int(record.get(k) or 0) for k in ("registered", "waitlisted", "walk_ins", "present")}
        self.sequence = int(record.get("ics_sequence") or 0)
        self.is_project = record.get("kind") in domain.PROJECT_KINDS
        self.partners = [PartnerRow.of(p, role=p.get("role") or "") for p in record.get("partners") or []]
        self.milestones = [MilestoneRow(id=m["id"], title=m.get("title") or "", due=dutch(m.get("due")),
                                        done=bool(m.get("done"))) for m in record.get("milestones") or []]
        self.parts = [SessionRow(id=x["id"], starts=domain.dutch_datetime(x.get("starts_at")) + " · " + (x.get("title") or ""))
                      for x in record.get("sessions") or []]
        project = record.get("project") or {}
        self.project_ref, self.project_title = project.get("id") or "", project.get("title") or ""
        self.sessions = [SessionRow(id=x["id"], starts=domain.dutch_datetime(x.get("starts_at")), current=x["id"] == record["id"])
                         for x in service.series(self.signed_in_actor(), record.get("series_id") or "")]
        self.errors = {}
        self.missing = False
        self.loaded = True

    def _load_registrations(self) -> None:
        actor = self.signed_in_actor()
        self.registrations = [registration_row(r) for r in
                              reg_service.list_for_activity(actor, self.record_id, self.reg_text)]
        if allowed(actor.role, Permission.EDIT_ACTIVITIES):
            self.emails = [EmailRow(id=e.id, created=domain.dutch_datetime(e.created_at), kind=e.kind,
                                    recipient=e.to_address, subject=e.subject, status=e.status, calendar=e.ics_method,
                                    error=e.error)
                           for e in reg_service.outbox_for(actor, self.record_id)[:50]]
        else:
            self.emails = []

    def _refresh(self) -> None:
        self._show(service.get(self.signed_in_actor(), self.record_id))
        self._load_registrations()

    # ------------------------------------------------------------ loading
    @requires(Permission.VIEW)
    async def load(self):
        """on_load of /activiteiten/[activity_id]."""
        from lo_network.states.activity_registrations import ActivityRegistrations  # a substate of this one

        self.reg_text = ""
        (await self.get_state(ActivityRegistrations))._clear_draft()
        if self._open_record(str(getattr(self, ROUTE_ARG) or "")):
            self._load_registrations()
        return None

    @requires(Permission.VIEW)
    def load_new(self):
        """on_load of /activiteiten/nieuw: an empty form (saving is what needs rights)."""
        self.record_id = self.title = ""
        self.values = _blank()
        self.themes, self.organisers, self.registrations, self.emails, self.sessions = [], [], [], [], []
        self.partners, self.milestones, self.parts = [], [], []
        self.is_project, self.project_ref, self.project_title = False, "", ""
        project = str(self.router.url.query_parameters.get("project", ""))[:64]
        self.values["project_id"] = project  # "Sessie toevoegen" on a living lab / project
        self.counts = {}
        self.errors = {}
        self.missing = False
        self.editing = True
        self.loaded = True

    # ------------------------------------------------------------ the draft
    def set_activity_value(self, field: str, value: str):
        """Keep what the user types; the draft reaches the graph only through save."""
        if field in TEXT_FIELDS:
            self.values[field] = value
            self.errors.pop(field, None)

    def toggle_theme(self, theme: str, checked: bool):
        if theme in vocab.THEMES:
            chosen = set(self.themes)
            chosen.add(theme) if checked else chosen.discard(theme)
            self.themes = [t for t in vocab.THEMES if t in chosen]

    @requires(Permission.VIEW)
    def look_up_organiser(self, text: str):
        self.organiser_query = text[:100]
        self.organiser_hits = organisation_options(self.signed_in_actor(), self.organiser_query)

    def pick_organiser(self, organisation_id: str, name: str):
        if organisation_id and all(o.id != organisation_id for o in self.organisers):
            self.organisers = self.organisers + [Organiser(id=organisation_id, name=name)]
        self.organiser_query = ""
        self.organiser_hits = []
        self.errors.pop("organiser_ids", None)

    def drop_organiser(self, organisation_id: str):
        self.organisers = [o for o in self.organisers if o.id != organisation_id]

    # ------------------------------------------------------------ changes
    @requires(Permission.EDIT_ACTIVITIES)
    def save(self):
        actor = self.signed_in_actor()
        raw = submitted(self.values, self.themes, self.organisers)
        try:
            if self.record_id:
                record = service.update(actor, self.record_id, raw, via="ui")
            elif from_select(self.values.get("repeat_every", "")):
                record = service.create_series(actor, raw, from_select(self.values["repeat_every"]),
                                               self.values.get("repeat_count", ""), via="ui")[0]
            else:
                record = service.create(actor, raw, via="ui")
        except ValidationError as exc:
            return self._refused(exc)
        if self.record_id:
            self._load_registrations()
        return self._saved(record, "act.created")

    @requires(Permission.EDIT_ACTIVITIES)
    def delete(self):
        return self._deleted(service.delete(self.signed_in_actor(), self.record_id, via="ui"))

    @requires(Permission.VIEW)
    def download_calendar(self):
        """This activity as a calendar file ("Zet in mijn agenda")."""
        record = service.get(self.signed_in_actor(), self.record_id)
        return rx.download(data=service.activity_file(record), filename=service.calendar_filename(record),
                           mime_type="text/calendar")


STATUS_LABELS = reg_domain.STATUSES
