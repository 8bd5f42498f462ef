"""Every event handler of every state, found by walking the state tree (not a hand-written
list of pages), either checks a permission on the server (``@requires``) or is one of the
few that only change what is on screen for this browser (a draft, a dialog, the language)
or that sign in and out. A new handler that touches the store without ``@requires`` fails
here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import lo_network.states
from lo_network.states.session import SessionState

# handlers that read and write nothing but this browser's own state; what they prepare is
# saved only through a guarded handler
SCREEN_ONLY = {
    "SessionState": {"set_language"},
    "LoginState": {"open", "login"},  # before sign-in: the login page itself
    "UsersState": {"set_new_role"},
    "OrganisationState": {"set_value", "toggle_theme", "start_edit"},
    "PersonState": {"set_value", "set_job_value", "start_edit", "pick_organisation", "clear_organisation",
                    "open_job", "set_job_open", "set_end_current"},
    "LinksState": {"open_link", "set_dialog_open", "set_link_value", "pick_other", "clear_other"},
    "DuplicatesState": {"choose", "close_pair"},
    "IntroductionsState": {"pick_start", "pick_target", "clear_start", "clear_target"},
    "EcosystemState": {"engine_stopped", "layout_done"},  # the layout came to rest: lets clicks count
    "MapTableState": {"set_table_open"},  # shows the map's own data as a table
    "ActivityState": {"set_activity_value", "toggle_theme", "pick_organiser", "drop_organiser", "start_edit"},
    "ActivityRegistrations": {"choose_person", "unchoose_person", "drop_refused"},  # the people to register
    "ActivityProject": {"pick_partner", "set_partner_role", "set_milestone_value"},  # a partner's, a milestone's draft
    "CheckInState": {"set_walk_in"},
    "PublicRegistrationState": {"set_public_value", "set_consent"},
    "MyRegistrationState": {"set_mine_value"},
    "AuditState": {"search", "set_entity", "set_action"},  # build the search URL; its on_load checks
    "PersonPrivacyState": {"set_consent_value", "set_erase_step", "set_erase_confirm"},  # drafts
    "FollowUpNotesState": {"set_note_value"},  # a follow-up note's draft
    "GrantsState": {"set_grant_value"},  # a grant's draft (add checks EDIT_BUDGET)
    "FollowUpState": {"open_note", "set_note_open", "set_note_value"},  # the quick note dialog
    # the selection and the dialog (erase_selected checks), the period's URL (load checks)
    "RetentionState": {"toggle", "select_all", "set_step", "set_confirm", "set_years"},
}
# the public pages (no account): the service checks that the activity is public and open,
# the rate limit per address, and the personal token of a registration
PUBLIC = {
    "PublicRegistrationState": {"load_public", "submit_registration"},
    "MyRegistrationState": {"load_mine", "send_changes", "withdraw"},
}
SIGN_OUT = {"SessionState": {"logout"}}  # ends this browser's own session
REFLEX_BUILT_IN = {"setvar"}  # Reflex's own setter of public vars (no store access)


def all_states() -> list[type]:
    for module in pkgutil.iter_modules(lo_network.states.__path__):
        importlib.import_module(f"lo_network.states.{module.name}")
    found, todo = [], [SessionState]
    while todo:
        state = todo.pop()
        found.append(state)
        todo.extend(state.get_substates())
    return found


def test_the_walk_finds_every_page_state():
    names = {state.__name__ for state in all_states()}
    assert {"OrganisationsState", "OrganisationState", "PeopleState", "PersonState", "UsersState",
            "LoginState", "LinksState", "DuplicatesState", "IntroductionsState", "EcosystemState",
            "ActivitiesState", "ActivityState", "ActivityRegistrations", "ActivityProject", "CheckInState", "PublicRegistrationState",
            "AuditState", "HistoryState", "PersonPrivacyState"} <= names


def test_every_handler_is_guarded_or_screen_only():
    unguarded = []
    for state in all_states():
        exempt = (SCREEN_ONLY.get(state.__name__, set()) | SIGN_OUT.get(state.__name__, set())
                  | PUBLIC.get(state.__name__, set()) | REFLEX_BUILT_IN)
        for name, handler in state.event_handlers.items():
            if getattr(handler.fn, "lo_permission", None) is None and name not in exempt:
                unguarded.append(f"{state.__name__}.{name}")
    assert unguarded == []


def test_screen_only_handlers_do_not_reach_the_store():
    """Their code names no service, store or driver (so the exemption stays honest)."""
    for state in all_states():
        for name in SCREEN_ONLY.get(state.__name__, set()) - {"open", "login"}:
            source = inspect.getsource(state.event_handlers[name].fn)
            for word in ("service.", "store.", "driver.", "organisation_service."):
                assert word not in source, f"{state.__name__}.{name} uses {word}"
