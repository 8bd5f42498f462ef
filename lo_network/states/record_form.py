"""What the record pages (organisation, person, activity) share: switching their form into
edit mode and back to the stored record. Mixed into a detail state (a SessionState) that
names its list route in ``_list_route``, reads its record in ``_get`` and shows it in
``_show``; ``record_id`` is "" on the page of a new record."""

from __future__ import annotations

import reflex as rx

from lo_network.domain.permissions import Permission
from lo_network.states.session import requires


class RecordForm(rx.State, mixin=True):
    def _list_route(self) -> str:
        raise NotImplementedError

    def _get(self, record_id: str) -> dict:
        """The stored record, read for the signed-in user (the service checks the right)."""
        raise NotImplementedError

    def _show(self, record: dict) -> None:
        raise NotImplementedError

    def start_edit(self):
        self.errors = {}
        self.editing = True

    @requires(Permission.VIEW)
    def cancel_edit(self):
        """Back to the stored record (a new form goes back to the list)."""
        if self.record_id == "":
            return rx.redirect(self._list_route())
        self._show(self._get(self.record_id))
        self.editing = False
        return None
