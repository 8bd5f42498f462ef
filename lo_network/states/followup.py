"""/opvolgen: the coordinators' follow-up lists in three tabs, with counts per tab,
filters (region, theme, kind), sort and paging, each mirrored in the URL query
(?lijst=&region=&theme=&kind=&sort=&page=&size=). The state keeps only the page on screen."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime

import reflex as rx

from lo_network.domain import followup as domain
from lo_network.domain import vocab
from lo_network.domain.activities import TZ
from lo_network.domain.dates import dutch
from lo_network.domain.permissions import Permission
from lo_network.services import followup as service
from lo_network.states.downloads import sheet_download
from lo_network.states.paged_list import PagedList
from lo_network.states.session import SessionState, requires

ROUTE = "/opvolgen"
FILTERS = {"region": vocab.REGIONS, "theme": vocab.THEMES, "kind": vocab.KINDS}


@dataclasses.dataclass
class FollowUpOrgRow:
    id: str = ""
    name: str = ""
    city: str = ""
    region: str = ""
    status: str = ""
    attended: int = 0
    last_date: str = ""
    last_title: str = ""
    last_id: str = ""
    contact_id: str = ""
    contact_name: str = ""
    contact_reach: str = ""   # phone, else email
    more_contacts: int = 0
    open_note: str = ""       # the open follow-up due first: "by 01-12-2026 · Carla"
    open_note_text: str = ""


@dataclasses.dataclass
class FollowUpPersonRow:
    id: str = ""
    name: str = ""
    reach: str = ""
    lapses: str = ""
    days_left: int = 0
    purposes: list[str] = dataclasses.field(default_factory=list)
    organisation_id: str = ""
    organisation_name: str = ""


def org_row(item: dict) -> FollowUpOrgRow:
    last = item.get("last_activity") or {}
    contacts = item.get("contacts") or []
    first = contacts[0] if contacts else {}
    notes = item.get("open_notes") or []
    return FollowUpOrgRow(
        id=item["id"], name=item.get("name") or "", city=item.get("city") or "", region=item.get("region") or "",
        status=item.get("status") or "", attended=int(item.get("attended") or 0),
        last_date=dutch(last.get("date")), last_title=last.get("title") or "", last_id=last.get("id") or "",
        contact_id=first.get("id") or "", contact_name=first.get("name") or "",
        contact_reach=first.get("phone") or first.get("email") or "", more_contacts=max(0, len(contacts) - 1),
        open_note=f"{dutch(notes[0].get('due'))} · {notes[0].get('assignee') or ''}" if notes else "",
        open_note_text=notes[0].get("note") or "" if notes else "",
    )


def person_row(item: dict, today: date) -> FollowUpPersonRow:
    employers = item.get("organisations") or []
    lapses = item.get("lapses") or ""
    return FollowUpPersonRow(
        id=item["id"], name=item.get("name") or "", reach=item.get("phone") or item.get("email") or "",
        lapses=dutch(lapses), days_left=(date.fromisoformat(lapses) - today).days if lapses else 0,
        purposes=[x["purpose"] for x in item.get("lapsing") or []],
        organisation_id=employers[0]["id"] if employers else "",
        organisation_name=employers[0].get("name") or "" if employers else "",
    )


class FollowUpState(PagedList, SessionState):
    """One page of one follow-up list, and the counts of all three."""

    tab: str = "dormant"
    sort: str = domain.DEFAULT_SORT["dormant"]
    region: str = ""
    theme: str = ""
    kind: str = ""
    org_rows: list[FollowUpOrgRow] = []
    person_rows: list[FollowUpPersonRow] = []
    count_dormant: int = 0
    count_twice: int = 0
    count_consent: int = 0
    _counted_for: str = ""  # backend only: the filters the counts were read for
    # the quick "note a follow-up" dialog (coordinators, admins)
    note_open: bool = False
    note_org_name: str = ""
    note: str = ""
    assignee: str = ""
    due: str = ""
    _note_org_id: str = ""

    # ------------------------------------------------------------ display
    @rx.var
    def filtered(self) -> bool:
        return any((self.region, self.theme, self.kind))

    @rx.var
    def definition(self) -> str:
        return service.definitions(self.lang).get(self.tab, "")

    @rx.var
    def activity_definition(self) -> str:
        return service.definitions(self.lang)["activity"]

    def _sorts(self) -> tuple[str, ...]:
        return domain.SORTS.get(self.tab, ("name",))

    def _default_sort(self) -> str:
        return domain.DEFAULT_SORT.get(self.tab, "name")

    def _filter_query(self) -> dict[str, str]:
        return {"lijst": "" if self.tab == "dormant" else self.tab, "region": self.region, "theme": self.theme,
                "kind": self.kind}

    def _filters(self) -> dict[str, str]:
        return {"region": self.region, "theme": self.theme, "kind": self.kind}

    # ------------------------------------------------------------ the graph
    def _route(self) -> str:
        return ROUTE

    def _choices(self):
        return FILTERS

    def _read_filters(self, params: dict[str, str]) -> None:
        tab = params.get("lijst", "dormant")
        self.tab = tab if tab in domain.LISTS else "dormant"

    def _list_page(self, filters: dict[str, str], cursor: str | None):
        return service.list_page(self.signed_in_actor(), self.tab, filters, self.sort, self.page, self.page_size)

    def _fetch(self):
        self.loaded = False
        actor = self.signed_in_actor()
        result = self._read_page(self._filters())
        if self.tab == "consent":
            today = datetime.now(TZ).date()
            self.person_rows = [person_row(item, today) for item in result.items]
            self.org_rows = []
        else:
            self.org_rows = [org_row(item) for item in result.items]
            self.person_rows = []
        counted_for = json.dumps(self._filters(), sort_keys=True)
        if counted_for != self._counted_for:  # the counts follow the filters, not the tab, sort or page
            counts = service.counts(actor, self._filters(), known={self.tab: result.total})
            self.count_dormant, self.count_twice, self.count_consent = (
                counts["dormant"], counts["twice"], counts["consent"])
            self._counted_for = counted_for
        return self._show_page(result, ROUTE)

    # ------------------------------------------------------------ events
    @requires(Permission.VIEW)
    def load(self):
        """on_load of /opvolgen."""
        self._read_query()
        self._counted_for = ""  # a fresh visit reads fresh counts
        return self._fetch()

    @requires(Permission.VIEW)
    def set_tab(self, tab: str):
        if tab in domain.LISTS and tab != self.tab:
            self.tab = tab
            self.sort = domain.DEFAULT_SORT[tab]
            self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def clear_filters(self):
        self.region = self.theme = self.kind = ""
        self.page = 1
        return self._fetch()

    @requires(Permission.VIEW)
    def export(self, fmt: str):
        """The list on screen (this tab, these filters and sort), every row, as CSV or XLSX."""
        return sheet_download(*service.export(self.signed_in_actor(), self.tab, self._filters(), self.sort, fmt))

    # ------------------------------------------------------------ quick action: note a follow-up
    def open_note(self, organisation_id: str, name: str):
        """Open the dialog for one row (screen only; save_note checks and stores)."""
        self._note_org_id, self.note_org_name = str(organisation_id), str(name)[:200]
        self.note = self.assignee = self.due = ""
        self.note_open = True

    def set_note_open(self, value: bool):
        self.note_open = bool(value)

    def set_note_value(self, field: str, value: str):
        if field in ("note", "assignee", "due"):
            setattr(self, field, str(value)[:500])

    @requires(Permission.EDIT_NETWORK)
    def save_note(self):
        """Store the note on the organisation (audited), close the dialog, show it in the row."""
        service.add_note(self.signed_in_actor(), self._note_org_id,
                         {"note": self.note, "assignee": self.assignee, "due": self.due}, via="ui")
        self.note_open = False
        self.note = self.assignee = self.due = ""
        return [self._fetch(), rx.toast.success(self.ui_text("followup.note_saved"))]

