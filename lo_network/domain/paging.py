"""Keyset paging: a page read after the last row of the page before, instead of by skipping
rows, so that a deep page costs what the first one costs.

A cursor is opaque to its users (the list states, API clients): the sort it was made for
and the sort keys and id of the last row seen. The sort keys are strings compared exactly
(``name_key``, ``city``); a sort on another key pages by offset."""

from __future__ import annotations

import base64
import json
from typing import Any

from lo_network.domain.errors import ValidationError
from lo_network.messages import msg

NO_CURSOR = {"after_name": None, "after_city": None, "after_id": None}


def page_cursor(sort: str, keyset_sorts: tuple[str, ...], last_row: dict[str, Any]) -> str | None:
    """The cursor that reads the page after ``last_row`` under ``sort``; None when ``sort``
    is not one of ``keyset_sorts``."""
    if sort not in keyset_sorts or not last_row.get("id"):
        return None
    keys = [sort, last_row.get("name_key") or "", last_row.get("city") or "", last_row["id"]]
    return base64.urlsafe_b64encode(json.dumps(keys).encode()).decode().rstrip("=")


def read_cursor(cursor: str | None, sort: str) -> dict[str, str | None]:
    """The keyset parameters of the queries (``after_name``, ``after_city``, ``after_id``)
    for a cursor made for the same sort; all None without a cursor."""
    if not cursor:
        return dict(NO_CURSOR)
    try:
        keys = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        cursor_sort, name_key, city, last_id = keys
        if cursor_sort != sort or not all(isinstance(k, str) for k in (name_key, city, last_id)):
            raise ValueError(cursor)
    except (ValueError, TypeError) as exc:
        raise ValidationError({"cursor": msg("common.cursor.invalid")}) from exc
    return {"after_name": name_key, "after_city": city, "after_id": last_id}


def strip_keys(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows without the sort keys the cursor needed (not part of a list's record)."""
    for item in items:
        item.pop("name_key", None)
    return items
