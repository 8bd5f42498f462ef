"""The KPI benchmark's data loader (tests/perf/bench_kpis.py, its kpis/bench_* queries): what it
generates is what the dashboard's fact queries read back, so the benchmark measures real data."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

from lo_network.services import kpis
from lo_network.services.accounts import CLI_ACTOR
from lo_network.store import driver
from lo_network.store import kpis as store
from tests.perf import bench_kpis


def test_the_benchmark_data_loads_as_generated(graph, sql_db):
    data = bench_kpis.generate(organisations=120, links=60, registrations=400, seed=3)
    assert data["partners"]  # the seed gives living labs with partners
    bench_kpis.load(data)

    until = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    organisations, activities, partners = driver.read(
        lambda tx: (store.organisations(tx), store.activities(tx, until), store.partners(tx)))
    assert sorted(organisations["id"]) == sorted(o["id"] for o in data["organisations"])
    assert sorted(a["id"] for a in activities) == sorted(a["id"] for a in data["activities"])
    assert {(p["organisation_id"], p["activity_id"]) for p in partners} == {
        (p["organisation_id"], p["activity_id"]) for p in data["partners"]}

    kind = {a["id"]: a["props"]["kind"] for a in data["activities"]}
    generated = Counter((kind[r["activity_id"]], r["status"], r["attendance"]) for r in data["registrations"])
    counted = {(row["kind"], row["status"], row["attendance"]): row["registrations"]
               for row in kpis.aggregates(CLI_ACTOR)["registrations"]}
    assert counted == dict(generated)
