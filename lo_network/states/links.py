"""The links section and the timeline of the organisation and person detail pages.

One state for both pages: ``kind`` ('organisation' or 'person') and ``anchor_id`` say whose
links are on screen; they are set by the page's on_load from the route, never by the browser."""

from __future__ import annotations

import dataclasses
from datetime import date

import reflex as rx

from lo_network.domain import links as domain
from lo_network.domain.dates import dutch, iso, parse_date
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import links as service
from lo_network.services import metrics as metrics_service
from lo_network.services import people as people_service
from lo_network.states.form_values import errors_from
from lo_network.states.organisation_detail import ROUTE_ARG as ORG_ARG
from lo_network.states.people import OrganisationOption, organisation_options
from lo_network.states.person import ROUTE_ARG as PERSON_ARG
from lo_network.states.session import SessionState, requires

LINK_FIELDS = ("type", "direction", "since", "until", "source", "note", "other_id", "other_name")
MODES = ("add", "edit", "end")
ROUTES = {domain.ORGANISATION: "/organisaties/", domain.PERSON: "/personen/"}


@dataclasses.dataclass
class LinkRow:
    id: str = ""
    type: str = ""
    label_nl: str = ""
    label_en: str = ""
    other_id: str = ""
    other_name: str = ""
    href: str = ""
    since: str = ""
    until: str = ""
    active: bool = True
    source: str = ""
    note: str = ""


@dataclasses.dataclass
class TimelineRow:
    date: str = ""
    nl: str = ""
    en: str = ""
    ended: bool = False
    href: str = ""
    kind: str = ""


def _blank() -> dict[str, str]:
    return {field: "" for field in LINK_FIELDS} | {"direction": "outgoing"}


def _to_iso(value: str) -> str:
    try:
        return iso(parse_date(value)) or ""
    except ValueError:
        return value  # the service names the field


def rows(kind: str, links: list[dict]) -> list[LinkRow]:
    return [LinkRow(
        id=l["id"], type=l["type"], label_nl=l["label_nl"], label_en=l["label_en"], other_id=l["other_id"],
        other_name=l.get("other_name") or "", href=ROUTES[kind] + l["other_id"],
        since=dutch(l.get("since")), until=dutch(l.get("until")), active=l["active"], source=l.get("source") or "",
        note=l.get("note") or "",
    ) for l in links]


def measure_words(measures: dict | None) -> tuple[str, str]:
    if not measures:
        return "", ""
    community = measures["community"]
    c_nl = f"gemeenschap {community + 1}" if community is not None and community >= 0 else "geen gemeenschap"
    c_en = f"community {community + 1}" if community is not None and community >= 0 else "no community"
    at = dutch(measures["at"])
    return (f"{measures['degree']} verbindingen · tussenliggendheid {measures['betweenness']:.4f} · {c_nl} "
            f"(berekend {at})",
            f"{measures['degree']} ties · betweenness {measures['betweenness']:.4f} · {c_en} (computed {at})")


def timeline_rows(entries: list[domain.TimelineEntry]) -> list[TimelineRow]:
    return [TimelineRow(date=dutch(e.date) or "—", nl=e.nl, en=e.en, ended=e.ended,
                        href=ROUTES.get(e.other_kind, "/") + e.other_id if e.other_id else "", kind=e.kind)
            for e in entries]


class LinksState(SessionState):
    """Links and timeline of the organisation or person on screen, and the link dialog."""

    kind: str = ""
    anchor_id: str = ""
    links: list[LinkRow] = []
    timeline: list[TimelineRow] = []
    draft: dict[str, str] = _blank()
    mode: str = "add"
    link_id: str = ""
    dialog_open: bool = False
    link_errors: dict[str, list[str]] = {}
    query: str = ""
    hits: list[OrganisationOption] = []
    measures_nl: str = ""  # cached network measures of the record, in words ('' before the first computation)
    measures_en: str = ""

    @rx.var
    def type_is_directed(self) -> bool:
        link_type = domain.types_for(self.kind).get(self.draft.get("type", "")) if self.kind else None
        return bool(link_type and link_type.directed)

    def _refresh(self) -> None:
        actor = self.signed_in_actor()
        try:
            self.links = rows(self.kind, service.list_links(actor, self.kind, self.anchor_id))
            self.timeline = timeline_rows(service.timeline(actor, self.kind, self.anchor_id))
            measures = metrics_service.of_record(actor, self.kind, self.anchor_id)
        except NotFound:
            self.links, self.timeline, measures = [], [], None
        self.measures_nl, self.measures_en = measure_words(measures)

    def _load(self, kind: str, record_id: str):
        self.kind, self.anchor_id = kind, record_id
        self.dialog_open = False
        self._reset()
        self._refresh()

    def _reset(self) -> None:
        self.draft = _blank()
        self.link_id = ""
        self.link_errors = {}
        self.query = ""
        self.hits = []

    # ------------------------------------------------------------ loading
    @requires(Permission.VIEW)
    def load_organisation(self):
        """on_load of /organisaties/[org_id] (after the organisation itself)."""
        self._load(domain.ORGANISATION, str(getattr(self, ORG_ARG) or ""))

    @requires(Permission.VIEW)
    def load_person(self):
        """on_load of /personen/[person_id] (after the person itself)."""
        self._load(domain.PERSON, str(getattr(self, PERSON_ARG) or ""))

    # ------------------------------------------------------------ the draft (no store access)
    def open_link(self, mode: str, link_id: str):
        """Open the dialog: 'add' a link, 'edit' one, or 'end' one (until set to today)."""
        if mode not in MODES:
            return
        self._reset()
        self.mode = mode
        if mode != "add":
            row = next((l for l in self.links if l.id == link_id), None)
            if row is None:
                return
            self.link_id = row.id
            self.draft = _blank() | {
                "type": row.type, "other_id": row.other_id, "other_name": row.other_name,
                "source": row.source, "note": row.note, "since": row.since, "until": row.until,
            }
            if mode == "end":
                self.draft["until"] = date.today().strftime("%d-%m-%Y")
        self.dialog_open = True

    def set_dialog_open(self, open_: bool):
        self.dialog_open = open_

    def set_link_value(self, field: str, value: str):
        if field in ("type", "direction", "since", "until", "source", "note"):
            self.draft[field] = value
            self.link_errors.pop(field, None)

    def pick_other(self, other_id: str, name: str):
        self.draft["other_id"] = other_id
        self.draft["other_name"] = name
        self.query = ""
        self.hits = []
        self.link_errors.pop("to_id", None)
        self.link_errors.pop("from_id", None)

    def clear_other(self):
        self.draft["other_id"] = self.draft["other_name"] = ""

    @requires(Permission.VIEW)
    def look_up_other(self, text: str):
        """The other end of a new link, as you type: organisations or people."""
        self.query = text[:100]
        actor = self.signed_in_actor()
        if self.kind == domain.ORGANISATION:
            hits = organisation_options(actor, self.query)
        elif self.query.strip():
            found = people_service.list_page(actor, {"text": self.query}, page_size=25).items
            hits = [OrganisationOption(id=p["id"], name=p["name"], city=", ".join(p.get("organisations") or []))
                    for p in found]
        else:
            hits = []
        self.hits = [hit for hit in hits if hit.id != self.anchor_id][:10]

    # ------------------------------------------------------------ changes
    @requires(Permission.EDIT_NETWORK)
    def save_link(self):
        """Add the link in the dialog, or store its changed dates/source/note (or its end)."""
        actor = self.signed_in_actor()
        raw = {field: self.draft.get(field, "") for field in domain.FIELDS}
        raw["since"], raw["until"] = _to_iso(raw["since"]), _to_iso(raw["until"])
        try:
            if self.mode == "add":
                here, other = self.anchor_id, self.draft.get("other_id", "")
                outgoing = self.draft.get("direction") != "incoming" or not self.type_is_directed
                start, end = (here, other) if outgoing else (other, here)
                service.add(actor, self.kind, start, end, raw, via="ui")
            else:
                service.update(actor, self.kind, self.anchor_id, self.link_id, raw, via="ui")
        except ValidationError as exc:
            errors = errors_from(exc)
            if "from_id" in errors or "to_id" in errors:
                errors["other"] = errors.pop("to_id", None) or errors.pop("from_id")
            self.link_errors = errors
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.dialog_open = False
        self._reset()
        self._refresh()
        return rx.toast.success(self.ui_text("common.saved"))

    @requires(Permission.EDIT_NETWORK)
    def delete_link(self, link_id: str):
        """Remove a link entered by mistake (ending keeps it in the history)."""
        service.delete(self.signed_in_actor(), self.kind, self.anchor_id, link_id, via="ui")
        self._refresh()
        return rx.toast.success(self.ui_text("links.deleted"))
