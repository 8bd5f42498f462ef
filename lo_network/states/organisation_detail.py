"""One organisation: view, edit, create, delete; its status history and its people."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import ClassVar

import reflex as rx

from lo_network.domain import activities as activity_domain
from lo_network.domain import organisations as domain
from lo_network.domain import vocab
from lo_network.domain.dates import dutch, iso, parse_date
from lo_network.domain.errors import Conflict, ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import organisations as service
from lo_network.states.form_values import errors_from, from_select
from lo_network.states.organisations import LIST_ROUTE
from lo_network.states.people import OrganisationOption, organisation_option
from lo_network.states.record_form import RecordForm, RecordKind
from lo_network.states.session import SessionState, requires

# the fields the form holds as text (a checkbox group holds a list)
TEXT_FIELDS = tuple(f.name for f in domain.DECLARED if f.widget != "checkboxes")
NEW_ROUTE = f"{LIST_ROUTE}/nieuw"
ROUTE_ARG = "org_id"


@dataclasses.dataclass
class StatusChange:
    date: str = ""
    status: str = ""


@dataclasses.dataclass
class Colleague:
    """A person's employment (WORKS_AT) at this organisation."""

    person_id: str = ""
    name: str = ""
    role: str = ""
    email: str = ""
    since: str = ""
    until: str = ""


# an organisation that already holds the KvK number typed, named with its city as in the look-up
ExistingOrganisation = OrganisationOption


@dataclasses.dataclass
class Involvement:
    """An activity the organisation takes part in: organiser, partner (with its role) or
    through its people (named, as far as the reader may see them)."""

    activity_id: str = ""
    title: str = ""
    kind: str = ""
    starts: str = ""
    role: str = ""
    people: list[dict[str, str]] = dataclasses.field(default_factory=list)


def involvement_rows(rows: list[dict]) -> list[Involvement]:
    return [Involvement(activity_id=r["activity_id"], title=r.get("title") or "", kind=r.get("kind") or "",
                        starts=activity_domain.dutch_datetime(r.get("starts_at"))[:10], role=r.get("role") or "",
                        people=[{"id": p["id"], "name": p.get("name") or ""} for p in r.get("people") or []])
            for r in rows]


def _blank() -> dict[str, str]:
    return {f.name: f.default for f in domain.DECLARED if f.name in TEXT_FIELDS}


def form_values(record: dict) -> dict[str, str]:
    """A stored organisation as the edit form shows it (dates dd-mm-jjjj, tags joined)."""
    values = {field: str(record.get(field) or "") for field in TEXT_FIELDS}
    values["tags"] = ", ".join(record.get("tags") or [])
    values["status_since"] = dutch(record.get("status_since"))
    return values


def submitted(values: dict[str, str], themes: list[str]) -> dict:
    """The form as the service takes it; a typed date goes back as ISO so an unchanged
    date is recognised as unchanged (then a new status starts today)."""
    raw: dict = {field: values.get(field, "") for field in TEXT_FIELDS}
    raw["themes"] = list(themes)
    raw["region"] = from_select(raw["region"])
    raw["size_class"] = from_select(raw["size_class"])
    if raw["kind"] != "company":
        raw["company_type"] = ""
        raw["size_class"] = ""
    try:
        raw["status_since"] = iso(parse_date(raw["status_since"])) or ""
    except ValueError:
        pass  # the service names the field
    return raw


def status_history(record: dict) -> list[StatusChange]:
    """status_log ("yyyy-mm-dd:status", oldest first) -> newest first, Dutch dates."""
    changes = []
    for entry in record.get("status_log") or []:
        day, _, status = str(entry).partition(":")
        changes.append(StatusChange(date=dutch(day), status=status))
    return list(reversed(changes))


def colleagues(record: dict, today: date) -> tuple[list[Colleague], list[Colleague]]:
    """(current, former) people of an organisation; former: 'until' lies in the past."""
    current, former = [], []
    for job in record.get("people") or []:
        colleague = Colleague(
            person_id=job.get("person_id") or "",
            name=job.get("person_name") or "",
            role=job.get("role") or job.get("job_title") or "",
            email=job.get("email") or "",
            since=dutch(job.get("since")),
            until=dutch(job.get("until")),
        )
        until = job.get("until")
        (former if until and str(until)[:10] < today.isoformat() else current).append(colleague)
    return current, former


class OrganisationState(RecordForm, SessionState):
    """The organisation on screen and its edit form. ``record_id`` is '' for a new one."""

    RECORD: ClassVar[RecordKind] = RecordKind("organisation", LIST_ROUTE, service)

    name: str = ""
    values: dict[str, str] = _blank()
    themes: list[str] = []
    tag_list: list[str] = []
    created: str = ""
    updated: str = ""
    history: list[StatusChange] = []
    current_people: list[Colleague] = []
    former_people: list[Colleague] = []
    # organisations that already hold the KvK number of the draft (a save stopped to ask)
    kvk_holders: list[ExistingOrganisation] = []
    # what it takes part in: projects and living labs as partner, organised, its people's
    partner_in: list[Involvement] = []
    organised: list[Involvement] = []
    attended: list[Involvement] = []

    @rx.var
    def is_new(self) -> bool:
        return self.record_id == ""

    @rx.var
    def is_company(self) -> bool:
        return self.values.get("kind", "") == "company"

    def _show(self, record: dict) -> None:
        self.record_id = record["id"]
        self.name = record.get("name") or ""
        self.values = form_values(record)
        self.themes = list(record.get("themes") or [])
        self.tag_list = list(record.get("tags") or [])
        self.created = dutch(record.get("created_at"))
        self.updated = dutch(record.get("updated_at"))
        self.history = status_history(record)
        self.current_people, self.former_people = colleagues(record, date.today())
        self.errors = {}
        self.kvk_holders = []
        self.missing = False
        self.loaded = True

    # ------------------------------------------------------------ loading
    @requires(Permission.VIEW)
    def load(self):
        """on_load of /organisaties/[org_id]."""
        organisation_id = str(getattr(self, ROUTE_ARG) or "")
        if not self._open_record(organisation_id):
            return None
        found = service.involvement(self.signed_in_actor(), organisation_id)
        self.partner_in = involvement_rows(found["partner"])
        self.organised = involvement_rows(found["organiser"])
        self.attended = involvement_rows(found["attendee"])
        return None

    @requires(Permission.VIEW)
    def load_new(self):
        """on_load of /organisaties/nieuw: an empty form (the save is what needs rights)."""
        self.record_id = ""
        self.name = ""
        self.updated = ""  # no "changed on" line from the record seen before
        self.values = _blank()
        self.themes = []
        self.tag_list = []
        self.errors = {}
        self.history = []
        self.current_people = []
        self.former_people = []
        self.kvk_holders = []
        self.partner_in, self.organised, self.attended = [], [], []
        self.missing = False
        self.editing = True
        self.loaded = True

    # ------------------------------------------------------------ the draft (no store access)
    def set_value(self, field: str, value: str):
        """Keep what the user types; the draft reaches the graph only through save."""
        if field in TEXT_FIELDS:
            self.values[field] = value
            self.errors.pop(field, None)
            if field == "kvk":
                self.kvk_holders = []
            if field == "kind" and value == "company" and not self.values.get("company_type"):
                self.values["company_type"] = "other"  # what the domain stores when none is chosen

    def toggle_theme(self, theme: str, checked: bool):
        if theme not in vocab.THEMES:
            return
        chosen = set(self.themes)
        chosen.add(theme) if checked else chosen.discard(theme)
        self.themes = [t for t in vocab.THEMES if t in chosen]
        self.errors.pop("themes", None)

    # ------------------------------------------------------------ changes
    @requires(Permission.EDIT_NETWORK)
    def save(self):
        return self._save(confirm_duplicate_kvk=False)

    @requires(Permission.EDIT_NETWORK)
    def save_anyway(self):
        """Save although another organisation holds the KvK number: the user chose so."""
        return self._save(confirm_duplicate_kvk=True)

    def _save(self, confirm_duplicate_kvk: bool):
        actor = self.signed_in_actor()
        raw = submitted(self.values, self.themes)
        self.kvk_holders = []
        try:
            if self.record_id:
                record = service.update(actor, self.record_id, raw, via="ui",
                                        confirm_duplicate_kvk=confirm_duplicate_kvk)
            else:
                record = service.create(actor, raw, via="ui", confirm_duplicate_kvk=confirm_duplicate_kvk)
        except Conflict as exc:
            self.errors = errors_from(exc)
            self.kvk_holders = [organisation_option(e) for e in exc.existing]
            return rx.call_script("document.getElementById('org-kvk-taken')?.scrollIntoView({block: 'center'})")
        except ValidationError as exc:
            return self._refused(exc)
        return self._saved(self._get(self.record_id) if self.record_id else record, "org.created")

    @requires(Permission.EDIT_NETWORK)
    def delete(self):
        return self._deleted(service.delete(self.signed_in_actor(), self.record_id, via="ui"))
