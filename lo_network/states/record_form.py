"""What the record pages (organisation, person, activity) share: opening the record their
URL names, switching their form into edit mode and back to the stored record, and what
follows a save or a delete. Mixed into a detail state (a SessionState) that names its kind
of record in ``RECORD`` and shows a record in ``_show``; ``record_id`` is "" on the page of
a new record."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import ClassVar

import reflex as rx

from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission
from lo_network.states.form_values import errors_from
from lo_network.states.session import requires


@dataclass(frozen=True)
class RecordKind:
    """What a record page names once: its kind of record (its history's loader is
    ``HistoryState.load_<kind>``), its list's route, and the service whose ``get(actor, id)``
    reads one record for the signed-in user (the service checks the right)."""

    kind: str
    list_route: str
    service: ModuleType


class RecordForm(rx.State, mixin=True):
    RECORD: ClassVar[RecordKind]

    # each record state gets its own copy of these vars
    record_id: str = ""
    errors: dict[str, list[str]] = {}
    editing: bool = False
    loaded: bool = False
    missing: bool = False  # no record has the id in the URL

    def _list_route(self) -> str:
        return self.RECORD.list_route

    def _get(self, record_id: str) -> dict:
        return self.RECORD.service.get(self.signed_in_actor(), record_id)

    def _show(self, record: dict) -> None:
        raise NotImplementedError

    def _open_record(self, record_id: str) -> bool:
        """The record a page's URL names, shown out of edit mode; False (the page says "not
        found") when there is no such record."""
        self.editing = False
        self.loaded = False
        self.missing = False
        try:
            record = self._get(record_id)
        except NotFound:
            self.record_id = record_id
            self.missing = True
            self.loaded = True
            return False
        self._show(record)
        return True

    def _record_kind(self) -> str:
        return self.RECORD.kind

    def _history(self):
        """The page's "Geschiedenis" reloads after a change made on the page."""
        from lo_network.states.history import HistoryState  # it imports the record states

        return getattr(HistoryState, f"load_{self._record_kind()}")

    def _refused(self, exc: ValidationError):
        """A save the domain refused: each field's message beside it, and a toast."""
        self.errors = errors_from(exc)
        return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)

    def _saved(self, record: dict, created_key: str):
        """After a save: a new record's own page, or the record as stored, out of edit mode,
        with its history reloaded."""
        if not self.record_id:
            return [rx.redirect(f"{self._list_route()}/{record['id']}"), rx.toast.success(self.ui_text(created_key))]
        self._show(record)
        self.editing = False
        return [rx.toast.success(self.ui_text("common.saved")), self._history()]

    def _deleted(self, name: str):
        """After a delete: the list, and what was deleted."""
        return [rx.redirect(self._list_route()), rx.toast.success(f"{self.ui_text('common.deleted')}: {name}")]

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
