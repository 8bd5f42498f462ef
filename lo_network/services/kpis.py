"""The steering group's dashboard figures and the monthly KPI snapshots.

The graph returns compact fact tables (store/kpis.py); the measures are computed by
domain/kpis.py; finished months are read from snapshots (SQL) when they exist, the current
month is always live."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pandas as pd

from lo_network import settings
from lo_network.domain import budget as money
from lo_network.domain import kpis as domain
from lo_network.domain.activities import TZ, to_local
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg, reason
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit
from lo_network.sqlstore import kpis as snapshot_store
from lo_network.sqlstore import measures as measures_store
from lo_network.sqlstore.models import KpiSnapshot
from lo_network.store import driver
from lo_network.store import kpis as store
from lo_network.store import organisations as org_store

ADDITIVE = ("new", "lost", "activities", "registrations", "present", "no_shows", "first_time")
SERIES_KEYS = ("size_prospect", "size_participant", "size_partner", "new", "lost", "activities", "registrations",
               "present", "no_shows", "attendance_rate", "no_show_rate", "unique_organisations", "first_time",
               "repeat_share")
SHAPE_KEYS = ("density", "largest_share", "organisation_links", "cross_region_links", "cross_theme_links")


class Facts:
    """The fact tables read from the graph once, as DataFrames."""

    def __init__(self, orgs, acts, regs, partners, link_rows, money=None, grants=None):
        self.orgs = domain.frame(orgs, domain.ORG_COLUMNS)
        for a in acts:
            local = to_local(a.get("starts_at").iso_format() if hasattr(a.get("starts_at"), "iso_format")
                             else a.get("starts_at"))
            a["day"] = local.date() if local else None
        self.acts = domain.frame(acts, domain.ACT_COLUMNS + ["title"])
        self.regs = domain.frame(regs, domain.REG_COLUMNS)
        self.partners = domain.frame(partners, domain.PARTNER_COLUMNS)
        self.link_rows = link_rows
        self.money = [{"line": a.get("line"), "kind": a.get("kind"), "planned": a.get("planned"),
                       "spent": a.get("spent"), "year": _local_year(a.get("starts_at"))} for a in money or []]
        self.money += [{"line": g.get("line"), "kind": None, "planned": g.get("amount"), "spent": g.get("amount"),
                        "year": g.get("year")} for g in grants or []]
        self.events = domain.status_events(self.orgs)
        self.read_at = datetime.now(timezone.utc)

    def titles(self) -> dict[str, str]:
        return dict(zip(self.acts["id"], self.acts["title"].fillna("")))


def _local_year(value) -> int | None:
    local = to_local(value.iso_format() if hasattr(value, "iso_format") else value)
    return local.year if local else None


def today_local() -> date:
    return datetime.now(TZ).date()


def read_facts(until: date) -> Facts:
    """Everything the measures need up to and including ``until`` (a local date)."""
    end = datetime.combine(until + timedelta(days=1), datetime.min.time(), tzinfo=TZ).astimezone(timezone.utc)
    until_iso = end.isoformat()

    def read(tx):
        return (store.organisations(tx), store.activities(tx, until_iso), store.registrations(tx, until_iso),
                store.partners(tx))

    def money(tx):
        return store.budget_activities(tx), store.grants(tx)

    # The links are counted in the graph (seconds at 300,000 links) while the organisations
    # travel: two transactions side by side. The link counts only feed the network's shape,
    # which no other figure is compared with, so they need not share the others' snapshot.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kpi-links") as pool:
        links = pool.submit(driver.read, store.link_groups, until.isoformat())
        orgs, acts, regs, partners = driver.read(read)
        budget_rows, grant_rows = driver.read(money)
        return Facts(orgs, acts, regs, partners, links.result(), budget_rows, grant_rows)


_cache_lock = threading.Lock()
_cache: dict[str, Any] = {}  # the latest facts: {"key": (until, graph version), "at": monotonic s, "facts": Facts}


def cached_facts(until: date, fresh: bool = False) -> Facts:
    """The facts up to ``until``, read again when the graph changed since they were read (by
    any worker or process: ``driver.version``), when they are older than
    ``LO_KPI_CACHE_SECONDS``, or when ``fresh``. Reading them is most of a dashboard's time
    (seconds at 100,000 organisations); another period or filter only recomputes the
    measures. One entry per worker (the latest), so memory stays bounded; the figures say
    when they were read (``as_of``). Shared read-only: the measures never change the frames
    they are given."""
    ttl = settings.get().kpi_cache_seconds
    key = (until, driver.version())  # before the read: a write during it makes the next view read again
    with _cache_lock:
        hit = _cache.get("latest")
    if hit and not fresh and hit["key"] == key and time.monotonic() - hit["at"] < ttl:
        return hit["facts"]
    facts = read_facts(until)
    with _cache_lock:
        _cache["latest"] = {"key": key, "at": time.monotonic(), "facts": facts}
    return facts


def _filtered(f: Facts, filters: dict[str, str]):
    chosen, acts, regs, partners = domain.filter_facts(f.orgs, f.acts, f.regs, f.partners, filters)
    events = f.events[f.events["org"].isin(chosen.index)] if len(chosen) != len(f.orgs) else f.events
    return chosen, acts, regs, partners, events


def month_summary(f: Facts, first: date, filters: dict[str, str], today: date) -> dict[str, float]:
    chosen, acts, regs, partners, events = _filtered(f, filters)
    end = domain.month_end(first)
    return _summary(chosen, acts, regs, partners, events, first, end, today, funnel=True)


def _summary(chosen, acts, regs, partners, events, start, end, today, *, funnel: bool = False,
             att=None) -> dict[str, float]:
    """A period's flat figures (domain.summary's, on prepared frames); the funnel only when
    asked (snapshots store it; the dashboard's series does not show it per month)."""
    day = min(end, today)
    att = domain.attendance(acts, regs) if att is None else att
    out: dict[str, float] = {}
    for status, n in domain.network_size(events, day).items():
        out[f"size_{status}"] = n
    out.update(domain.new_and_lost(events, start, end))
    out.update(domain.participation(acts, regs, start, end, today, att=att))
    if funnel:
        for step in domain.funnel(domain.funnel_levels(chosen, events, acts, regs, partners, day, att=att)):
            out[f"funnel_{step['step']}"] = step["count"]
    for line in domain.programme_lines(acts, regs, start, end, today):
        out[f"line_activities_{line['line']}"] = line["activities"]
        out[f"line_present_{line['line']}"] = line["present"]
    return out


def _check_filters(filters: dict[str, str]) -> dict[str, str]:
    from lo_network.domain import vocab

    allowed = {"region": domain.REGION_GROUPS, "theme": vocab.THEMES, "kind": vocab.KINDS}
    out, errors = {}, {}
    for key, words in allowed.items():
        value = (filters or {}).get(key) or ""
        if value and value not in words:
            errors[key] = msg("common.unknown_value")
        out[key] = value
    if errors:
        raise ValidationError(errors)
    return out


def _range(first_month: str, last_month: str, grain: str, today: date) -> tuple[date, date]:
    errors = {}
    try:
        first = domain.parse_month(first_month)
    except ValueError as exc:
        errors["from"], first = reason(exc), None
    try:
        last = domain.parse_month(last_month)
    except ValueError as exc:
        errors["to"], last = reason(exc), None
    if grain not in domain.GRAINS:
        errors["grain"] = msg("kpis.grain.choose")
    if first and last and last < first:
        errors["to"] = msg("kpis.to.before_from")
    if first and last and len(domain.months(first, last)) > 120:
        errors["to"] = msg("kpis.period.too_long")
    if errors:
        raise ValidationError(errors)
    return first, min(domain.month_end(last), domain.month_end(domain.month_start(today)))


# ---------------------------------------------------------------- snapshots
def _snapshots(months: list[str], dimension: str) -> dict[str, dict[str, float]]:
    if not months or not dimension:
        return {}
    rows = snapshot_store.snapshots(months, [dimension, "all"])
    out: dict[str, dict[str, float]] = {}
    for r in rows:
        if r.dimension == dimension or r.measure in SHAPE_KEYS:
            out.setdefault(r.month, {})[r.measure] = r.value
    return out


def snapshot_months() -> list[str]:
    return snapshot_store.snapshot_months()


def snapshot(actor: Actor, month: str | None = None, force: bool = False, today: date | None = None,
             via: str = "cli") -> dict:
    """Store the figures of a finished month (default: last month) for every dimension.

    A month that has a snapshot already is refused unless ``force`` (then it is replaced);
    the current and future months are refused (they are not finished)."""
    require(actor.role, Permission.EDIT_NETWORK)
    today = today or today_local()
    this_month = domain.month_start(today)
    try:
        first = domain.parse_month(month) if month else domain.month_start(this_month - timedelta(days=1))
    except ValueError as exc:
        raise ValidationError({"month": reason(exc)}) from None
    if first >= this_month:
        raise ValidationError({"month": msg("kpis.month.unfinished")})
    key = f"{first.year}-{first.month:02d}"
    exists = snapshot_store.has_snapshot(key)
    if exists and not force:
        raise ValidationError({"month": msg("kpis.snapshot.exists", month=key)})
    end = domain.month_end(first)
    facts = read_facts(end)
    rows: list[KpiSnapshot] = []
    now = datetime.now(timezone.utc)
    for filters in domain.snapshot_dimensions():
        dim = domain.dimensions(filters)
        for measure, value in month_summary(facts, first, filters, end).items():
            rows.append(KpiSnapshot(month=key, measure=measure, dimension=dim, value=float(value),
                                    computed_at=now, actor=actor.email))
    for measure, value in _shape(facts, key).items():
        rows.append(KpiSnapshot(month=key, measure=measure, dimension="all", value=float(value),
                                computed_at=now, actor=actor.email))
    snapshot_store.replace_snapshot(key, rows)
    audit.record(actor.email, via, "replace" if exists else "create", "kpi_snapshot", key,
                 after={"rows": len(rows)})
    return {"month": key, "rows": len(rows), "replaced": exists}


def ensure_last_month(actor: Actor, today: date | None = None) -> dict | None:
    """The scheduled run: last month's snapshot when it is missing (called by `serve` at start).
    Not for an empty network (a fresh installation whose data is still to be imported): a
    month frozen at zero would hide that month's history once it is there."""
    today = today or today_local()
    if driver.read(org_store.count, {}) == 0:
        return None
    last = domain.month_start(domain.month_start(today) - timedelta(days=1))
    key = f"{last.year}-{last.month:02d}"
    if snapshot_store.has_snapshot(key):
        return None
    return snapshot(actor, key, today=today, via="serve")


def _shape(facts: Facts, month: str) -> dict[str, float]:
    """Density and largest share from the latest network measures (the "Makelaars en bruggen"
    computation), and the cross-region / cross-theme link counts of ``month``."""
    out: dict[str, float] = dict(domain.cross_links(facts.link_rows, month))
    latest = measures_store.latest_measures()
    if latest is not None:
        out["density"], out["largest_share"] = latest.density, latest.largest_share
    return out


# ---------------------------------------------------------------- the dashboard
def _combine(parts: list[dict[str, float]]) -> dict[str, float]:
    """One quarter or year from its months: counts add up, sizes are the last month's, rates
    are recomputed from the counts."""
    out: dict[str, float] = {}
    for key in SERIES_KEYS:
        values = [p.get(key, 0) for p in parts]
        out[key] = sum(values) if key in ADDITIVE else (values[-1] if values else 0)
    out["attendance_rate"] = round(out["present"] / out["registrations"], 4) if out["registrations"] else 0.0
    out["no_show_rate"] = round(out["no_shows"] / out["registrations"], 4) if out["registrations"] else 0.0
    return out


def dashboard(actor: Actor, first_month: str, last_month: str, grain: str = "month",
              filters: dict[str, str] | None = None, today: date | None = None,
              fresh: bool = False) -> dict[str, Any]:
    """Every figure of the dashboard for a period range and filters; the facts come from this
    worker's cache while the graph has not changed since (``cached_facts``), unless ``fresh``."""
    require(actor.role, Permission.VIEW)
    today = today or today_local()
    errors: dict[str, str] = {}
    try:
        filters = _check_filters(filters or {})
    except ValidationError as exc:
        errors.update(exc.errors)
    try:
        first, last = _range(first_month, last_month, grain, today)
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    facts = cached_facts(last, fresh)
    chosen, acts, regs, partners, events = _filtered(facts, filters)
    this_month = domain.month_start(today)
    dim = domain.dimensions(filters)
    month_keys = [f"{m.year}-{m.month:02d}" for m in domain.months(first, last)]
    snaps = _snapshots([k for k in month_keys if k < f"{this_month.year}-{this_month.month:02d}"], dim)

    per_month: dict[str, dict[str, float]] = {}
    sources: dict[str, str] = {}
    att = domain.attendance(acts, regs)
    for m in domain.months(first, last):
        key = f"{m.year}-{m.month:02d}"
        snap = snaps.get(key)
        if snap and all(k in snap for k in SERIES_KEYS if k not in ("first_time",)):
            per_month[key], sources[key] = snap, "snapshot"
        else:
            per_month[key] = _summary(chosen, acts, regs, partners, events, m, domain.month_end(m), today, att=att)
            sources[key] = "live"

    series = []
    for label, start, end in domain.periods(first, last, grain):
        keys = [f"{m.year}-{m.month:02d}" for m in domain.months(max(start, first), min(end, last))]
        if grain == "month":
            row = {k: per_month[keys[0]].get(k, 0) for k in SERIES_KEYS}
        else:
            row = _combine([per_month[k] for k in keys])
            live = domain.participation(acts, regs, start, end, today, att=att)  # not additive over months
            row["unique_organisations"], row["repeat_share"] = live["unique_organisations"], live["repeat_share"]
        row["period"] = label
        row["source"] = "snapshot" if all(sources[k] == "snapshot" for k in keys) else "live"
        series.append(row)

    whole = domain.participation(acts, regs, first, last, today, att=att)
    moves = domain.new_and_lost(events, first, last)
    size_now = domain.network_size(events, min(last, today))
    levels = domain.funnel_levels(chosen, events, acts, regs, partners, min(last, today), att=att)
    titles = facts.titles()
    first_per_act = domain.first_time_per_activity(acts, regs, first, last, today)
    shape_now = _shape(facts, month_keys[-1])
    # A month's link counts from its snapshot, else from the links' dates; density and largest
    # share are only known where a snapshot kept them (they need the whole network measured).
    shape_history = []
    for k in month_keys[:-1]:
        snap = snaps.get(k, {})
        live = domain.cross_links(facts.link_rows, k) if snap.get("organisation_links") is None else {}
        shape_history.append({"period": k, **{s: snap.get(s, live.get(s)) for s in SHAPE_KEYS}})
    return {
        "range": {"from": month_keys[0], "to": month_keys[-1], "grain": grain, "filters": filters},
        "cards": {**size_now, **moves, **whole, "total": sum(size_now.values())},
        "series": series,
        "size_by_region": domain.size_by(chosen, events, min(last, today), "region"),
        "size_by_kind": domain.size_by(chosen, events, min(last, today), "kind"),
        "size_by_theme": domain.size_by(chosen, events, min(last, today), "theme"),
        "size_by_class": domain.size_by_class(chosen, events, min(last, today)),
        "activities_by_kind": domain.activities_by(acts, regs, first, last, today, "kind"),
        "activities_by_theme": domain.activities_by(acts, regs, first, last, today, "theme"),
        "funnel": domain.funnel(levels),
        "funnel_by_region": domain.funnel_by(chosen, levels, "region"),
        "funnel_by_theme": domain.funnel_by(chosen, levels, "theme"),
        "lines": domain.programme_lines(acts, regs, first, last, today),
        "budget": budget_figures(facts),
        "first_time_activities": sorted(({"activity": titles.get(k, k), "first_time": v}
                                         for k, v in first_per_act.items()), key=lambda r: -r["first_time"])[:10],
        "shape": {"now": shape_now, "history": shape_history},
        "sources": sources,
        "as_of": facts.read_at.isoformat(timespec="seconds"),
    }


def budget_figures(facts: Facts) -> dict[str, Any]:
    """Planned and spent per programme line and year against the split (in cents), for the
    whole programme (LO_PROGRAMME_BUDGET_EUR over LO_PROGRAMME_YEARS)."""
    conf = settings.get()
    return money.budget_lines(facts.money, conf.programme_budget_eur, conf.programme_years)


def current(actor: Actor, today: date | None = None) -> dict[str, Any]:
    """`lo-network kpis --json`: this year so far, month by month, all organisations."""
    today = today or today_local()
    first = f"{today.year}-01"
    last = f"{today.year}-{today.month:02d}"
    return dashboard(actor, first, last, "month", {}, today=today, fresh=True)


def aggregates(actor: Actor, today: date | None = None) -> dict[str, Any]:
    """The raw aggregate queries (counted in the graph), the benchmark's reference."""
    require(actor.role, Permission.VIEW)
    today = today or today_local()
    until = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=TZ).astimezone(timezone.utc)

    def read(tx):
        return (store.aggregate_status(tx), store.aggregate_registrations(tx, until.isoformat()),
                store.link_groups(tx, today.isoformat()))

    status, regs, links = driver.read(read)
    return {"status": status, "registrations": regs, "links": links}


def table_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows)
