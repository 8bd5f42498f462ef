"""The door: find a registrant fast by name or organisation, one tap for present, add
walk-ins, and after the activity mark the no-shows. Made for a phone screen."""

from __future__ import annotations

import reflex as rx

from lo_network.domain import activities as domain
from lo_network.domain import registrations as reg_domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import activities as service
from lo_network.services import registrations as reg_service
from lo_network.states.activity import ROUTE_ARG, RegistrationRow, registration_row
from lo_network.states.form_values import errors_from
from lo_network.states.session import SessionState, requires


class CheckInState(SessionState):
    current_id: str = ""
    title: str = ""
    when: str = ""
    text: str = ""
    rows: list[RegistrationRow] = []
    present: int = 0
    expected: int = 0
    started: bool = False
    missing: bool = False
    loaded: bool = False
    walk_in: dict[str, str] = dict.fromkeys(reg_domain.WALK_IN, "")  # what a walk-in gives
    walk_in_errors: dict[str, list[str]] = {}

    def _fetch(self) -> None:
        actor = self.signed_in_actor()
        activity = service.get(actor, self.current_id)
        self.title = activity.get("title") or ""
        self.when = domain.dutch_datetime(activity.get("starts_at"))
        self.started = domain.started(activity, service.now())
        self.present = int(activity.get("present") or 0)
        self.expected = int(activity.get("registered") or 0) + int(activity.get("walk_ins") or 0)
        rows = reg_service.list_for_activity(actor, self.current_id, self.text)
        self.rows = [registration_row(r) for r in rows if r.get("status") in ("registered", "walk_in")][:200]
        self.loaded = True

    @requires(Permission.EDIT_ACTIVITIES)
    def load(self):
        """on_load of /activiteiten/[activity_id]/inchecken (organisers only)."""
        self.loaded = False
        self.text = ""
        self.current_id = str(getattr(self, ROUTE_ARG) or "")
        self.walk_in = dict.fromkeys(reg_domain.WALK_IN, "")
        self.walk_in_errors = {}
        try:
            self._fetch()
            self.missing = False
        except NotFound:
            self.missing, self.loaded = True, True

    @requires(Permission.VIEW)
    def search(self, text: str):
        """Reads only (the page itself is for organisers: its on_load needs EDIT_ACTIVITIES)."""
        self.text = text[:100]
        self._fetch()

    @requires(Permission.EDIT_ACTIVITIES)
    def mark_present(self, registration_id: str):
        reg_service.check_in(self.signed_in_actor(), self.current_id, registration_id, True, via="ui")
        self._fetch()

    @requires(Permission.EDIT_ACTIVITIES)
    def undo_present(self, registration_id: str):
        reg_service.check_in(self.signed_in_actor(), self.current_id, registration_id, False, via="ui")
        self._fetch()

    def set_walk_in(self, field: str, value: str):
        if field in self.walk_in:
            self.walk_in[field] = value
            self.walk_in_errors.pop(field, None)

    @requires(Permission.EDIT_ACTIVITIES)
    def add_walk_in(self):
        try:
            reg_service.walk_in(self.signed_in_actor(), self.current_id, dict(self.walk_in), via="ui")
        except ValidationError as exc:
            self.walk_in_errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.walk_in = dict.fromkeys(reg_domain.WALK_IN, "")
        self._fetch()
        return rx.toast.success(self.ui_text("checkin.walk_in_added"))

    @requires(Permission.EDIT_ACTIVITIES)
    def mark_no_shows(self):
        marked = reg_service.mark_no_shows(self.signed_in_actor(), self.current_id, via="ui")
        self._fetch()
        return rx.toast.success(f"{self.ui_text('checkin.no_shows_done')}: {marked}")
