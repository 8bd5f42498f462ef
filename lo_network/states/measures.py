"""/makelaars ("Makelaars en bruggen"): the cached network measures, the brokers and the
single points of failure; recompute on demand, in the background: while the computation
runs (started here, on another worker or from the CLI) the page polls it once a second."""

from __future__ import annotations

import dataclasses
import json

import reflex as rx

from lo_network.domain.activities import dutch_datetime
from lo_network.domain.permissions import Permission
from lo_network.i18n import number
from lo_network.services import metrics as service
from lo_network.states.session import SessionState, requires

ROUTES = {"organisation": "/organisaties/", "person": "/personen/"}


@dataclasses.dataclass
class BrokerRow:
    name: str = ""
    href: str = ""
    kind: str = ""
    degree: int = 0
    betweenness: str = ""
    community: int = -1


@dataclasses.dataclass
class FindingRow:
    nl: str = ""
    en: str = ""
    href: str = ""


def finding_row(f: dict) -> FindingRow:
    names = " – ".join(f["names"])
    href = ROUTES.get(f["kinds"][0], "/") + f["ids"][0]
    if f["what"] == "cut":
        return FindingRow(f"{names}: zonder deze schakel raken {f['split']} records los van het netwerk",
                          f"{names}: without this node {f['split']} records lose their connection", href)
    what_nl, what_en = ("regio's", "regions") if f["what"] == "region" else ("thema's", "themes")
    return FindingRow(f"{names} is de enige verbinding tussen de {what_nl} {f['a_nl']} en {f['b_nl']}",
                      f"{names} is the only connection between the {what_en} {f['a_en']} and {f['b_en']}", href)


class MeasuresState(SessionState):
    computed: str = ""
    nodes: int = 0
    edges: int = 0
    density: str = ""
    largest_share: str = ""
    communities: int = 0
    approximate: bool = False
    brokers: list[BrokerRow] = []
    bridges: list[FindingRow] = []
    cuts: list[FindingRow] = []
    loaded: bool = False
    # the newest computation: running, its stage (services.metrics.STAGES) and how far
    running: bool = False
    stage: str = ""
    stage_steps: str = ""
    progress: int = 0
    job_failed: bool = False

    def _follow(self, job) -> None:
        status = service.status_of(job) if job is not None else ""
        self.running = status == "running"
        self.stage = job.stage if job is not None else ""
        self.stage_steps = f"{job.done} / {job.total}" if self.running and job.total > 1 else ""
        self.progress = service.percent(job) if job is not None else 0
        self.job_failed = status in ("failed", "interrupted")

    def _show(self) -> None:
        actor = self.signed_in_actor()
        row = service.latest(actor)
        self.loaded = True
        if row is None:
            self.computed = ""
            self.brokers, self.bridges, self.cuts = [], [], []
            return
        self.computed = dutch_datetime(row.computed_at)  # stored in UTC, shown in Amsterdam time
        self.nodes, self.edges, self.communities = row.nodes, row.edges, row.communities
        self.density = number(row.density, self.lang, 4)
        self.largest_share = f"{number(row.largest_share * 100, self.lang, 0)}%"
        self.approximate = row.approximate
        self.brokers = [BrokerRow(name=b["name"] or "", href=ROUTES[b["kind"]] + b["id"], kind=b["kind"],
                                  degree=b["degree"] or 0, betweenness=number(b["betweenness"], self.lang, 4),
                                  community=b["community"] if b["community"] is not None else -1)
                        for b in service.brokers(actor, limit=25)]
        findings = json.loads(row.findings or "[]")
        self.bridges = [finding_row(f) for f in findings if f["what"] != "cut"]
        self.cuts = [finding_row(f) for f in findings if f["what"] == "cut"]

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /makelaars."""
        self._show()
        self._follow(service.current(self.signed_in_actor()))

    @requires(Permission.EDIT_NETWORK)
    def recompute(self):
        """Compute every measure again from the graph, in the background (also nightly:
        lo-network metrics)."""
        self._follow(service.start(self.signed_in_actor(), via="ui"))

    @requires(Permission.VIEW)
    def refresh(self, now: str = ""):  # noqa: ARG002 (the timer sends the time)
        """Poll the computation while it runs; show the new measures when it is done."""
        if not self.running:
            return None
        job = service.current(self.signed_in_actor())
        self._follow(job)
        if self.running:
            return None
        self._show()
        if self.job_failed:
            return rx.toast.error(self.ui_text("measures.failed"))
        return rx.toast.success(self.ui_text("measures.recomputed"))
