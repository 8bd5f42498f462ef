"""The pages without an account: register for a public activity, and the personal link
(see, change, cancel). Handlers need no login; the same services check everything, and
the public registration shares the API's rate limit per client address."""

from __future__ import annotations

from datetime import timedelta

import reflex as rx

from lo_network import settings as settings_mod
from lo_network.ratelimit import public_limiter
from lo_network.domain import activities as domain
from lo_network.domain import registrations as reg_domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.services import activities as service
from lo_network.services import registrations as reg_service
from lo_network.states.form_values import errors_from
from lo_network.states.session import SessionState

PUBLIC_ROUTE = "/aanmelden"
PUBLIC_ARG = "public_activity_id"
MINE_ROUTE = "/aanmelding"
TOKEN_ARG = "reg_token"
_BLANK = {f.name: "" for f in reg_domain.DECLARED}  # what a registrant gives
_CHANGES = dict.fromkeys(reg_domain.CHANGEABLE, "")  # what the personal link may change


class PublicActivityView(SessionState):
    """What every public page shows of an activity (no counts, no people)."""

    act_title: str = ""
    act_kind: str = ""
    act_when: str = ""
    act_where: str = ""
    act_online: str = ""
    act_description: str = ""

    def _show_activity(self, activity: dict) -> None:
        self.act_title = activity.get("title") or ""
        self.act_kind = activity.get("kind") or ""
        self.act_when = f"{domain.dutch_datetime(activity.get('starts_at'))} – {domain.dutch_datetime(activity.get('ends_at'))}"
        self.act_where = activity.get("location") or ""
        self.act_online = activity.get("online_url") or ""
        self.act_description = activity.get("description") or ""

    # over the rate limit: seconds to wait and the Amsterdam clock time to try again ('' = not limited)
    wait_seconds: int = 0
    retry_at: str = ""

    def _limited(self) -> bool:
        """Counts this request against the public limit per client address; when over it,
        sets when the visitor may try again (the page says so instead of its content)."""
        allowed, wait = public_limiter.allow(self.router.session.client_ip or "ui", settings_mod.get().public_rate_limit)
        if allowed:
            self.wait_seconds, self.retry_at = 0, ""
            return False
        self.wait_seconds = int(wait)
        self.retry_at = (service.now() + timedelta(seconds=int(wait))).astimezone(domain.TZ).strftime("%H:%M:%S")
        return True


class PublicRegistrationState(PublicActivityView):
    found: bool = False
    loaded: bool = False
    closed_reason: list[str] = []
    form: dict[str, str] = dict(_BLANK)
    consent: bool = False
    errors: dict[str, list[str]] = {}
    outcome: str = ""  # registered or waitlisted (services.registrations.PublicAnswer)
    full: bool = False  # every seat taken: a registration now goes on the waiting list
    activity_ref: str = ""  # the activity's id, for its calendar file

    def load_public(self):
        """on_load of /aanmelden/[public_activity_id]."""
        self.loaded = False
        self.form, self.consent, self.errors, self.outcome = dict(_BLANK), False, {}, ""
        if self._limited():  # every public page and action shares the rate limit
            self.found, self.loaded = False, True
            return
        try:
            activity = service.get_public(str(getattr(self, PUBLIC_ARG) or ""))
        except NotFound:
            self.found, self.loaded = False, True
            return
        self._show_activity(activity)
        self.activity_ref = activity["id"]
        self.full = domain.is_full(activity)
        reason = domain.registration_closed_reason(activity, service.now())
        self.closed_reason = list(reason.texts()) if reason else []
        self.found, self.loaded = True, True

    def set_public_value(self, field: str, value: str):
        if field in _BLANK:
            self.form[field] = value
            self.errors.pop(field, None)

    def set_consent(self, checked: bool):
        self.consent = bool(checked)
        self.errors.pop("consent", None)

    def submit_registration(self):
        if self._limited():
            return None  # the page says when to try again; what was typed stays
        raw = dict(self.form, consent=self.consent)
        try:
            answer = reg_service.answer_public(str(getattr(self, PUBLIC_ARG) or ""), raw, via="public")
        except ValidationError as exc:
            self.errors = errors_from(exc)
            if "activity" in exc.errors:
                return rx.toast.error(exc.errors["activity"].text(self.lang), close_button=True)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        except NotFound:
            self.found = False
            return None
        self.outcome = answer.outcome  # the personal link goes by email, as the page says
        return None


class MyRegistrationState(PublicActivityView):
    loaded: bool = False
    state: str = ""          # ok, missing, expired
    status: str = ""
    attendance: str = ""
    email: str = ""
    form: dict[str, str] = dict(_CHANGES)
    errors: dict[str, list[str]] = {}
    token_ref: str = ""  # the personal token, for this registration's calendar file

    def _token(self) -> str:
        return str(getattr(self, TOKEN_ARG) or "")

    def _show_mine(self, registration: dict, activity: dict) -> None:
        self._show_activity(activity)
        self.status = registration.get("status") or ""
        self.attendance = registration.get("attendance") or ""
        self.email = registration.get("email") or ""
        self.form = {k: registration.get(k) or "" for k in _CHANGES}
        self.token_ref = self._token()
        self.state = "ok"

    def load_mine(self):
        """on_load of /aanmelding/[reg_token]."""
        self.loaded, self.errors = False, {}
        if self._limited():
            self.state, self.loaded = "limited", True
            return
        self._through_link(lambda token: None)
        self.loaded = True

    def _through_link(self, change) -> bool:
        """``change(token)``, then the registration as it is now; False, with the page saying
        why, when the personal link leads to no registration (any more) or has expired."""
        try:
            change(self._token())
            self._show_mine(*reg_service.view_by_token(self._token()))
        except NotFound:
            self.state = "missing"
            return False
        except reg_service.LinkExpired:
            self.state = "expired"
            return False
        return True

    def set_mine_value(self, field: str, value: str):
        if field in self.form:
            self.form[field] = value
            self.errors.pop(field, None)

    def send_changes(self):
        if self._limited():
            return rx.toast.error(self.ui_text("pub.limited").format(time=self.retry_at), close_button=True)
        try:
            if not self._through_link(lambda token: reg_service.change_by_token(token, dict(self.form))):
                return None
        except ValidationError as exc:
            self.errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        return rx.toast.success(self.ui_text("mine.saved"))

    def withdraw(self):
        """Cancel through the personal link; the seat goes to the waiting list."""
        if self._limited():
            return rx.toast.error(self.ui_text("pub.limited").format(time=self.retry_at), close_button=True)
        if not self._through_link(reg_service.cancel_by_token):
            return None
        return rx.toast.success(self.ui_text("mine.cancelled"))
