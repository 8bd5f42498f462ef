"""/makelaars in the browser: a coordinator starts the network measures, which are computed
in the background; the page shows the stage and progress of a computation that runs (also
one started elsewhere: another worker, the CLI), and the figures once it is done."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.ui import log_in

pytestmark = pytest.mark.e2e


def test_a_coordinator_follows_the_measures_being_computed(page: Page, app, admin):
    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import MeasuresJob
    from lo_network.services import links, metrics, organisations

    tag = uuid.uuid4().hex[:6]
    hub = organisations.create(admin, {"name": f"Makelaar {tag}", "kind": "port_network", "region": "twente"},
                               via="e2e")["id"]
    for n in range(2):
        spoke = organisations.create(admin, {"name": f"Spaak {tag} {n}", "kind": "company", "region": "twente"},
                                     via="e2e")["id"]
        links.add(admin, "organisation", hub, spoke, {"type": "partner"}, via="e2e")

    def end_elsewhere() -> None:
        with sql.session() as db:
            job = db.get(MeasuresJob, elsewhere.id)
            job.status, job.error = "failed", "GraphUnavailable"
            db.add(job)
            db.commit()

    # a computation elsewhere, as far as the betweenness of its 200 pivots
    elsewhere = MeasuresJob(actor="elders@example.org", via="cli", stage="betweenness", done=80, total=200)
    sql.save(elsewhere)
    try:
        log_in(page, app.accounts["coordinator"])
        page.goto("/makelaars")
        expect(page.locator("#measures-stage")).to_have_text("Tussenliggendheid berekenen 80 / 200")
        expect(page.locator("#measures-progress")).to_be_visible()
        expect(page.locator("#measures-recompute")).to_be_disabled()
    finally:
        # it fails (say its worker lost the graph): the page says so at its next poll
        end_elsewhere()
    expect(page.locator("#measures-progress")).to_have_count(0)
    expect(page.locator("#measures-failed")).to_contain_text("mislukt")

    # the coordinator starts one: the toast says when it is done, and the figures are the new
    # computation's. (Whether the hub shows among the brokers depends on the rest of the test
    # network: above 1,200 nodes betweenness is estimated from pivots, which a component of
    # three seldom holds; its degree is exact.)
    page.locator("#measures-recompute").click()
    expect(page.get_by_text("Netwerkmaten berekend")).to_be_visible(timeout=30000)
    expect(page.locator("#measures-computed")).to_contain_text(re.compile(r"Berekend op \d"))
    expect(page.locator("#measures-failed")).to_have_count(0)
    job = metrics.current(admin)
    assert metrics.status_of(job) == "done"
    latest = metrics.latest(admin)
    assert latest.id == job.measures_id
    expect(page.locator("#measures-nodes")).to_have_text(str(latest.nodes))
    assert metrics.of_record(admin, "organisation", hub)["degree"] == 2
