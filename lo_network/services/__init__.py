"""Use cases shared by the UI states, the API and the CLI: check the actor's permission,
validate with the domain, write through the store in one transaction, record the audit."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class Page:
    items: list[dict] = field(default_factory=list)
    total: int = 0
    page: int = 1
    page_size: int = 25
    next_cursor: str | None = None  # reads the next page after this one's last row (keyset)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))


PAGE_SIZES = (25, 50, 100)


def clamp_page(page: int, page_size: int) -> tuple[int, int]:
    size = page_size if page_size in PAGE_SIZES else PAGE_SIZES[0]
    return max(1, int(page)), size
