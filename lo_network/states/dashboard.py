"""/dashboard: the steering group's figures of network growth and participation,
and /dashboard/kwartaal, the printable quarterly report. Read-only: every handler checks
VIEW on the server. The period and filters live in the URL (bookmarkable); ``load`` reads
them, ``apply`` builds the URL from the form."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

import reflex as rx

from lo_network.domain import budget as money
from lo_network.domain import kpis as domain
from lo_network.domain import vocab
from lo_network.domain.activities import KINDS as ACTIVITY_KINDS
from lo_network.domain.activities import to_local
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import kpis as service
from lo_network.states.downloads import sheet_download
from lo_network.states.form_values import errors_from
from lo_network.states.session import SessionState, requires

ROUTE = "/dashboard"
QUARTER_ROUTE = "/dashboard/kwartaal"
# URL parameter -> the service's name
PARAMS = {"van": "from", "tot": "to", "per": "grain", "regio": "region", "thema": "theme", "soort": "kind"}

# chart key -> (file stem, columns of its download: (data key, Dutch header))
CHARTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "size": ("netwerkomvang", [("period", "Periode"), ("prospect", "Prospect"), ("participant", "Deelnemer"),
                               ("partner", "Partner")]),
    "moves": ("nieuw-en-verloren", [("period", "Periode"), ("new", "Nieuw"), ("lost", "Verloren")]),
    "participation": ("deelname", [("period", "Periode"), ("activities", "Activiteiten"),
                                   ("registrations", "Aanmeldingen"), ("present", "Aanwezig"),
                                   ("no_shows", "Niet verschenen"), ("attendance_pct", "Opkomst %"),
                                   ("no_show_pct", "Niet verschenen %")]),
    "reach": ("bereik", [("period", "Periode"), ("unique_organisations", "Organisaties bereikt"),
                         ("first_time", "Voor het eerst"), ("repeat_pct", "Herhaalde deelname %")]),
    "by_region": ("omvang-per-regio", [("nl", "Regio"), ("prospect", "Prospect"), ("participant", "Deelnemer"),
                                       ("partner", "Partner")]),
    "by_kind": ("omvang-per-soort", [("nl", "Soort"), ("prospect", "Prospect"), ("participant", "Deelnemer"),
                                     ("partner", "Partner")]),
    "by_theme": ("omvang-per-thema", [("nl", "Thema"), ("prospect", "Prospect"), ("participant", "Deelnemer"),
                                      ("partner", "Partner")]),
    "by_class": ("bedrijven-per-grootteklasse", [("nl", "Grootteklasse"), ("prospect", "Prospect"),
                                                 ("participant", "Deelnemer"), ("partner", "Partner")]),
    "acts_kind": ("activiteiten-per-soort", [("nl", "Soort"), ("activities", "Activiteiten"),
                                             ("registrations", "Aanmeldingen"), ("present", "Aanwezig")]),
    "acts_theme": ("activiteiten-per-thema", [("nl", "Thema"), ("activities", "Activiteiten"),
                                              ("registrations", "Aanmeldingen"), ("present", "Aanwezig")]),
    "funnel": ("trechter", [("nl", "Trede"), ("count", "Organisaties"), ("conversion_pct", "Conversie %")]),
    "funnel_region": ("trechter-per-regio", [("nl", "Regio"), ("known", "Bekend"), ("attended_once", "Eén keer"),
                                             ("attended_again", "Opnieuw"), ("project_partner", "Projectpartner"),
                                             ("network_partner", "Partner")]),
    "funnel_theme": ("trechter-per-thema", [("nl", "Thema"), ("known", "Bekend"), ("attended_once", "Eén keer"),
                                            ("attended_again", "Opnieuw"), ("project_partner", "Projectpartner"),
                                            ("network_partner", "Partner")]),
    "lines": ("activiteitenlijnen", [("nl", "Activiteitenlijn"), ("activities", "Activiteiten"),
                                     ("activity_pct", "Activiteiten %"), ("present", "Aanwezig"),
                                     ("present_pct", "Aanwezig %"), ("target_pct", "Begroot %")]),
    "budget": ("begroting-per-lijn", [("nl", "Activiteitenlijn"), ("target", "Begroot (EUR)"),
                                      ("planned", "Gepland (EUR)"), ("spent", "Besteed (EUR)"),
                                      ("spent_pct", "Besteed % van begroot")]),
    "budget_years": ("begroting-per-lijn-en-jaar", [("year", "Jaar"), ("nl", "Activiteitenlijn"),
                                                    ("target", "Begroot (EUR)"), ("planned", "Gepland (EUR)"),
                                                    ("spent", "Besteed (EUR)"),
                                                    ("spent_pct", "Besteed % van begroot")]),
    "shape": ("netwerkvorm", [("period", "Maand"), ("density", "Dichtheid"), ("largest_pct", "Grootste deel %"),
                              ("cross_region_links", "Relaties tussen regio's"),
                              ("cross_theme_links", "Relaties tussen thema's")]),
    "first_time": ("nieuwe-deelnemers-per-activiteit", [("activity", "Activiteit"), ("first_time", "Voor het eerst")]),
}
# every key the pages read from ``charts`` (the downloadable charts and the budget's total line):
# empty, not missing, when the URL's choice is refused, so the page shows "no data" and the errors
EMPTY_CHARTS: dict[str, list] = {key: [] for key in (*CHARTS, "budget_total")}
NONE_LINE = ("Zonder lijn", "No line")
UNKNOWN_SIZE = ("Onbekend", "Unknown")  # companies without a known size class


def _pct(value: Any) -> float:
    return round(float(value or 0) * 100, 1)


def _words(words: dict[str, tuple[str, str]], value: str) -> dict[str, str]:
    pair = words.get(value, (value, value))
    return {"nl": pair[0], "en": pair[1]}


def default_range(today: date) -> tuple[str, str]:
    """The last twelve months, this one included."""
    y, m = today.year, today.month - 11
    if m <= 0:
        y, m = y - 1, m + 12
    return f"{y}-{m:02d}", f"{today.year}-{today.month:02d}"


def chart_rows(out: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The service's figures as the charts' rows (both languages' labels; percentages 0-100)."""
    series = out["series"]
    tables: dict[str, list[dict[str, Any]]] = {
        "size": [{"period": r["period"], "prospect": r["size_prospect"], "participant": r["size_participant"],
                  "partner": r["size_partner"], "source": r["source"]} for r in series],
        "moves": [{"period": r["period"], "new": r["new"], "lost": r["lost"]} for r in series],
        "participation": [{"period": r["period"], "activities": r["activities"], "registrations": r["registrations"],
                           "present": r["present"], "no_shows": r["no_shows"],
                           "attendance_pct": _pct(r["attendance_rate"]), "no_show_pct": _pct(r["no_show_rate"])}
                          for r in series],
        "reach": [{"period": r["period"], "unique_organisations": r["unique_organisations"],
                   "first_time": r["first_time"], "repeat_pct": _pct(r["repeat_share"])} for r in series],
    }
    for key, source, words in (("by_region", "size_by_region", domain.REGION_GROUPS),
                               ("by_kind", "size_by_kind", vocab.KINDS), ("by_theme", "size_by_theme", vocab.THEMES),
                               ("by_class", "size_by_class",
                                dict(vocab.SIZE_CLASSES, **{domain.UNKNOWN_SIZE: UNKNOWN_SIZE}))):
        tables[key] = [dict(_words(words, v), **out[source].get(v, {s: 0 for s in domain.SIZE_STATUSES}))
                       for v in words]
    for key, source, words in (("acts_kind", "activities_by_kind", ACTIVITY_KINDS),
                               ("acts_theme", "activities_by_theme", vocab.THEMES)):
        tables[key] = [dict(_words(words, v), **counts) for v, counts in out[source].items()]
    tables["funnel"] = [dict(_words(domain.FUNNEL_STEPS, s["step"]), count=s["count"],
                             conversion_pct=_pct(s["conversion"])) for s in out["funnel"]]
    for key, source, words in (("funnel_region", "funnel_by_region", domain.REGION_GROUPS),
                               ("funnel_theme", "funnel_by_theme", vocab.THEMES)):
        tables[key] = [dict(_words(words, v), **{s["step"]: s["count"] for s in steps})
                       for v, steps in out[source].items()]
    lines_words = dict(vocab.PROGRAMME_LINES, none=NONE_LINE)
    tables["lines"] = [dict(_words(lines_words, r["line"]), activities=r["activities"], present=r["present"],
                            activity_pct=_pct(r["activity_share"]), present_pct=_pct(r["present_share"]),
                            target_pct=_pct(r["target"])) for r in out["lines"]]
    tables["budget"], tables["budget_years"], tables["budget_total"] = budget_rows(out["budget"])
    now = out["shape"]["now"]
    history = [dict(h) for h in out["shape"]["history"]]
    history.append({"period": out["range"]["to"] + " (nu)", **{k: now.get(k) for k in service.SHAPE_KEYS}})
    # density and largest share stay empty (a gap in the line) in months nobody measured
    tables["shape"] = [{"period": h["period"],
                        "density": None if h.get("density") is None else round(float(h["density"]), 4),
                        "largest_pct": None if h.get("largest_share") is None else _pct(h["largest_share"]),
                        "cross_region_links": int(h.get("cross_region_links") or 0),
                        "cross_theme_links": int(h.get("cross_theme_links") or 0)} for h in history]
    tables["first_time"] = out["first_time_activities"]
    return tables


def budget_rows(figures: dict[str, Any]) -> tuple[list[dict[str, Any]], ...]:
    """The budget lens's rows: per line, per year and line, and the programme's total (one
    row, with its years in ``period``). Amounts in euros as numbers
    (charts, downloads) and as text in both languages (``target_nl``, ``spent_en``, ...)."""
    words = dict(vocab.PROGRAMME_LINES, none=NONE_LINE)

    def row(r: dict[str, Any]) -> dict[str, Any]:
        out = dict(_words(words, r["line"]), line=r["line"], spent_pct=round(r["spent"] / r["target"] * 100, 1)
                   if r["target"] else 0.0)
        for key in ("target", "planned", "spent"):
            euros = r[key] / 100
            out[key] = euros
            out[f"{key}_nl"], out[f"{key}_en"] = money.format_eur(euros, "nl"), money.format_eur(euros, "en")
        return out

    lines = [row(r) for r in figures["lines"]]
    first, last = figures["range"]
    total = dict(row({"line": "total", **figures["total"]}), nl="Totaal", en="Total", period=f"{first}–{last}")
    years = [dict(row(r), year=str(r["year"])) for r in figures["years"]]
    return lines, years, [total]


RATES = ("attendance_rate", "no_show_rate", "repeat_share")  # cards shown as whole percentages
COUNTS = ("total", "prospect", "participant", "partner", "new", "lost", "activities", "registrations",
          "unique_organisations", "first_time")


def card_values(out: dict[str, Any]) -> dict[str, float]:
    """The figures of the cards (rates as percentages); the page writes them (i18n.number_var)."""
    c = out["cards"]
    return {**{k: c[k] for k in COUNTS}, **{k: round(_pct(c[k])) for k in RATES}}


def download_bytes(rows: list[dict[str, Any]], key: str, fmt: str) -> tuple[str, bytes]:
    from lo_network.domain.sheets import write_table

    stem, columns = CHARTS[key]
    data = write_table([h for _, h in columns], ([r.get(c, "") for c, _ in columns] for r in rows), fmt)
    return f"{stem}-{date.today().isoformat()}.{fmt}", data


class DashboardState(SessionState):
    params: dict[str, str] = {}
    form_key: int = 0
    errors: dict[str, list[str]] = {}
    loaded: bool = False
    cards: dict[str, float] = {}
    charts: dict[str, list[dict[str, Any]]] = {}
    live_months: int = 0
    snapshot_months: int = 0
    as_of: str = ""  # when the figures were read from the graph (local time)
    month_options: list[dict[str, str]] = []  # the "from" and "to" choices (domain.month_choices)

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /dashboard?van=jjjj-mm&tot=jjjj-mm&per=month|quarter|year&regio=&thema=&soort="""
        query = self.router.url.query_parameters
        first, last = default_range(service.today_local())
        self.params = {"van": str(query.get("van") or first)[:7], "tot": str(query.get("tot") or last)[:7],
                       "per": str(query.get("per") or "month")[:8],
                       **{k: str(query.get(k) or "")[:40] for k in ("regio", "thema", "soort")}}
        self.month_options = domain.month_choices(service.today_local(), self.params["van"], self.params["tot"])
        self.form_key += 1
        self._compute(fresh=False)

    @requires(Permission.VIEW)
    def refresh(self):
        """"Vernieuwen": the same choice with facts read from the graph now."""
        self._compute(fresh=True)

    def _compute(self, fresh: bool) -> None:
        self.loaded = False
        self.errors = {}
        try:
            out = service.dashboard(self.signed_in_actor(), self.params.get("van", ""), self.params.get("tot", ""),
                                    self.params.get("per", "month"),
                                    {"region": self.params.get("regio", ""), "theme": self.params.get("thema", ""),
                                     "kind": self.params.get("soort", "")}, fresh=fresh)
        except ValidationError as exc:  # a hand-made URL
            self.errors = errors_from(exc)
            self.cards, self.charts = {}, dict(EMPTY_CHARTS)
            self.loaded = True
            return
        self.cards = card_values(out)
        self.charts = chart_rows(out)
        self.live_months = sum(1 for s in out["sources"].values() if s == "live")
        self.snapshot_months = sum(1 for s in out["sources"].values() if s == "snapshot")
        self.as_of = to_local(out["as_of"]).strftime("%H:%M")
        self.loaded = True

    @requires(Permission.VIEW)
    def apply(self, form_data: dict):
        """The period and filter form: go to the URL of that choice (load reads it)."""
        chosen = {k: str(form_data.get(k) or "").strip()[:40] for k in PARAMS}
        chosen = {k: ("" if v == "all" else v) for k, v in chosen.items()}
        return rx.redirect(f"{ROUTE}?{urlencode({k: v for k, v in chosen.items() if v})}")

    @requires(Permission.VIEW)
    def download(self, key: str, fmt: str):
        """One chart's data as CSV or XLSX (the figures on screen)."""
        if key not in CHARTS or fmt not in ("csv", "xlsx"):
            return rx.toast.error(self.ui_text("dash.bad_download"))
        return sheet_download(*download_bytes(self.charts.get(key, []), key, fmt))


def quarter_of(text: str, today: date) -> tuple[date, date, str]:
    """'2026-K3' (or '' = the last finished quarter) -> (first month, last month, label)."""
    try:
        year, q = str(text).upper().split("-K")
        y, n = int(year), int(q)
        if not 1 <= n <= 4:
            raise ValueError
    except ValueError:
        q0 = (today.month - 1) // 3  # this quarter, 0-based; the last finished one is q0 - 1
        y, n = (today.year, q0) if q0 > 0 else (today.year - 1, 4)
    first = date(y, (n - 1) * 3 + 1, 1)
    return first, date(y, (n - 1) * 3 + 3, 1), f"{y}-K{n}"


class QuarterState(SessionState):
    """/dashboard/kwartaal?kwartaal=jjjj-Kn: the printable quarterly report."""

    quarter: str = ""
    quarters: list[str] = []
    loaded: bool = False
    cards: dict[str, float] = {}
    previous: dict[str, float] = {}
    charts: dict[str, list[dict[str, Any]]] = {}
    source: str = ""

    @requires(Permission.VIEW)
    def load_quarter(self):
        today = service.today_local()
        first, last, label = quarter_of(str(self.router.url.query_parameters.get("kwartaal") or ""), today)
        self.quarter = label
        self.quarters = []
        y, n = today.year, (today.month - 1) // 3 + 1
        for _ in range(8):
            self.quarters.append(f"{y}-K{n}")
            y, n = (y, n - 1) if n > 1 else (y - 1, 4)
        self.loaded = False
        actor = self.signed_in_actor()
        fmt = lambda d: f"{d.year}-{d.month:02d}"  # noqa: E731
        out = service.dashboard(actor, fmt(first), fmt(last), "month", {})
        self.cards, self.charts = card_values(out), chart_rows(out)
        self.source = "snapshot" if all(s == "snapshot" for s in out["sources"].values()) else "live"
        prev_first = date(first.year - (first.month == 1), (first.month - 4) % 12 + 1, 1)
        prev_last = date(prev_first.year, prev_first.month + 2, 1)
        try:
            self.previous = card_values(service.dashboard(actor, fmt(prev_first), fmt(prev_last), "month", {}))
        except ValidationError:
            self.previous = {}
        self.loaded = True

    @requires(Permission.VIEW)
    def choose(self, quarter: str):
        return rx.redirect(f"{QUARTER_ROUTE}?{urlencode({'kwartaal': quarter})}")
