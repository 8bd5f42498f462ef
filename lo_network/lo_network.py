"""The Reflex app: pages registered here, the REST API mounted under /api/v1."""

import reflex as rx
from granian.utils.proxies import wrap_asgi_with_proxy_headers

from lo_network.api.app import create_api
from lo_network.api.security import NoBareCredentials
from lo_network.api.upload_guard import UploadGuard
from lo_network.bootstrap import startup
from lo_network.components.layout import A11Y_SCRIPT, STATEMENT_ROUTE
from lo_network.i18n import page_title
from lo_network.pages.accessibility import accessibility_statement
from lo_network.pages.activities import activities
from lo_network.pages.activity import activity
from lo_network.pages.checkin import checkin
from lo_network.pages.duplicates import duplicates
from lo_network.pages.ecosystem import ecosystem
from lo_network.pages.imports import imports_page
from lo_network.pages.introductions import introductions
from lo_network.pages.login import login
from lo_network.pages.measures import measures
from lo_network.pages.name_list import name_list
from lo_network.pages.organisation import organisation
from lo_network.pages.organisations import organisations
from lo_network.pages.people import people
from lo_network.pages.person import person
from lo_network.pages.public_registration import my_registration, public_registration
from lo_network.pages.users import users
from lo_network.states.activities import ActivitiesState
from lo_network.states.activities import LIST_ROUTE as ACTIVITIES_ROUTE
from lo_network.states.activity import ActivityState
from lo_network.states.activity import NEW_ROUTE as NEW_ACTIVITY_ROUTE
from lo_network.states.activity import ROUTE_ARG as ACTIVITY_ARG
from lo_network.states.checkin import CheckInState
from lo_network.states.duplicates import DuplicatesState
from lo_network.states.ecosystem import EcosystemState
from lo_network.states.imports import ImportState
from lo_network.states.imports import ROUTE as IMPORT_ROUTE
from lo_network.states.introductions import IntroductionsState
from lo_network.states.links import LinksState
from lo_network.states.login import LoginState
from lo_network.states.measures import MeasuresState
from lo_network.states.name_list import NameListState
from lo_network.states.organisation_detail import NEW_ROUTE, ROUTE_ARG, OrganisationState
from lo_network.states.organisations import LIST_ROUTE, OrganisationsState
from lo_network.states.people import LIST_ROUTE as PEOPLE_ROUTE
from lo_network.states.people import PeopleState
from lo_network.states.person import NEW_ROUTE as NEW_PERSON_ROUTE
from lo_network.states.person import PersonState
from lo_network.states.person import ROUTE_ARG as PERSON_ARG
from lo_network.states.public_registration import (
    MINE_ROUTE, PUBLIC_ARG, PUBLIC_ROUTE, TOKEN_ARG, MyRegistrationState, PublicRegistrationState,
)
from lo_network.states.session import HOME_ROUTE, LOGIN_ROUTE
from lo_network.states.users import UsersState
from lo_network.states.history import HistoryState  # a record's audit history
from lo_network.states.followup_notes import FollowUpNotesState  # follow-up notes
from lo_network.states.grants import GrantsState
from lo_network.states.privacy import PersonPrivacyState  # consent, access request, erasure
from lo_network.pages.audit import audit
from lo_network.states.audit import AuditState

startup()

TRUSTED_PROXIES = ["127.0.0.1", "::1"]


class _App(rx.App):
    """rx.App with two layers around the whole backend (Reflex puts its own CORS layer
    around the API app, so they go here, not inside it):

    - the reverse proxy's ``X-Forwarded-For`` / ``X-Forwarded-Proto`` are believed from this
      machine (the app listens on 127.0.0.1 only, so a proxy is on it): redirects keep the
      page's https address, and the per-address limits (login, public pages and API) count
      each visitor, not the proxy (granian's own middleware, the server Reflex runs);
    - :class:`NoBareCredentials`."""

    def __call__(self):
        return wrap_asgi_with_proxy_headers(NoBareCredentials(super().__call__()), trusted_hosts=TRUSTED_PROXIES)


app = _App(
    # the API mounted over Reflex's routes, then the guard of the upload doors around both
    api_transformer=[create_api(), UploadGuard],
    html_lang="nl",  # the default; DocumentLanguage (components/layout.py) follows the chosen language
    stylesheets=["/accessibility.css", "/layout.css"],
    head_components=[rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
                     rx.script(A11Y_SCRIPT)],
)

app.add_page(rx.fragment(), route="/", title=page_title(""), on_load=rx.redirect(HOME_ROUTE))
app.add_page(accessibility_statement, route=STATEMENT_ROUTE, title=page_title("statement.title", "pub.site"))
app.add_page(login, route=LOGIN_ROUTE, title=page_title("login.title"), on_load=LoginState.open)
app.add_page(organisations, route=LIST_ROUTE, title=page_title("org.title"), on_load=OrganisationsState.load)
app.add_page(organisation, route=NEW_ROUTE, title=page_title("org.new"),
             on_load=OrganisationState.load_new)
app.add_page(organisation, route=f"{LIST_ROUTE}/[{ROUTE_ARG}]", title=page_title("tab.organisation"),
             on_load=[OrganisationState.load, LinksState.load_organisation, HistoryState.load_organisation,
                      FollowUpNotesState.load_organisation, GrantsState.load_organisation])
app.add_page(users, route="/gebruikers", title=page_title("users.title"), on_load=UsersState.load)
app.add_page(people, route=PEOPLE_ROUTE, title=page_title("person.title"), on_load=PeopleState.load)
app.add_page(person, route=NEW_PERSON_ROUTE, title=page_title("person.new"), on_load=PersonState.load_new)
app.add_page(person, route=f"{PEOPLE_ROUTE}/[{PERSON_ARG}]", title=page_title("tab.person"),
             on_load=[PersonState.load, LinksState.load_person, HistoryState.load_person, PersonPrivacyState.load])
app.add_page(duplicates, route="/dubbelen", title=page_title("dup.title"), on_load=DuplicatesState.load)
app.add_page(introductions, route="/voorstellen", title=page_title("intro.title"),
             on_load=IntroductionsState.load)
app.add_page(measures, route="/makelaars", title=page_title("measures.title"), on_load=MeasuresState.load)
app.add_page(ecosystem, route="/kaart", title=page_title("map.title"), on_load=EcosystemState.load)
app.add_page(imports_page, route=IMPORT_ROUTE, title=page_title("import.title"), on_load=ImportState.load)

app.add_page(activities, route=ACTIVITIES_ROUTE, title=page_title("act.title"), on_load=ActivitiesState.load)
app.add_page(activity, route=NEW_ACTIVITY_ROUTE, title=page_title("act.new"), on_load=ActivityState.load_new)
app.add_page(activity, route=f"{ACTIVITIES_ROUTE}/[{ACTIVITY_ARG}]", title=page_title("tab.activity"),
             on_load=[ActivityState.load, HistoryState.load_activity])
app.add_page(checkin, route=f"{ACTIVITIES_ROUTE}/[{ACTIVITY_ARG}]/inchecken", title=page_title("checkin.title"),
             on_load=CheckInState.load)
app.add_page(public_registration, route=f"{PUBLIC_ROUTE}/[{PUBLIC_ARG}]", title=page_title("tab.register", "pub.site"),
             on_load=PublicRegistrationState.load_public)
app.add_page(my_registration, route=f"{MINE_ROUTE}/[{TOKEN_ARG}]", title=page_title("mine.title", "pub.site"),
             on_load=MyRegistrationState.load_mine)

app.add_page(name_list, route=f"{ACTIVITIES_ROUTE}/[{ACTIVITY_ARG}]/naamlijst", title=page_title("tab.names"),
             on_load=NameListState.load_names)

app.add_page(audit, route="/audit", title=page_title("audit.title"), on_load=AuditState.load)

# The coordinators' follow-up lists
from lo_network.pages.followup import followup  # noqa: E402
from lo_network.states.followup import ROUTE as FOLLOWUP_ROUTE, FollowUpState  # noqa: E402

app.add_page(followup, route=FOLLOWUP_ROUTE, title=page_title("followup.title"), on_load=FollowUpState.load)
# The retention review (administrators)
from lo_network.pages.retention import retention  # noqa: E402
from lo_network.states.retention import ROUTE as RETENTION_ROUTE  # noqa: E402
from lo_network.states.retention import RetentionState  # noqa: E402

app.add_page(retention, route=RETENTION_ROUTE, title=page_title("retention.title"), on_load=RetentionState.load)
# The steering group's dashboard and its quarterly report
from lo_network.pages.dashboard import dashboard, quarter_report  # noqa: E402
from lo_network.states.dashboard import QUARTER_ROUTE as DASHBOARD_QUARTER_ROUTE  # noqa: E402
from lo_network.states.dashboard import ROUTE as DASHBOARD_ROUTE  # noqa: E402
from lo_network.states.dashboard import DashboardState, QuarterState  # noqa: E402

app.add_page(dashboard, route=DASHBOARD_ROUTE, title=page_title("tab.dashboard"), on_load=DashboardState.load)
app.add_page(quarter_report, route=DASHBOARD_QUARTER_ROUTE, title=page_title("tab.quarter"),
             on_load=QuarterState.load_quarter)
