"""An activity's registrations on its page: search them, register several known people at
once, cancel one (the first on the waiting list moves up), confirm a proposed organisation,
export the attendee list. A substate of the activity: the list it changes is the record's."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network import messages
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import registrations as reg_service
from lo_network.states.activity import ActivityState
from lo_network.states.rows import Named
from lo_network.states.session import requires


@dataclasses.dataclass
class PersonHit:
    id: str = ""
    name: str = ""
    email: str = ""
    organisation: str = ""


# someone a bulk registration was refused for (no basis for invitations)
RefusedPerson = Named


class ActivityRegistrations(ActivityState):
    """The people looked up, the ones chosen to register, and those last refused."""

    people_query: str = ""
    people_hits: list[PersonHit] = []
    chosen: list[PersonHit] = []
    refused: list[RefusedPerson] = []  # the last registration of the chosen was refused for these

    def _clear_draft(self) -> None:
        """A page opened afresh starts without a lookup or a selection."""
        self.people_query = ""
        self.people_hits, self.chosen, self.refused = [], [], []

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

    @requires(Permission.EDIT_NETWORK)
    def confirm_organisation(self, registration_id: str):
        """Coordinator: the organisation a registrant proposed becomes (or links to) a record."""
        reg_service.confirm_organisation(self.signed_in_actor(), registration_id, "company", via="ui")
        self._load_registrations()
        return rx.toast.success(self.ui_text("reg.confirmed"))

    @requires(Permission.VIEW)
    def export(self, fmt: str):
        try:
            content, name, media = reg_service.export(self.signed_in_actor(), self.record_id, fmt, self.lang)
        except ValidationError as exc:
            return rx.toast.error(messages.text(next(iter(exc.errors.values())), self.lang))
        return rx.download(data=content, filename=name, mime_type=media)
