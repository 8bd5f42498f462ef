"""Network measures on a small graph with known betweenness (real graph, real SQLite)."""

from __future__ import annotations

import json

import pytest

from lo_network import cli
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import links, metrics, organisations, people


@pytest.fixture
def small(graph, users):
    """P - A - B - C (P works at A; A-B and B-C are links), D alone, E-F ended link.
    Regions: A, B in Twente; C in Zwolle (B-C the only Twente-Zwolle connector)."""
    a = users["admin"]
    org = lambda name, region: organisations.create(a, {"name": name, "kind": "company", "region": region}, "t")["id"]  # noqa: E731
    ids = {"A": org("A", "twente"), "B": org("B", "twente"), "C": org("C", "zwolle"), "D": org("D", "deventer"),
           "E": org("E", "deventer"), "F": org("F", "deventer")}
    ids["P"] = people.create(a, {"last_name": "P"}, "t", employment={"organisation_id": ids["A"]})["id"]
    links.add(a, "organisation", ids["A"], ids["B"], {"type": "partner"}, "t")
    links.add(a, "organisation", ids["B"], ids["C"], {"type": "customer"}, "t")
    links.add(a, "organisation", ids["E"], ids["F"], {"type": "partner", "since": "2019-01-01", "until": "2020-01-01"}, "t")
    return ids


def test_known_betweenness_degree_and_network_figures(small, users):
    assert metrics.of_record(users["steering"], "organisation", small["A"]) is None
    with pytest.raises(PermissionDenied):
        metrics.recompute(users["steering"], "t")
    row = metrics.recompute(users["coordinator"], "t")
    # 7 nodes; ties P-A, A-B, B-C (E-F ended: not counted)
    assert (row.nodes, row.edges, row.organisations, row.people) == (7, 3, 6, 1)
    assert row.density == pytest.approx(3 / 21, abs=1e-6)
    assert row.largest_share == pytest.approx(4 / 7, abs=1e-4)
    assert (row.isolated, row.components) == (3, 4)
    stored = {k: organisations.get(users["steering"], v) for k, v in small.items() if k != "P"}
    # path P-A-B-C: A and B each lie on 2 of the 3 pairs' shortest paths of the other three -> 2/C(6,2)
    n = 7
    pairs = (n - 1) * (n - 2) / 2
    assert stored["A"]["metric_betweenness"] == pytest.approx(2 / pairs, abs=1e-6)
    assert stored["B"]["metric_betweenness"] == pytest.approx(2 / pairs, abs=1e-6)
    assert stored["C"]["metric_betweenness"] == 0 and stored["D"]["metric_betweenness"] == 0
    assert [stored[k]["metric_degree"] for k in "ABCD"] == [2, 2, 1, 0]
    assert stored["A"]["metric_community"] >= 0 and stored["D"]["metric_community"] == -1
    linked = {stored[k]["metric_community"] for k in "ABC"} | {people.get(users["coordinator"], small["P"])["metric_community"]}
    assert row.communities == len(linked) and min(linked) == 0
    assert metrics.of_record(users["steering"], "organisation", small["A"])["degree"] == 2
    from lo_network.states.links import measure_words
    nl, en = measure_words(metrics.of_record(users["steering"], "organisation", small["A"]))
    assert nl.startswith("2 verbindingen · tussenliggendheid 0.1333 · gemeenschap ") and "betweenness 0.1333" in en
    brokers = metrics.brokers(users["steering"])
    assert [b["name"] for b in brokers] == ["A", "B"]
    findings = json.loads(metrics.latest(users["steering"]).findings)
    regions = [f for f in findings if f["what"] == "region"]
    assert [(f["a"], f["b"], f["names"]) for f in regions] == [("twente", "zwolle", ["B", "C"])]
    assert sorted(f["names"][0] for f in findings if f["what"] == "cut") == ["A", "B"]


def test_lo_network_metrics_command(small, sql_db, capsys):
    assert cli.main(["metrics"]) == 0
    out = capsys.readouterr().out
    assert "7 nodes, 3 ties" in out and "brokers: A, B" in out
    # each stage as it begins, in order
    stages = ["Reading the network", "Computing betweenness", "Finding communities", "Saving on organisations"]
    assert [out.index(s) for s in stages] == sorted(out.index(s) for s in stages)


def test_the_computation_runs_in_the_background_and_reports_its_stages(small, users, monkeypatch):
    from lo_network.sqlstore import measures as measures_store

    steps = []
    real_save = measures_store.save_job

    def recording(job):
        steps.append((job.status, job.stage, job.done, job.total, metrics.percent(job)))
        return real_save(job)

    monkeypatch.setattr(measures_store, "save_job", recording)
    job = metrics.start(users["coordinator"], "t")
    metrics.wait(60)
    monkeypatch.undo()
    shown = metrics.current(users["steering"])
    assert shown.id == job.id and metrics.status_of(shown) == "done" and metrics.percent(shown) == 100
    assert shown.measures_id == metrics.latest(users["steering"]).id and shown.finished_at is not None
    stages = [s[1] for s in steps]
    assert stages[0] == "read" and stages[-1] == "write"
    assert [s for s in metrics.STAGES if s in stages] == list(metrics.STAGES)
    # the bar only moves forward; 7 nodes: exact betweenness, one step per 10 pivots
    assert [s[4] for s in steps] == sorted(s[4] for s in steps)
    assert ("running", "betweenness", 7, 7) in [s[:4] for s in steps]
    assert ("running", "write", 7, 7) in [s[:4] for s in steps]
    with pytest.raises(PermissionDenied):
        metrics.start(users["steering"], "t")


def test_a_second_computation_is_refused_while_one_runs_and_an_abandoned_one_is_interrupted(small, users):
    from datetime import timedelta

    from lo_network.domain.errors import ValidationError
    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import MeasuresJob, utcnow

    # another worker's computation, with a fresh heartbeat
    other = MeasuresJob(actor="elders@example.org", via="ui", stage="betweenness", done=40, total=200)
    sql.save(other)
    try:
        assert metrics.status_of(metrics.current(users["steering"])) == "running"
        weights = metrics.WEIGHTS
        assert metrics.percent(other) == int(weights["read"] + weights["betweenness"] * 40 / 200)
        with pytest.raises(ValidationError) as refused:
            metrics.start(users["coordinator"], "t")
        assert "al berekend" in refused.value.errors["job"]
        with pytest.raises(ValidationError):
            metrics.recompute(users["coordinator"], "t")
        # its worker stopped: without a heartbeat it counts as interrupted, and a new one starts
        with sql.session() as db:
            row = db.get(MeasuresJob, other.id)
            row.updated_at = utcnow() - metrics.STALE_AFTER - timedelta(seconds=1)
            db.add(row)
            db.commit()
        assert metrics.status_of(metrics.current(users["steering"])) == "interrupted"
        assert metrics.recompute(users["coordinator"], "t").nodes == 7
    finally:
        with sql.session() as db:
            db.delete(db.get(MeasuresJob, other.id))
            db.commit()


def test_a_failed_computation_keeps_its_reason_and_nothing_half_written(small, users, monkeypatch):
    from lo_network.domain import measures

    before = metrics.latest(users["steering"])

    def broken(nodes, ties, progress=None):
        raise RuntimeError("no memory left")

    monkeypatch.setattr(measures, "compute", broken)
    with pytest.raises(RuntimeError):
        metrics.recompute(users["coordinator"], "t")
    job = metrics.current(users["steering"])
    assert metrics.status_of(job) == "failed" and "no memory left" in job.error
    after = metrics.latest(users["steering"])
    assert (after and after.id) == (before and before.id)
