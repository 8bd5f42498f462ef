"""The dashboard's queries and service on the real graph, and the monthly snapshots."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import delete

from lo_network.domain.activities import TZ
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import activities, kpis, links, organisations, people, registrations
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import KpiSnapshot


@pytest.fixture
def clean_snapshots(sql_db):
    with sql.session() as db:
        db.exec(delete(KpiSnapshot))
        db.commit()
    yield


def _org(actor, name, region, themes, status, since):
    return organisations.create(actor, {"name": name, "kind": "company", "region": region, "themes": themes,
                                        "status": status, "status_since": since}, via="test")["id"]


def _past_activity(users, title, kind, line, themes, when: datetime, person_ids, present_ids):
    soon = datetime.now(TZ) + timedelta(days=2)
    act = activities.create(users["organiser"], {
        "title": title, "kind": kind, "themes": themes, "programme_line": line,
        "starts_at": soon.strftime("%d-%m-%Y %H:%M"), "ends_at": (soon + timedelta(hours=2)).strftime("%d-%m-%Y %H:%M"),
    }, via="test")
    registrations.register_people(users["organiser"], act["id"], person_ids, via="test")
    activities.update(users["organiser"], act["id"], {
        "starts_at": when.strftime("%d-%m-%Y %H:%M"), "ends_at": (when + timedelta(hours=2)).strftime("%d-%m-%Y %H:%M"),
        "registration_closes": ""}, via="test")
    for row in registrations.list_for_activity(users["organiser"], act["id"], status="registered"):
        if row.get("person_id") in present_ids:
            registrations.check_in(users["organiser"], act["id"], row["id"], True, via="test")
    registrations.mark_no_shows(users["organiser"], act["id"], via="test")
    return act


@pytest.fixture
def network(graph, users):
    """Three organisations with a person each; two past activities 2 and 1 months ago."""
    coord = users["coordinator"]
    today = date.today()
    a = _org(coord, "Alfa Transport", "twente", ["international"], "participant", (today - timedelta(days=400)).isoformat())
    b = _org(coord, "Bravo Logistiek", "zwolle", ["sustainability"], "prospect", (today - timedelta(days=400)).isoformat())
    c = _org(coord, "Charlie Havens", "deventer", ["international"], "partner", (today - timedelta(days=400)).isoformat())
    pids = {}
    for org_id, name in ((a, "Anna Alfa"), (b, "Bert Bravo"), (c, "Cees Charlie")):
        first_name, last_name = name.split()
        pid = people.create(coord, {"first_name": first_name, "last_name": last_name,
                                    "email": f"{first_name.lower()}@voorbeeld.nl",
                                    "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"},
                            via="test",
                            employment={"organisation_id": org_id})["id"]
        pids[org_id] = pid
    links.add(coord, "organisation", a, b, {"type": "customer"}, "test")
    links.add(coord, "organisation", a, c, {"type": "partner"}, "test")
    now = datetime.now(TZ).replace(hour=10, minute=0, second=0, microsecond=0)
    two_ago = (now.replace(day=1) - timedelta(days=40)).replace(day=10)
    one_ago = (now.replace(day=1) - timedelta(days=5)).replace(day=12)
    # attendance: Alfa at both, Bravo a no-show, Charlie present
    act1 = _past_activity(users, "Café Twente", "cafe", "regional", ["international"], two_ago,
                          [pids[a], pids[b]], {pids[a]})
    act2 = _past_activity(users, "Missie Riga", "trade_mission", "international", ["international"], one_ago,
                          [pids[a], pids[c]], {pids[a], pids[c]})
    return {"a": a, "b": b, "c": c, "two_ago": two_ago.date(), "one_ago": one_ago.date(), "act1": act1, "act2": act2}


def _months(d: date) -> str:
    return f"{d.year}-{d.month:02d}"


def test_network_shape_month_by_month_from_the_links_dates(network, users, clean_snapshots):
    coord = users["coordinator"]
    links.add(coord, "organisation", network["b"], network["c"],
              {"type": "partner", "since": network["two_ago"].strftime("%d-%m-%Y")}, "test")
    ended = links.add(coord, "organisation", network["c"], network["b"],
                      {"type": "customer", "since": network["two_ago"].strftime("%d-%m-%Y"),
                       "until": network["two_ago"].strftime("%d-%m-%Y")}, "test")
    assert ended
    out = kpis.dashboard(users["steering"], _months(network["two_ago"]), _months(date.today()), "month", {})
    history = {h["period"]: h for h in out["shape"]["history"]}
    two_ago, one_ago = history[_months(network["two_ago"])], history[_months(network["one_ago"])]
    assert two_ago["organisation_links"] == 2 and two_ago["cross_region_links"] == 2   # Bravo–Charlie, both ways
    assert one_ago["organisation_links"] == 1                                         # the ended one is gone
    assert out["shape"]["now"]["organisation_links"] == 3
    assert two_ago["cross_theme_links"] == 2 and two_ago["density"] is None


def test_dashboard_on_the_real_graph(network, users, clean_snapshots):
    first, last = _months(network["two_ago"]), _months(date.today())
    out = kpis.dashboard(users["steering"], first, last, "month", {})
    cards = out["cards"]
    assert cards["participant"] == 1 and cards["partner"] == 1 and cards["prospect"] == 1
    assert cards["activities"] == 2
    assert cards["registrations"] == 4
    assert cards["present"] == 3 and cards["no_shows"] == 1
    assert cards["unique_organisations"] == 2
    assert cards["repeat_share"] == 0.5           # Alfa twice, Charlie once
    by_month = {r["period"]: r for r in out["series"]}
    assert by_month[_months(network["two_ago"])]["activities"] == 1
    assert by_month[_months(network["two_ago"])]["first_time"] == 1
    assert all(r["source"] == "live" for r in out["series"])
    lines = {r["line"]: r for r in out["lines"]}
    assert lines["regional"]["activities"] == 1 and lines["international"]["present"] == 2
    steps = [s["count"] for s in out["funnel"]]
    assert steps == [3, 2, 2, 1, 1]   # levels: Alfa 2 (twice), Bravo 0 (no-show), Charlie 4 (partner)
    assert out["shape"]["now"]["organisation_links"] == 2
    assert out["shape"]["now"]["cross_region_links"] == 2
    assert out["shape"]["now"]["cross_theme_links"] == 1   # Alfa–Bravo share no theme
    # every earlier month of the range has its own point, its link counts from the links' dates
    # (the two links above were recorded today), density only where a measurement was kept
    history = {h["period"]: h for h in out["shape"]["history"]}
    assert list(history) == [_months(network["two_ago"]), _months(network["one_ago"])]
    assert all(h["organisation_links"] == 0 and h["density"] is None for h in history.values())
    kinds = out["activities_by_kind"]
    assert kinds["cafe"]["registrations"] == 2 and kinds["trade_mission"]["present"] == 2
    # companies by size class, the unknown apart (Alfa's size becomes known)
    organisations.update(users["coordinator"], network["a"], {"size_class": "small"}, via="test")
    by_class = kpis.dashboard(users["steering"], first, last, "month", {})["size_by_class"]
    assert by_class == {"small": {"prospect": 0, "participant": 1, "partner": 0},
                        "unknown": {"prospect": 1, "participant": 0, "partner": 1}}


def test_filters_narrow_the_figures(network, users, clean_snapshots):
    first, last = _months(network["two_ago"]), _months(date.today())
    twente = kpis.dashboard(users["steering"], first, last, "quarter", {"region": "twente"})
    assert twente["cards"]["participant"] == 1 and twente["cards"]["partner"] == 0
    assert twente["cards"]["registrations"] == 2 and twente["cards"]["unique_organisations"] == 1
    with pytest.raises(ValidationError) as exc:
        kpis.dashboard(users["steering"], first, last, "week", {"region": "friesland"})
    assert {"grain", "region"} <= set(exc.value.errors)


def test_snapshot_keeps_past_figures_when_records_change(network, users, clean_snapshots):
    month = _months(network["one_ago"])
    done = kpis.snapshot(users["coordinator"], month)
    assert done["rows"] > 100 and not done["replaced"]
    before = {r["period"]: r for r in kpis.dashboard(users["steering"], month, month)["series"]}[month]
    assert before["source"] == "snapshot" and before["present"] == 2
    # a registration is corrected afterwards: the live figure changes, the reported one does not
    row = next(r for r in registrations.list_for_activity(users["organiser"], network["act2"]["id"], status="registered")
               if r.get("attendance") == "present")
    registrations.check_in(users["organiser"], network["act2"]["id"], row["id"], False, via="test")
    after = kpis.dashboard(users["steering"], month, month)["series"][0]
    assert after["present"] == 2 and after["source"] == "snapshot"
    with pytest.raises(ValidationError):
        kpis.snapshot(users["coordinator"], month)           # exists: refused without force
    again = kpis.snapshot(users["coordinator"], month, force=True)
    assert again["replaced"]
    assert kpis.dashboard(users["steering"], month, month)["series"][0]["present"] == 1
    with pytest.raises(ValidationError):
        kpis.snapshot(users["coordinator"], _months(date.today()))   # not finished
    with pytest.raises(PermissionDenied):
        kpis.snapshot(users["steering"], month, force=True)


def test_no_snapshot_of_an_empty_network(graph, clean_snapshots):
    from lo_network.services.accounts import CLI_ACTOR

    assert kpis.ensure_last_month(CLI_ACTOR) is None  # a fresh installation: nothing frozen at zero
    assert kpis.snapshot_months() == []


def test_ensure_last_month_is_idempotent(network, users, clean_snapshots):
    from lo_network.services.accounts import CLI_ACTOR

    first = kpis.ensure_last_month(CLI_ACTOR)
    assert first is not None and first["month"] == _months(date.today().replace(day=1) - timedelta(days=1))
    assert kpis.ensure_last_month(CLI_ACTOR) is None
    assert first["month"] in kpis.snapshot_months()


def test_raw_aggregates_agree(network, users):
    agg = kpis.aggregates(users["steering"])
    assert sum(r["organisations"] for r in agg["status"]) == 3
    present = sum(r["registrations"] for r in agg["registrations"] if r["attendance"] == "present")
    assert present == 3


# ---------------------------------------------------------------- the facts cache
@pytest.fixture
def fact_reads(monkeypatch):
    """How often the dashboard read its facts from the graph (the real read, counted)."""
    calls = []
    real = kpis.read_facts
    monkeypatch.setattr(kpis, "read_facts", lambda until: calls.append(until) or real(until))
    kpis._cache.clear()
    return calls


def test_another_filter_or_period_reuses_the_facts_until_a_write(network, users, clean_snapshots, fact_reads):
    first, last = _months(network["two_ago"]), _months(date.today())
    whole = kpis.dashboard(users["steering"], first, last, "month", {})
    twente = kpis.dashboard(users["steering"], first, last, "quarter", {"region": "twente"})
    assert len(fact_reads) == 1 and whole["as_of"] == twente["as_of"]
    assert twente["cards"]["registrations"] == 2 and whole["cards"]["registrations"] == 4  # filtered from the same facts
    # a change made by this process is seen at once, without waiting for the cache to expire
    _org(users["coordinator"], "Delta Transport", "zwolle", [], "participant", date.today().isoformat())
    after = kpis.dashboard(users["steering"], first, last, "month", {})
    assert len(fact_reads) == 2 and after["cards"]["participant"] == whole["cards"]["participant"] + 1
    kpis.dashboard(users["steering"], first, last, "month", {}, fresh=True)  # "Vernieuwen"
    assert len(fact_reads) == 3


def test_a_write_by_another_process_is_seen_without_waiting(network, users, clean_snapshots, fact_reads,
                                                            tmp_path):
    """Another worker or the CLI writes through a driver of its own: the graph's version
    moves, so this worker's cached facts are read again on the next view."""
    first, last = _months(network["two_ago"]), _months(date.today())
    before = kpis.dashboard(users["steering"], first, last, "month", {})
    assert kpis.dashboard(users["steering"], first, last, "month", {})["as_of"] == before["as_of"]
    assert len(fact_reads) == 1
    sheet = tmp_path / "nieuw.csv"
    sheet.write_text("Naam;Soort;Regio;Status\nEcho Havens;bedrijf;zwolle;deelnemer\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lo_network.cli", "import", str(sheet), "--kind", "organisations"],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    after = kpis.dashboard(users["steering"], first, last, "month", {})
    assert len(fact_reads) == 2
    assert after["cards"]["participant"] == before["cards"]["participant"] + 1


def test_the_cache_expires_by_setting(network, users, clean_snapshots, fact_reads, monkeypatch):
    from lo_network import settings

    monkeypatch.setenv("LO_KPI_CACHE_SECONDS", "0")
    settings.reset()
    try:
        first, last = _months(network["two_ago"]), _months(date.today())
        kpis.dashboard(users["steering"], first, last, "month", {})
        kpis.dashboard(users["steering"], first, last, "month", {})
        assert len(fact_reads) == 2
    finally:
        monkeypatch.delenv("LO_KPI_CACHE_SECONDS")
        settings.reset()
