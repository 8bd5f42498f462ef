"""The privacy part of a person page: consent records per purpose (EDIT_NETWORK),
the access request as JSON or HTML download and the erasure (both Permission.PRIVACY)."""

from __future__ import annotations

import dataclasses
import json

import reflex as rx

from lo_network.domain import consent as consent_domain
from lo_network.domain.dates import dutch
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import consent as consent_service
from lo_network.services import privacy as privacy_service
from lo_network.states.form_values import errors_from
from lo_network.states.history import HistoryState
from lo_network.states.person import ROUTE_ARG
from lo_network.states.session import SessionState, requires


@dataclasses.dataclass
class ConsentRow:
    id: str = ""
    purpose: str = ""
    basis: str = ""
    date: str = ""
    source: str = ""
    withdrawn: str = ""
    active: bool = True


def row_of(record: dict) -> ConsentRow:
    return ConsentRow(id=record["id"], purpose=record.get("purpose") or "", basis=record.get("basis") or "",
                      date=dutch(record.get("date")), source=record.get("source") or "",
                      withdrawn=dutch(record.get("withdrawn")), active=consent_domain.active(record))


def _blank() -> dict[str, str]:
    return {"purpose": "newsletter", "basis": "consent", "date": "", "source": ""}


class PersonPrivacyState(SessionState):
    consents: list[ConsentRow] = []
    consent_draft: dict[str, str] = _blank()
    consent_errors: dict[str, list[str]] = {}
    consent_form_key: int = 0
    erase_step: int = 0  # 0 closed, 1 "are you sure?", 2 type the name (asks twice)
    erase_errors: dict[str, list[str]] = {}
    erase_confirm: str = ""

    def _person_id(self) -> str:
        return str(getattr(self, ROUTE_ARG) or "")

    def _reload(self) -> None:
        self.consents = [row_of(c) for c in consent_service.list_for(self.signed_in_actor(), self._person_id())]

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /personen/[person_id] (after the record itself): its consent records."""
        self.consent_draft = _blank()
        self.consent_errors = {}
        self.erase_step = 0
        self.erase_errors = {}
        self.erase_confirm = ""
        self._reload()

    def set_consent_value(self, field: str, value: str):
        """A field of the new-consent form (a draft; add_consent checks and stores it)."""
        if field in consent_domain.FIELDS:
            self.consent_draft = dict(self.consent_draft, **{field: str(value)[:300]})

    @requires(Permission.EDIT_NETWORK)
    def add_consent(self):
        try:
            consent_service.add(self.signed_in_actor(), self._person_id(), dict(self.consent_draft), via="ui")
        except ValidationError as exc:
            self.consent_errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.consent_errors = {}
        self.consent_draft = _blank()
        self.consent_form_key += 1
        self._reload()
        return [rx.toast.success(self.ui_text("privacy.consent_added")), HistoryState.load_person]

    @requires(Permission.EDIT_NETWORK)
    def withdraw_consent(self, consent_id: str):
        consent_service.withdraw(self.signed_in_actor(), self._person_id(), str(consent_id), via="ui")
        self._reload()
        return [rx.toast.success(self.ui_text("privacy.consent_withdrawn")), HistoryState.load_person]

    @requires(Permission.PRIVACY)
    def download_access_json(self):
        """Access request: everything held about this person as a JSON file."""
        report = privacy_service.access_report(self.signed_in_actor(), self._person_id(), via="ui")
        return rx.download(data=json.dumps(report, ensure_ascii=False, indent=2, default=str),
                           filename=f"inzage-{self._person_id()}.json")

    @requires(Permission.PRIVACY)
    def download_access_html(self):
        """Access request: the same as a readable HTML page."""
        report = privacy_service.access_report(self.signed_in_actor(), self._person_id(), via="ui")
        return rx.download(data=privacy_service.report_html(report), filename=f"inzage-{self._person_id()}.html")

    def set_erase_step(self, step: int):
        """Open (1), go on to typing the name (2) or close (0) the erasure dialog."""
        self.erase_step = max(0, min(2, int(step)))
        self.erase_errors = {}
        self.erase_confirm = ""

    def set_erase_confirm(self, value: str):
        """What is typed in the erasure dialog (erase_person compares it with the name)."""
        self.erase_confirm = str(value)[:300]

    @requires(Permission.PRIVACY)
    def erase_person(self):
        """The second confirmation: the typed full name must match; then the person is
        anonymised everywhere (privacy.erase), which cannot be undone."""
        try:
            privacy_service.erase(self.signed_in_actor(), self._person_id(), via="ui", confirm=self.erase_confirm)
        except ValidationError as exc:
            self.erase_errors = errors_from(exc)
            return None
        self.erase_step = 0
        self.erase_confirm = ""
        return [rx.toast.success(self.ui_text("privacy.erased")), rx.redirect(f"/personen/{self._person_id()}")]
