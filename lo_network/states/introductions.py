"""/voorstellen ("Wie kan ons voorstellen?"): from a start (by default the signed-in user's
organisation) to a target organisation or person, the shortest paths ranked by tie strength."""

from __future__ import annotations

import dataclasses


from lo_network.domain import paths as path_domain
from lo_network.domain.errors import NotFound
from lo_network.domain.permissions import Permission
from lo_network.services import organisations as organisation_service
from lo_network.services import paths as service
from lo_network.services import people as people_service
from lo_network.states.session import SessionState, requires

ROUTE = "/voorstellen"
HITS = 8


@dataclasses.dataclass
class Hit:
    id: str = ""
    name: str = ""
    detail: str = ""
    kind: str = ""


@dataclasses.dataclass
class Piece:
    """A piece of a step in words; a name links to its record (href), the rest has none."""
    text: str = ""
    href: str = ""


@dataclasses.dataclass
class PathRow:
    score: int = 0
    steps_nl: list[list[Piece]] = dataclasses.field(default_factory=list)
    steps_en: list[list[Piece]] = dataclasses.field(default_factory=list)
    length: int = 0


def hits_for(actor, text: str) -> list[Hit]:
    """Organisations and people whose name matches what was typed."""
    text = text.strip()
    if not text:
        return []
    orgs = [Hit(id=o["id"], name=o.get("name") or "", detail=o.get("city") or "", kind="organisation")
            for o in organisation_service.lookup(actor, text, HITS)]
    found = people_service.list_page(actor, {"text": text}, page_size=25).items[:HITS]
    people = [Hit(id=p["id"], name=p.get("name") or "", detail=", ".join(p.get("organisations") or []),
                  kind="person") for p in found]
    return (orgs + people)[: 2 * HITS]


class IntroductionsState(SessionState):
    start_id: str = ""
    start_name: str = ""
    start_query: str = ""
    start_hits: list[Hit] = []
    target_id: str = ""
    target_name: str = ""
    target_query: str = ""
    target_hits: list[Hit] = []
    paths: list[PathRow] = []
    searched: bool = False

    @requires(Permission.VIEW)
    def load(self):
        """on_load of /voorstellen: start at the user's own organisation when it is known;
        ?doel=<id> preselects the target (the detail pages link here)."""
        self.paths, self.searched = [], False
        self.start_query = self.target_query = ""
        self.start_hits, self.target_hits = [], []
        if not self.start_id:
            home = service.home_organisation(self.signed_in_actor())
            if home:
                self.start_id, self.start_name = home["id"], home["name"] or ""
        params = self.router.url.query_parameters
        target = str(params.get("doel", ""))[:64]
        if target:
            self.target_id, self.target_name = target, self._name_of(target)
            if self.start_id and self.target_name and self.start_id != self.target_id:
                self._find()

    def _name_of(self, record_id: str) -> str:
        actor = self.signed_in_actor()
        for service_of in (organisation_service, people_service):
            try:
                return service_of.get(actor, record_id).get("name") or ""
            except NotFound:
                continue
        return ""

    @requires(Permission.VIEW)
    def look_up_start(self, text: str):
        self.start_query = text[:100]
        self.start_hits = hits_for(self.signed_in_actor(), self.start_query)

    @requires(Permission.VIEW)
    def look_up_target(self, text: str):
        self.target_query = text[:100]
        self.target_hits = hits_for(self.signed_in_actor(), self.target_query)

    def pick_start(self, hit_id: str, name: str):
        self.start_id, self.start_name = hit_id, name
        self.start_query, self.start_hits = "", []
        self.paths, self.searched = [], False

    def pick_target(self, hit_id: str, name: str):
        self.target_id, self.target_name = hit_id, name
        self.target_query, self.target_hits = "", []
        self.paths, self.searched = [], False

    def clear_start(self):
        self.start_id = self.start_name = ""
        self.paths, self.searched = [], False

    def clear_target(self):
        self.target_id = self.target_name = ""
        self.paths, self.searched = [], False

    def _find(self) -> None:
        found = service.find(self.signed_in_actor(), self.start_id, self.target_id)
        def words(text: str, step) -> list[Piece]:
            return [Piece(piece, link) for piece, link in path_domain.pieces(text, step.names)]

        self.paths = [PathRow(score=round(100 * p.score), steps_nl=[words(s.nl, s) for s in p.steps],
                              steps_en=[words(s.en, s) for s in p.steps], length=len(p.steps)) for p in found]
        self.searched = True

    @requires(Permission.VIEW)
    def find(self):
        """The shortest paths, strongest first."""
        self._find()
