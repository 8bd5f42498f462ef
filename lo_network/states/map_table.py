"""/kaart's text alternative: the map's nodes and ties as a table, built on demand (only
while it is open: at demo size the map holds thousands of nodes)."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain import map_table as domain
from lo_network.states.ecosystem import EcosystemState


@dataclasses.dataclass
class MapTableRow:
    id: str
    name: str
    href: str
    kind: list[str]
    count: int
    tied: str


class MapTableState(EcosystemState):
    table_open: bool = False

    def set_table_open(self, is_open: bool):
        """Show or hide the table (what it shows was read by the map's own guarded handlers)."""
        self.table_open = bool(is_open)

    @rx.var
    def table_rows(self) -> list[MapTableRow]:
        if not self.table_open:
            return []
        return [MapTableRow(**row) for row in domain.rows(self._flat)]

    @rx.var
    def table_cut(self) -> bool:
        return len(self._flat["nodes"]) > domain.MAX_ROWS
