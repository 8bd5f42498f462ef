"""/kaart: the ecosystem map (filters by region, theme, kind, status and year; search
highlights; a click opens the record) and the ego view (?ego=<id>, 1 or 2 steps)."""

from __future__ import annotations

from datetime import date

import reflex as rx
from reflex_base.utils import format

from lo_network.domain import ecosystem as domain
from lo_network.domain.errors import NotFound
from lo_network.domain.permissions import Permission
from lo_network.services import ecosystem as service
from lo_network.services import organisations as organisation_service
from lo_network.services import people as people_service
from lo_network.states.form_values import from_select
from lo_network.states.session import SessionState, requires

ROUTE = "/kaart"
GRAPH_ID = "map-graph"
MAX_ZOOM = 4
REPULSION_REACH = 200  # graph units: nodes further apart do not push each other away
# Run each time the force layout comes to rest (through the ref Reflex gives a component with
# an id; what it did is kept per canvas); answers whether the layout is final. The first time
# on a canvas it limits the reach of the nodes' repulsion and lets the layout run again: parts
# of the network with no tie to the rest would otherwise drift far out and the whole would be
# drawn tiny. Then, once per drawing (SEQ), it zooms to show all of it with its group names:
# the graph's own zoomToFit fits the nodes only, and a name under a node on the edge would be
# cut off (a phone above all); the box of the nodes is widened by half the longest group name
# and deepened by a line of text each side, in graph units like those names
# (domain.ecosystem.ring); the margin shrinks on a phone.
_AT_REST = """(() => {
  const g = refs['REF']?.current, canvas = document.querySelector('#map-canvas canvas');
  if (!g || !canvas) return true;
  window.loMaps = window.loMaps || new WeakMap();  // per canvas: one per mounted graph
  const seen = window.loMaps.get(canvas) || {};
  window.loMaps.set(canvas, seen);
  if (!seen.reach) {
    seen.reach = true;
    g.d3Force('charge')?.distanceMax(REACH);
    g.d3ReheatSimulation();
    return false;
  }
  const box = g.getGraphBbox();
  if (!box || seen.fitted === SEQ) return true;
  seen.fitted = SEQ;
  const half = LONGEST * CHAR / 2, line = 2 * FONT, pad = Math.min(100, Math.round(window.innerWidth / 16));
  const width = box.x[1] - box.x[0] + 2 * half, height = box.y[1] - box.y[0] + 2 * line;
  const k = Math.min(MAX_ZOOM, (canvas.clientWidth - 2 * pad) / Math.max(width, 1),
                     (canvas.clientHeight - 2 * pad) / Math.max(height, 1));
  g.centerAt((box.x[0] + box.x[1]) / 2, (box.y[0] + box.y[1]) / 2, 400);
  g.zoom(k, 400);
  return true;
})()""".replace("REF", format.format_ref(GRAPH_ID)).replace("CHAR", str(domain.GROUP_CHAR)).replace(
    "FONT", str(domain.GROUP_FONT)).replace("MAX_ZOOM", str(MAX_ZOOM)).replace("REACH", str(REPULSION_REACH))
FILTERS = ("region", "kind", "status", "theme", "year")


def at_rest(longest: int, drawing: int) -> str:
    """The script; ``longest``: the number of characters of the longest group name drawn;
    ``drawing``: which drawing this is (a new one is fitted once)."""
    return _AT_REST.replace("LONGEST", str(longest)).replace("SEQ", str(drawing))


def years() -> list[str]:
    this = date.today().year
    return [str(y) for y in range(this, this - 12, -1)]


class EcosystemState(SessionState):
    filters: dict[str, str] = {f: "" for f in FILTERS}
    people: bool = True
    search: str = ""
    ego_id: str = ""
    ego_name: str = ""
    depth: str = "2"
    group_by: str = "region"
    expanded: list[str] = []
    open_groups: list[dict[str, str]] = []  # the expanded groups as {key, name}: their close buttons
    settled: bool = False
    _drawing: int = 0  # counts the drawings: each new one is fitted into view once
    graph: dict = {"nodes": [], "links": []}
    _flat: dict = {"nodes": [], "links": []}  # the drawn data before grouping (server side only)
    node_count: int = 0
    link_count: int = 0
    hits: int = 0
    loaded: bool = False

    def _draw(self) -> None:
        actor = self.signed_in_actor()
        year = self.filters.get("year", "")
        if self.ego_id:
            data = service.ego(actor, self.ego_id, int(self.depth), year=year, search=self.search)
        else:
            data = service.network(actor, {k: v for k, v in self.filters.items() if k != "year"}, year=year,
                                   people=self.people, search=self.search)
        self.hits = data.pop("hits")
        self._flat = data  # every node and tie, ungrouped: the map's table shows these
        if not self.ego_id:  # the whole network starts as one node per group; a click expands one
            data = domain.cluster(data, self.group_by, set(self.expanded), self.lang)
            data.pop("hits", None)
        names = domain.group_names(self.group_by, self.lang) if self.group_by else {}
        self.open_groups = [{"key": g, "name": names.get(g, g)} for g in self.expanded]
        self.graph = data
        self._drawing += 1
        self.settled = False  # the layout starts again: clicks count once it has come to rest
        self.node_count, self.link_count = len(data["nodes"]), len(data["links"])
        self.loaded = True

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /kaart[?ego=<id>]."""
        ego = str(self.router.url.query_parameters.get("ego", ""))[:64]
        self.ego_id, self.ego_name = "", ""
        self.expanded = []
        if ego:
            actor = self.signed_in_actor()
            for service_of in (organisation_service, people_service):
                try:
                    self.ego_name = service_of.get(actor, ego).get("name") or ""
                    self.ego_id = ego
                    break
                except NotFound:
                    continue
        self._draw()

    @requires(Permission.VIEW)
    def set_filter(self, name: str, value: str):
        if name in FILTERS:
            self.filters[name] = from_select(value)
            self._draw()

    @requires(Permission.VIEW)
    def set_people(self, checked: bool):
        self.people = bool(checked)
        self._draw()

    @requires(Permission.VIEW)
    def set_depth(self, value: str | list[str]):
        if isinstance(value, list):
            value = value[0] if value else "2"
        if value in ("1", "2"):
            self.depth = value
            self._draw()

    @requires(Permission.VIEW)
    def set_search(self, text: str):
        """Highlight the nodes whose name holds ``text``."""
        self.search = text[:100]
        self._draw()

    @requires(Permission.VIEW)
    def set_group_by(self, value: str | list[str]):
        if isinstance(value, list):
            value = value[0] if value else ""
        value = "" if value == "none" else value
        if value in domain.GROUP_BY:
            self.group_by, self.expanded = value, []
            self._draw()

    def engine_stopped(self):
        """The force layout has come to rest: the page's script (_AT_REST) fits a new drawing
        into view, or first lets the layout run once more with its forces set."""
        groups = [len(n.get("name") or "") for n in self.graph.get("nodes", []) if n.get("kind") == "group"]
        return rx.call_script(at_rest(max(groups, default=0), self._drawing), callback=EcosystemState.layout_done)

    def layout_done(self, final: bool):
        """The script's answer: once the layout is final, a click opens what is under it."""
        if final is True:
            self.settled = True

    @requires(Permission.VIEW)
    def open_node(self, href: str):
        """A click on a group expands it; on a node, opens its record. Clicks while the layout
        still moves are ignored, so a node drifting under the pointer is not opened by accident."""
        if not self.settled:
            return None
        if href.startswith(domain.GROUP_PREFIX):
            group = href[len(domain.GROUP_PREFIX):]
            if group not in self.expanded:
                self.expanded = [*self.expanded, group]
                self._draw()
            return None
        if href.startswith(("/organisaties/", "/personen/")):
            return rx.redirect(href)
        return None

    @requires(Permission.VIEW)
    def close_group(self, group: str):
        """Fold an opened group back into one node ('' folds them all)."""
        kept = [g for g in self.expanded if group and g != group]
        if kept != self.expanded:
            self.expanded = kept
            self._draw()
