"""The erasure's one exception to the append-only audit log: a person's data blanked inside
the entries about them (the entries themselves stay). Kept apart from sqlstore.audit, which
offers no way to change an entry."""

from __future__ import annotations

from typing import Callable

from sqlmodel import select

from lo_network.sqlstore import sql
from lo_network.sqlstore.models import AuditEntry


def redact_audit_entries(ids: list[int], change: Callable[[AuditEntry], bool]) -> int:
    """``change`` blanks the person's data inside each of these entries (in place; True when
    it changed one); the changed entries are stored in one transaction. Returns how many."""
    changed = 0
    with sql.session() as db:
        for entry in db.exec(select(AuditEntry).where(AuditEntry.id.in_(ids or [-1]))):
            if change(entry):
                db.add(entry)
                changed += 1
        db.commit()
    return changed
