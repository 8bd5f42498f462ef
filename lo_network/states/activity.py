"""One activity: view, edit, create, delete; its registrations (search, register known
people several at once, cancel with promotion), exports and the outbox."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network import messages
from lo_network.domain import activities as domain
from lo_network.domain import budget
from lo_network.domain import registrations as reg_domain
from lo_network.domain import vocab
from lo_network.domain.dates import dutch
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, allowed
from lo_network.services import activities as service
from lo_network.services import registrations as reg_service
from lo_network.states.activities import LIST_ROUTE
from lo_network.states.form_values import errors_from, from_select
from lo_network.states.people import OrganisationOption, organisation_options
from lo_network.states.record_form import RecordForm
from lo_network.states.session import SessionState, requires

NEW_ROUTE = f"{LIST_ROUTE}/nieuw"
ROUTE_ARG = "activity_id"
TEXT_FIELDS = ("title", "kind", "region", "corridor", "starts_at", "ends_at", "location", "online_url",
               "description", "visibility", "capacity", "registration_opens", "registration_closes",
               "repeat_every", "repeat_count", "project_id", "programme_line", "budget_planned", "budget_spent")
MONEY_FIELDS = ("budget_planned", "budget_spent")
TIME_FIELDS = ("starts_at", "ends_at", "registration_opens", "registration_closes")


@dataclasses.dataclass
class Organiser:
    id: str = ""
    name: str = ""


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
class PersonHit:
    id: str = ""
    name: str = ""
    email: str = ""
    organisation: str = ""


@dataclasses.dataclass
class RefusedPerson:
    """Someone a bulk registration was refused for (no basis for invitations)."""
    id: str = ""
    name: str = ""


@dataclasses.dataclass
class PartnerRow:
    id: str = ""
    name: str = ""
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
    return {f: "" for f in TEXT_FIELDS} | {"visibility": "public"}


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
    raw["region"] = from_select(raw["region"])
    raw["corridor"] = from_select(raw["corridor"])
    raw["programme_line"] = from_select(raw["programme_line"])
    raw["themes"] = list(themes)
    raw["organiser_ids"] = [o.id for o in organisers]
    return raw


class ActivityState(RecordForm, SessionState):
    record_id: str = ""
    title: str = ""
    values: dict[str, str] = _blank()
    themes: list[str] = []
    organisers: list[Organiser] = []
    organiser_query: str = ""
    organiser_hits: list[OrganisationOption] = []
    errors: dict[str, list[str]] = {}
    editing: bool = False
    loaded: bool = False
    missing: bool = False
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
    people_query: str = ""
    people_hits: list[PersonHit] = []
    chosen: list[PersonHit] = []
    refused: list[RefusedPerson] = []  # the last registration of the chosen was refused for these
    emails: list[EmailRow] = []
    sessions: list[SessionRow] = []
    # living labs and projects
    is_project: bool = False
    partners: list[PartnerRow] = []
    partner_query: str = ""
    partner_hits: list[OrganisationOption] = []
    partner_pick: dict[str, str] = {"id": "", "name": "", "role": "partner"}
    milestones: list[MilestoneRow] = []
    milestone_draft: dict[str, str] = {"title": "", "due": ""}
    project_errors: dict[str, list[str]] = {}
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

    def _list_route(self) -> str:
        return LIST_ROUTE

    def _record_kind(self) -> str:
        return "activity"

    def _get(self, record_id: str) -> dict:
        return service.get(self.signed_in_actor(), record_id)

    def _show(self, record: dict) -> None:
        self.record_id = record["id"]
        self.title = record.get("title") or ""
        self.values = form_values(record)
        self.money = money_texts(record)
        self.themes = list(record.get("themes") or [])
        self.organisers = [Organiser(id=o["id"], name=o.get("name") or "") for o in record.get("organisers") or []]
        self.starts = domain.dutch_datetime(record.get("starts_at"))
        self.ends = domain.dutch_datetime(record.get("ends_at"))
        self.opens = domain.dutch_datetime(record.get("registration_opens"))
        self.closes = domain.dutch_datetime(record.get("registration_closes"))
        self.counts = {k: int(record.get(k) or 0) for k in ("registered", "waitlisted", "walk_ins", "present")}
        self.sequence = int(record.get("ics_sequence") or 0)
        self.is_project = record.get("kind") in domain.PROJECT_KINDS
        self.partners = [PartnerRow(id=p["id"], name=p.get("name") or "", role=p.get("role") or "")
                         for p in record.get("partners") or []]
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
    def load(self):
        """on_load of /activiteiten/[activity_id]."""
        self.editing = False
        self.loaded = False
        self.reg_text = self.people_query = ""
        self.people_hits, self.chosen, self.refused = [], [], []
        activity_id = str(getattr(self, ROUTE_ARG) or "")
        try:
            record = service.get(self.signed_in_actor(), activity_id)
        except NotFound:
            self.record_id, self.missing, self.loaded = activity_id, True, True
            return None
        self._show(record)
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

    # ------------------------------------------------------------ registrations
    @requires(Permission.VIEW)
    def search_registrations(self, text: str):
        self.reg_text = text[:100]
        self._load_registrations()

    @requires(Permission.VIEW)
    def look_up_people(self, text: str):
        self.people_query = text[:100]
        hits = reg_service.lookup_people(self.signed_in_actor(), self.people_query, 12) if text.strip() else []
        self.people_hits = [PersonHit(id=h["id"], name=h.get("name") or "", email=h.get("email") or "",
                                      organisation=h.get("organisation_name") or "") for h in hits]

    def choose_person(self, person_id: str):
        hit = next((h for h in self.people_hits if h.id == person_id), None)
        if hit and all(c.id != person_id for c in self.chosen):
            self.chosen = self.chosen + [hit]

    def unchoose_person(self, person_id: str):
        self.chosen = [c for c in self.chosen if c.id != person_id]
        self.refused = [r for r in self.refused if r.id != person_id]

    def drop_refused(self):
        """Take the people refused last time out of the selection (the others can go)."""
        refused = {r.id for r in self.refused}
        self.chosen = [c for c in self.chosen if c.id not in refused]
        self.refused = []

    @requires(Permission.EDIT_ACTIVITIES)
    def register_chosen(self):
        """Register every chosen person (in the order chosen); each takes a seat or waits.
        Refused as a whole when some have no basis for invitations: the page names each."""
        try:
            outcomes = reg_service.register_people(self.signed_in_actor(), self.record_id,
                                                   [c.id for c in self.chosen], via="ui")
        except reg_service.NoBasis as exc:
            self.refused = [RefusedPerson(id=pid, name=name) for pid, name in exc.people]
            return None
        self.refused = []
        tally = {k: sum(1 for o in outcomes if o.outcome == k) for k in ("registered", "waitlisted", "duplicate")}
        self.chosen, self.people_hits, self.people_query = [], [], ""
        self._refresh()
        return [rx.toast.success(self.ui_text("reg.done").format(**tally)), self._history()]

    @requires(Permission.EDIT_ACTIVITIES)
    def cancel_registration(self, registration_id: str):
        result = reg_service.cancel(self.signed_in_actor(), registration_id, via="ui")
        self._refresh()
        text = self.ui_text("reg.cancelled")
        if result.get("promoted"):
            text += " — " + self.ui_text("reg.promoted")
        return [rx.toast.success(text), self._history()]

    # ------------------------------------------------------------ living labs and projects
    @requires(Permission.VIEW)
    def look_up_partner(self, text: str):
        self.partner_query = text[:100]
        self.partner_hits = organisation_options(self.signed_in_actor(), self.partner_query)

    def pick_partner(self, organisation_id: str, name: str):
        self.partner_pick = {"id": organisation_id, "name": name, "role": self.partner_pick.get("role", "partner")}
        self.partner_query, self.partner_hits = "", []

    def set_partner_role(self, role: str):
        if role in domain.PARTNER_ROLES:
            self.partner_pick["role"] = role

    @requires(Permission.EDIT_ACTIVITIES)
    def add_partner(self):
        if not self.partner_pick.get("id"):
            self.project_errors = {"organisation_id": ["kies een organisatie", "choose an organisation"]}
            return None
        service.set_partner(self.signed_in_actor(), self.record_id, self.partner_pick["id"],
                            self.partner_pick.get("role", ""), via="ui")
        self.partner_pick = {"id": "", "name": "", "role": "partner"}
        self.project_errors = {}
        self._refresh()
        return rx.toast.success(self.ui_text("common.saved"))

    @requires(Permission.EDIT_ACTIVITIES)
    def remove_partner(self, organisation_id: str):
        service.remove_partner(self.signed_in_actor(), self.record_id, organisation_id, via="ui")
        self._refresh()

    def set_milestone_value(self, field: str, value: str):
        if field in self.milestone_draft:
            self.milestone_draft[field] = value
            self.project_errors.pop(f"milestone_{field}", None)

    @requires(Permission.EDIT_ACTIVITIES)
    def add_milestone(self):
        try:
            service.add_milestone(self.signed_in_actor(), self.record_id, dict(self.milestone_draft), via="ui")
        except ValidationError as exc:
            self.project_errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.milestone_draft = {"title": "", "due": ""}
        self._refresh()
        return None

    @requires(Permission.EDIT_ACTIVITIES)
    def toggle_milestone(self, milestone_id: str):
        current = next((m for m in self.milestones if m.id == milestone_id), None)
        service.set_milestone_done(self.signed_in_actor(), self.record_id, milestone_id,
                                   not (current.done if current else False), via="ui")
        self._refresh()

    @requires(Permission.EDIT_ACTIVITIES)
    def delete_milestone(self, milestone_id: str):
        service.delete_milestone(self.signed_in_actor(), self.record_id, milestone_id, via="ui")
        self._refresh()

    @requires(Permission.EDIT_NETWORK)
    def confirm_organisation(self, registration_id: str):
        """Coordinator: the organisation a registrant proposed becomes (or links to) a record."""
        reg_service.confirm_organisation(self.signed_in_actor(), registration_id, "company", via="ui")
        self._load_registrations()
        return rx.toast.success(self.ui_text("reg.confirmed"))

    @requires(Permission.VIEW)
    def download_calendar(self):
        """This activity as a calendar file ("Zet in mijn agenda")."""
        record = service.get(self.signed_in_actor(), self.record_id)
        return rx.download(data=service.activity_file(record), filename=service.calendar_filename(record),
                           mime_type="text/calendar")

    @requires(Permission.VIEW)
    def export(self, fmt: str):
        try:
            content, name, media = reg_service.export(self.signed_in_actor(), self.record_id, fmt, self.lang)
        except ValidationError as exc:
            return rx.toast.error(messages.text(next(iter(exc.errors.values())), self.lang))
        return rx.download(data=content, filename=name, mime_type=media)


STATUS_LABELS = reg_domain.STATUSES
