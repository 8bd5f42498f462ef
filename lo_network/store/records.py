"""Plain records out of driver values: temporal values become ISO strings."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time.DateTime / Date / Time
        return value.iso_format()
    return value


def now_iso() -> str:
    """UTC now as ISO-8601 text, for datetime($now) (never a zoneinfo value to the driver)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())
