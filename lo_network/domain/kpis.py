"""The steering group's measures of network growth and participation, defined once.

Plain functions on small fact tables (pandas DataFrames) that the graph returns:

- ``orgs``: one row per organisation: id, kind, region, themes (list), status, status_log
  (list of "yyyy-mm-dd:status", oldest first: the history of its network status),
  size_class (a company's size class, "unknown" when not known);
- ``acts``: one row per activity: id, kind, themes (list), line (programme line), day
  (its start as a local date);
- ``regs``: one row per registration: activity_id, organisation_id (or None), status,
  attendance;
- ``partners``: one row per organisation that is partner in a living lab or project:
  organisation_id, activity_id.

Each measure has a Dutch and English description in ``MEASURES``; the dashboard shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable

import pandas as pd

from lo_network.domain import budget, vocab
from lo_network.messages import msg, vocabulary

# ---------------------------------------------------------------- vocabularies
# The programme's three activity lines (the glossary's "activiteitenlijn") and their target split.
PROGRAMME_LINES = vocab.PROGRAMME_LINES
LINE_TARGETS: dict[str, float] = budget.LINE_SHARES

# The dashboard's four regions: the three port regions and everything else.
REGION_GROUPS: dict[str, tuple[str, str]] = vocabulary("vocab.region_group", (
    "deventer", "twente", "zwolle", "other"))
ACTIVE = ("participant", "partner")  # in the network
SIZE_STATUSES = ("prospect", "participant", "partner")
GRAINS: dict[str, tuple[str, str]] = vocabulary("vocab.grain", ("month", "quarter", "year"))
FUNNEL_STEPS: dict[str, tuple[str, str]] = vocabulary("vocab.funnel_step", (
    "known", "attended_once", "attended_again", "project_partner", "network_partner"))
SEATED = ("registered", "walk_in")  # registrations that count (not cancelled, not waiting)


def region_group(region: object) -> str:
    return region if region in ("deventer", "twente", "zwolle") else "other"


@dataclass(frozen=True)
class Measure:
    key: str
    nl: str
    en: str
    about_nl: str
    about_en: str


MEASURES: dict[str, Measure] = {m.key: m for m in (
    Measure("network_size", "Netwerkomvang", "Network size",
            "Aantal organisaties per netwerkstatus (prospect, deelnemer, partner) op de laatste dag van de "
            "periode, volgens de statusgeschiedenis van elke organisatie.",
            "Organisations per network status (prospect, participant, partner) on the last day of the period, "
            "from each organisation's status history."),
    Measure("size_by_class", "Bedrijven per grootteklasse", "Companies by size class",
            "Aantal bedrijven per grootteklasse (micro 1–9, klein 10–49, middelgroot 50–249, groot 250+ "
            "medewerkers) en netwerkstatus op de laatste dag van de periode; bedrijven zonder bekende "
            "grootte tellen apart als onbekend.",
            "Companies per size class (micro 1–9, small 10–49, medium 50–249, large 250+ employees) and "
            "network status on the last day of the period; companies whose size is not known count "
            "separately as unknown."),
    Measure("new", "Nieuw", "New",
            "Organisaties die in de periode deelnemer of partner werden, terwijl ze dat daarvoor niet waren "
            "(nieuw, prospect of oud-deelnemer). Een nieuwe organisatie die meteen deelnemer is, telt mee.",
            "Organisations that became participant or partner in the period without being one before "
            "(new, prospect or former). A new organisation that starts as participant counts."),
    Measure("lost", "Verloren", "Lost",
            "Organisaties die in de periode van deelnemer of partner naar oud-deelnemer of prospect gingen.",
            "Organisations that went from participant or partner to former or prospect in the period."),
    Measure("activities", "Activiteiten gehouden", "Activities held",
            "Activiteiten die in de periode begonnen (en niet in de toekomst liggen).",
            "Activities that started in the period (not in the future)."),
    Measure("registrations", "Aanmeldingen", "Registrations",
            "Aanmeldingen voor de gehouden activiteiten: aangemeld of zonder aanmelding binnen "
            "(geen afmeldingen, geen wachtlijst).",
            "Registrations for the activities held: registered or walk-in (no cancellations, no waiting list)."),
    Measure("attendance_rate", "Opkomst", "Attendance rate",
            "Aanwezigen gedeeld door aanmeldingen bij de gehouden activiteiten.",
            "Present divided by registrations at the activities held."),
    Measure("no_show_rate", "Niet verschenen", "No-show rate",
            "Als niet verschenen gemarkeerd gedeeld door aanmeldingen bij de gehouden activiteiten.",
            "Marked no-show divided by registrations at the activities held."),
    Measure("unique_organisations", "Organisaties bereikt", "Organisations reached",
            "Verschillende organisaties met minstens één aanwezige bij een activiteit in de periode.",
            "Distinct organisations with at least one person present at an activity in the period."),
    Measure("first_time", "Nieuwe deelnemers (bereik)", "First-time organisations (reach)",
            "Organisaties waarvan de eerste aanwezigheid ooit in de periode valt; per activiteit: de "
            "organisaties voor wie dit de eerste activiteit was.",
            "Organisations whose first attendance ever falls in the period; per activity: the organisations "
            "for which it was their first."),
    Measure("repeat_share", "Herhaalde deelname", "Repeat participation",
            "Deel van de bereikte organisaties dat tot het eind van de periode bij twee of meer "
            "verschillende activiteiten aanwezig was.",
            "Share of the organisations reached that attended two or more different activities up to the "
            "period's end."),
    Measure("funnel", "Betrokkenheidstrechter", "Engagement funnel",
            "Elke organisatie staat op de hoogste trede die ze bereikte: bekend → één keer deelgenomen → "
            "opnieuw deelgenomen → partner in een project of living lab → partner van het netwerk. Een trede "
            "telt de organisaties op die trede of hoger; conversie is een trede gedeeld door de vorige.",
            "Each organisation stands on the highest step it reached: known → attended once → attended again "
            "→ project / living-lab partner → partner of the network. A step counts the organisations on it "
            "or higher; conversion is a step divided by the one before."),
    Measure("network_shape", "Vorm van het netwerk", "Network shape",
            "Per maand het aantal relaties tussen organisaties uit verschillende regio's en zonder gedeeld "
            "thema (naar de begin- en einddatum van elke relatie); dichtheid en grootste verbonden deel uit de "
            "netwerkmaten op de pagina Makelaars en bruggen, alleen voor maanden waarin die gemeten zijn.",
            "Per month, the number of links between organisations of different regions and without a shared "
            "theme (by each link's start and end date); density and largest connected share from the network "
            "measures on the Brokers and bridges page, only for months in which they were measured."),
    Measure("budget", "Begroting per activiteitenlijn", "Budget per programme line",
            "Het programmabudget verdeeld over de lijnen (40% / 25% / 35%) en gelijk over de jaren, naast het "
            "geplande budget en de werkelijke kosten van de activiteiten en de subsidies aan organisaties, per "
            "lijn en jaar (jaar van de activiteit of van de subsidie). Het hele programma, los van periode en "
            "filters. Een activiteit zonder gekozen lijn telt bij de lijn van haar soort.",
            "The programme budget split over the lines (40% / 25% / 35%) and evenly over the years, next to the "
            "planned budget and realised cost of the activities and the grants to organisations, per line and "
            "year (the year of the activity or the grant). The whole programme, regardless of period and "
            "filters. An activity without a chosen line counts under its kind's line."),
    Measure("programme_lines", "Activiteitenlijnen", "Programme lines",
            "Deel van de gehouden activiteiten en van de aanwezigen per activiteitenlijn, naast de "
            "begrote verdeling 40% / 25% / 35%.",
            "Share of the activities held and of the people present per programme line, next to the "
            "budgeted split 40% / 25% / 35%."),
)}


# ---------------------------------------------------------------- periods
def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(first: date) -> date:
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_month(text: str) -> date:
    """'2026-03' -> date(2026, 3, 1); raises ValueError."""
    try:
        y, m = str(text).strip().split("-")[:2]
        return date(int(y), int(m), 1)
    except (ValueError, TypeError):
        raise ValueError(msg("kpis.month.invalid")) from None


def months(first: date, last: date) -> list[date]:
    """First days of every month from ``first``'s month to ``last``'s month."""
    out, cur = [], month_start(first)
    while cur <= last:
        out.append(cur)
        cur = month_end(cur) + timedelta(days=1)
    return out


MONTH_NAMES = (("januari", "January"), ("februari", "February"), ("maart", "March"), ("april", "April"),
               ("mei", "May"), ("juni", "June"), ("juli", "July"), ("augustus", "August"),
               ("september", "September"), ("oktober", "October"), ("november", "November"),
               ("december", "December"))
CHOOSABLE_YEARS = 6  # the dashboard's month choices: this year and the five before


def month_choices(today: date, *chosen: str) -> list[dict[str, str]]:
    """The months a period can start or end in, newest first, as {value: 'jjjj-mm', nl, en}:
    named in words, as the date fields elsewhere, not in the browser's own format. A month in
    ``chosen`` outside that span (a hand-made URL) is kept, so the form shows what was asked."""
    values = [f"{m.year}-{m.month:02d}" for m in months(date(today.year - CHOOSABLE_YEARS + 1, 1, 1), today)]
    values += [c for c in chosen if c and c not in values]
    out = []
    for value in sorted(set(values), reverse=True):
        try:
            first = parse_month(value)
        except ValueError:
            out.append({"value": value, "nl": value, "en": value})  # refused by the service, with its message
            continue
        nl, en = MONTH_NAMES[first.month - 1]
        out.append({"value": value, "nl": f"{nl} {first.year}", "en": f"{en} {first.year}"})
    return out


def period_label(first: date, grain: str) -> str:
    if grain == "year":
        return str(first.year)
    if grain == "quarter":
        return f"{first.year}-K{(first.month - 1) // 3 + 1}"
    return f"{first.year}-{first.month:02d}"


def periods(first: date, last: date, grain: str) -> list[tuple[str, date, date]]:
    """(label, first day, last day) of each month / quarter / year touching first..last."""
    out: list[tuple[str, date, date]] = []
    for m in months(first, last):
        if grain == "year":
            start, end = date(m.year, 1, 1), date(m.year, 12, 31)
        elif grain == "quarter":
            q0 = (m.month - 1) // 3 * 3 + 1
            start = date(m.year, q0, 1)
            end = month_end(date(m.year, q0 + 2, 1))
        else:
            start, end = m, month_end(m)
        if not out or out[-1][1] != start:
            out.append((period_label(start, grain), start, end))
    return out


# ---------------------------------------------------------------- frames
ORG_COLUMNS = ["id", "kind", "region", "themes", "status", "status_log", "size_class"]
UNKNOWN_SIZE = "unknown"  # a company without a (known) size class
ACT_COLUMNS = ["id", "kind", "themes", "line", "day"]
REG_COLUMNS = ["activity_id", "organisation_id", "status", "attendance"]
PARTNER_COLUMNS = ["organisation_id", "activity_id"]


def frame(rows: Iterable[dict[str, Any]] | dict[str, list], columns: list[str]) -> pd.DataFrame:
    """A fact table from its rows (dicts) or its columns (a dict of lists). Days become
    datetime64 values, so the measures compare whole columns at once rather than one date
    object at a time (a dashboard at 100,000 organisations makes hundreds of comparisons)."""
    df = pd.DataFrame(rows if isinstance(rows, dict) else list(rows), columns=columns)
    if df.empty:  # empty columns would be typed as numbers, and not join with the others
        df = pd.DataFrame(columns=columns)
    if "day" in df:
        df["day"] = pd.to_datetime(df["day"], errors="coerce")
    if "themes" in df:
        df["themes"] = df["themes"].map(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
    if "region" in df:
        df["region"] = df["region"].map(region_group)
    if "size_class" in df:
        df["size_class"] = df["size_class"].map(lambda v: v if v in vocab.SIZE_CLASSES else UNKNOWN_SIZE)
    return df


FAR = pd.Timestamp("2200-01-01")  # the "until" of an organisation's latest status: still holds
EVENT_COLUMNS = ["id", "org", "day", "status", "previous", "until"]


def at(day: date) -> pd.Timestamp:
    """A day as the fact tables hold days."""
    return pd.Timestamp(day)


def status_events(orgs: pd.DataFrame) -> pd.DataFrame:
    """One row per status change: id, org (the organisation's row label in ``orgs``), day,
    status, previous (None for the first) and until (the day of the organisation's next
    change, or FAR). Entries whose day is not a date are left out; each organisation's
    entries are taken in the order of their days."""
    logs = orgs["status_log"].map(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
    flat = pd.DataFrame({"id": orgs["id"].values, "log": logs.values}).explode("log").dropna(subset=["log"])
    if flat.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    parts = flat["log"].astype(str).str.partition(":")
    ev = pd.DataFrame({"id": flat["id"].values, "org": flat.index.values,
                       "day": pd.to_datetime(parts[0].values, format="%Y-%m-%d", errors="coerce"),
                       "status": parts[2].values})
    ev = ev.dropna(subset=["day"]).sort_values(["org", "day"], kind="stable")
    same_before = ev["org"].eq(ev["org"].shift(1))
    same_after = ev["org"].eq(ev["org"].shift(-1))
    ev["previous"] = ev["status"].shift(1).where(same_before, None)
    ev["until"] = ev["day"].shift(-1).where(same_after, FAR)
    ev["status"] = ev["status"].astype("category")  # counted and compared for every period
    return ev[EVENT_COLUMNS].reset_index(drop=True)


def filter_orgs(orgs: pd.DataFrame, filters: dict[str, str] | None) -> pd.DataFrame:
    """Organisations of the chosen region (group), theme and kind; '' = all."""
    f = filters or {}
    keep = pd.Series(True, index=orgs.index)
    if f.get("region"):
        keep &= orgs["region"] == f["region"]
    if f.get("kind"):
        keep &= orgs["kind"] == f["kind"]
    if f.get("theme"):
        keep &= orgs["themes"].map(lambda ts: f["theme"] in ts).astype(bool)
    return orgs[keep]


def filter_facts(orgs, acts, regs, partners, filters):
    """Apply the dashboard's filters once: organisations by region, theme and kind; activities
    by theme; registrations and partnerships to the chosen organisations when any
    organisation filter is set, and to the chosen activities."""
    f = filters or {}
    chosen = filter_orgs(orgs, f)
    if f.get("theme"):
        acts = acts[acts["themes"].map(lambda ts: f["theme"] in ts).astype(bool)]
    regs = regs[regs["activity_id"].isin(acts["id"])]
    if any(f.get(k) for k in ("region", "theme", "kind")):
        regs = regs[regs["organisation_id"].isin(chosen["id"])]
        partners = partners[partners["organisation_id"].isin(chosen["id"])]
    return chosen, acts, regs, partners


# ---------------------------------------------------------------- network size
def current_events(events: pd.DataFrame, day: date) -> pd.DataFrame:
    """The event that holds on ``day`` for each organisation known by then."""
    # each organisation's events cover consecutive spans [day, until): one holds ``day``
    day = at(day)
    return events[(events["day"] <= day) & (events["until"] > day)]


def status_on(events: pd.DataFrame, day: date) -> pd.Series:
    """Each organisation's status on ``day`` (organisations not yet known are left out)."""
    current = current_events(events, day)
    return pd.Series(current["status"].values, index=current["id"].values, dtype=object)


def network_size(events: pd.DataFrame, day: date) -> dict[str, int]:
    counts = current_events(events, day)["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in SIZE_STATUSES}


def new_and_lost(events: pd.DataFrame, start: date, end: date) -> dict[str, int]:
    inside = events[(events["day"] >= at(start)) & (events["day"] <= at(end))]
    was_in = inside["previous"].isin(ACTIVE)
    now_in = inside["status"].isin(ACTIVE)
    return {"new": int((now_in & ~was_in).sum()), "lost": int((was_in & ~now_in).sum())}


def size_by(orgs: pd.DataFrame, events: pd.DataFrame, day: date, dimension: str) -> dict[str, dict[str, int]]:
    """{value of region/kind/theme: {status: count}} on ``day`` (an organisation counts under each theme)."""
    current = current_events(events, day)
    current = current[current["status"].isin(SIZE_STATUSES) & current["org"].isin(orgs.index)]
    column = "themes" if dimension == "theme" else dimension
    joined = pd.DataFrame({column: orgs.loc[current["org"].values, column].values,
                           "now": current["status"].astype(object).values})
    if dimension == "theme":
        joined = joined.explode("themes").dropna(subset=["themes"]).rename(columns={"themes": "theme"})
    if joined.empty:
        return {}
    table = joined.groupby([dimension, "now"]).size()
    out: dict[str, dict[str, int]] = {}
    for (value, st), n in table.items():
        out.setdefault(str(value), {s: 0 for s in SIZE_STATUSES})[st] = int(n)
    return out


def size_by_class(orgs: pd.DataFrame, events: pd.DataFrame, day: date) -> dict[str, dict[str, int]]:
    """{size class or "unknown": {status: count}} of the companies on ``day``."""
    return size_by(orgs[orgs["kind"] == "company"], events, day, "size_class")


# ---------------------------------------------------------------- participation
def held(acts: pd.DataFrame, start: date, end: date, today: date) -> pd.DataFrame:
    return acts[(acts["day"] >= at(start)) & (acts["day"] <= at(min(end, today)))]


def attendance(acts: pd.DataFrame, regs: pd.DataFrame) -> pd.DataFrame:
    """Present registrations with their activity's day: organisation_id, activity_id, day."""
    present = regs[(regs["attendance"] == "present") & regs["status"].isin(SEATED) & regs["organisation_id"].notna()]
    return present.merge(acts[["id", "day"]], left_on="activity_id", right_on="id")[
        ["organisation_id", "activity_id", "day"]].drop_duplicates(["organisation_id", "activity_id"])


def first_attendance(att: pd.DataFrame) -> pd.DataFrame:
    """Each organisation's first activity attended: organisation_id, activity_id, day."""
    if att.empty:
        return att
    return att.sort_values(["day", "activity_id"]).drop_duplicates("organisation_id")


def participation(acts: pd.DataFrame, regs: pd.DataFrame, start: date, end: date, today: date,
                  att: pd.DataFrame | None = None) -> dict[str, Any]:
    """``att``: ``attendance(acts, regs)`` when the caller computed it already (same result)."""
    inside = held(acts, start, end, today)
    seated = regs[regs["activity_id"].isin(inside["id"]) & regs["status"].isin(SEATED)]
    n = len(seated)
    present = int((seated["attendance"] == "present").sum())
    no_show = int((seated["attendance"] == "no_show").sum())
    att = attendance(acts, regs) if att is None else att
    att = att[att["day"] <= at(min(end, today))]
    in_period = att[(att["day"] >= at(start)) & (att["day"] <= at(end))]
    reached = set(in_period["organisation_id"])
    first = first_attendance(att)
    first_in = first[(first["day"] >= at(start)) & (first["day"] <= at(end))]
    per_org = att.groupby("organisation_id")["activity_id"].nunique()
    repeat = sum(1 for o in reached if per_org.get(o, 0) >= 2)
    return {
        "activities": len(inside), "registrations": n, "present": present, "no_shows": no_show,
        "attendance_rate": round(present / n, 4) if n else 0.0,
        "no_show_rate": round(no_show / n, 4) if n else 0.0,
        "unique_organisations": len(reached), "first_time": len(first_in),
        "repeat_share": round(repeat / len(reached), 4) if reached else 0.0,
    }


def first_time_per_activity(acts: pd.DataFrame, regs: pd.DataFrame, start: date, end: date,
                            today: date) -> dict[str, int]:
    """activity id -> organisations for which it was their first activity attended."""
    first = first_attendance(attendance(acts[acts["day"] <= at(min(end, today))], regs))
    first = first[(first["day"] >= at(start)) & (first["day"] <= at(end))]
    return {str(k): int(v) for k, v in first.groupby("activity_id").size().items()}


def activities_by(acts: pd.DataFrame, regs: pd.DataFrame, start: date, end: date, today: date,
                  dimension: str) -> dict[str, dict[str, int]]:
    """{activity kind or theme: {activities, registrations, present}} for the activities held."""
    inside = held(acts, start, end, today)
    seated = regs[regs["activity_id"].isin(inside["id"]) & regs["status"].isin(SEATED)]
    per_act = seated.groupby("activity_id").agg(registrations=("status", "size"),
                                                present=("attendance", lambda s: int((s == "present").sum())))
    table = inside.set_index("id").join(per_act).fillna({"registrations": 0, "present": 0})
    if dimension == "theme":
        table = table.explode("themes").dropna(subset=["themes"]).rename(columns={"themes": "theme"})
    out: dict[str, dict[str, int]] = {}
    for value, group in table.groupby(dimension):
        out[str(value)] = {"activities": int(len(group)), "registrations": int(group["registrations"].sum()),
                           "present": int(group["present"].sum())}
    return out


# ---------------------------------------------------------------- funnel
def funnel_levels(orgs: pd.DataFrame, events: pd.DataFrame, acts: pd.DataFrame, regs: pd.DataFrame,
                  partners: pd.DataFrame, day: date, att: pd.DataFrame | None = None) -> pd.Series:
    """Each known organisation's highest funnel step (0 = known ... 4 = partner of the network)."""
    status = status_on(events, day)
    known = orgs[orgs["id"].isin(status.index)]
    att = attendance(acts, regs) if att is None else att
    att = att[att["day"] <= at(day)]
    count = att.groupby("organisation_id")["activity_id"].nunique()
    in_project = set(partners.merge(acts[acts["day"] <= at(day)][["id"]], left_on="activity_id",
                                    right_on="id")["organisation_id"])
    level = pd.Series(0, index=known["id"].values)
    attended = count.reindex(level.index).fillna(0)
    level[attended >= 1] = 1
    level[attended >= 2] = 2
    level[level.index.isin(list(in_project))] = 3
    level[(status.reindex(level.index) == "partner").values] = 4
    return level


def funnel(levels: pd.Series) -> list[dict[str, Any]]:
    """[{step, count, conversion}] with count = organisations on this step or higher."""
    out, prev = [], None
    for i, step in enumerate(FUNNEL_STEPS):
        n = int((levels >= i).sum())
        out.append({"step": step, "count": n,
                    "conversion": (round(n / prev, 4) if prev else 0.0) if prev is not None else 1.0})
        prev = n
    return out


def funnel_by(orgs: pd.DataFrame, levels: pd.Series, dimension: str) -> dict[str, list[dict[str, Any]]]:
    """The funnel per region (group) or theme."""
    table = orgs.set_index("id").join(levels.rename("level"), how="inner")
    if dimension == "theme":
        table = table.explode("themes").dropna(subset=["themes"]).rename(columns={"themes": "theme"})
    return {str(value): funnel(group["level"]) for value, group in table.groupby(dimension)}


# ---------------------------------------------------------------- programme lines
def programme_lines(acts: pd.DataFrame, regs: pd.DataFrame, start: date, end: date,
                    today: date) -> list[dict[str, Any]]:
    """Per line (and 'none' for untagged): activities and people present, their shares and the target."""
    inside = held(acts, start, end, today)
    present = regs[regs["activity_id"].isin(inside["id"]) & regs["status"].isin(SEATED)
                   & (regs["attendance"] == "present")]
    lines = pd.Series([budget.line_of(line, kind) for line, kind in zip(inside["line"], inside["kind"])],
                      index=inside.index, dtype=object)
    act_counts = lines.value_counts()
    per_act = present.groupby("activity_id").size()
    people = per_act.reindex(inside["id"]).fillna(0).groupby(lines.values).sum()
    total_a, total_p = len(inside), int(per_act.reindex(inside["id"]).fillna(0).sum())
    out = []
    for line in list(PROGRAMME_LINES) + ["none"]:
        a, p = int(act_counts.get(line, 0)), int(people.get(line, 0))
        if line == "none" and a == 0:
            continue
        out.append({"line": line, "activities": a, "present": p,
                    "activity_share": round(a / total_a, 4) if total_a else 0.0,
                    "present_share": round(p / total_p, 4) if total_p else 0.0,
                    "target": LINE_TARGETS.get(line, 0.0)})
    return out


# ---------------------------------------------------------------- network shape
def cross_links(rows: Iterable[dict[str, Any]], month: str | None = None) -> dict[str, int]:
    """From aggregate rows {region_a, region_b, themes_a, themes_b, from_month, to_month, links}:
    the links between organisations in ``month`` ('YYYY-MM'; None: every row), those between
    different regions (groups) and those without a shared theme. A link counts in a month when
    it began by then and had not ended before it (``to_month`` None or that month or later)."""
    total = cross_region = cross_theme = 0
    for r in rows:
        if month is not None and not ((r.get("from_month") or "") <= month
                                      and (r.get("to_month") is None or r["to_month"] >= month)):
            continue
        n = int(r.get("links") or 0)
        total += n
        if region_group(r.get("region_a")) != region_group(r.get("region_b")):
            cross_region += n
        if not set(r.get("themes_a") or []) & set(r.get("themes_b") or []):
            cross_theme += n
    return {"organisation_links": total, "cross_region_links": cross_region, "cross_theme_links": cross_theme}


# ---------------------------------------------------------------- all at once
def summary(orgs, acts, regs, partners, start: date, end: date, today: date,
            filters: dict[str, str] | None = None) -> dict[str, float]:
    """The flat figures of one period (what a snapshot stores per month and dimension)."""
    chosen, f_acts, f_regs, f_partners = filter_facts(orgs, acts, regs, partners, filters)
    events = status_events(chosen)
    day = min(end, today)
    out: dict[str, float] = {}
    for status, n in network_size(events, day).items():
        out[f"size_{status}"] = n
    out.update(new_and_lost(events, start, end))
    out.update(participation(f_acts, f_regs, start, end, today))
    for step in funnel(funnel_levels(chosen, events, f_acts, f_regs, f_partners, day)):
        out[f"funnel_{step['step']}"] = step["count"]
    for line in programme_lines(f_acts, f_regs, start, end, today):
        out[f"line_activities_{line['line']}"] = line["activities"]
        out[f"line_present_{line['line']}"] = line["present"]
    return out


def dimensions(filters: dict[str, str] | None) -> str:
    """The snapshot dimension of a filter: 'all', 'region:x', 'theme:x', 'kind:x'; '' when more
    than one filter is set (snapshots do not hold combinations: those are computed live)."""
    chosen = [(k, v) for k, v in (filters or {}).items() if v and k in ("region", "theme", "kind")]
    if not chosen:
        return "all"
    if len(chosen) > 1:
        return ""
    return f"{chosen[0][0]}:{chosen[0][1]}"


def snapshot_dimensions() -> list[dict[str, str]]:
    """The filters a monthly snapshot is stored for: all, each region group, theme and kind."""
    out: list[dict[str, str]] = [{}]
    out += [{"region": r} for r in REGION_GROUPS]
    out += [{"theme": t} for t in vocab.THEMES]
    out += [{"kind": k} for k in vocab.KINDS]
    return out
