"""Write and read audit entries."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import select

from lo_network import sql
from lo_network.audit.models import AuditEntry


def record(actor: str, via: str, action: str, entity: str, entity_id: str,
           before: Any = None, after: Any = None) -> int:
    """Append an entry; returns its id (a merge is undone from its entry)."""
    with sql.session() as db:
        entry = AuditEntry(
            actor=actor, via=via, action=action, entity=entity, entity_id=entity_id,
            before=json.dumps(before, ensure_ascii=False, default=str) if before is not None else "",
            after=json.dumps(after, ensure_ascii=False, default=str) if after is not None else "",
        )
        db.add(entry)
        db.commit()
        return entry.id


def for_entity(entity: str, entity_id: str, limit: int = 50) -> list[AuditEntry]:
    with sql.session() as db:
        rows = db.exec(
            select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc()).limit(limit)
        )
        return list(rows)
