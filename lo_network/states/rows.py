"""Row types that several pages share: a record named on a page by its id and its name
(an organiser, a partner, a look-up hit, a merge candidate's member, ...). A state that
needs one more field subclasses ``Named`` rather than declaring the pair again."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Named:
    """A record as a page names it: its id (for a link or a pick) and its name."""

    id: str = ""
    name: str = ""

    @classmethod
    def of(cls, record: dict, **more):
        """From a service's record (its name '' when it has none), with ``more`` fields given."""
        return cls(id=record["id"], name=record.get("name") or "", **more)
