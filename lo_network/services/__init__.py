"""Use cases shared by the UI states, the API and the CLI: check the actor's permission,
validate with the domain, write through the store in one transaction, record the audit."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from lo_network.domain import paging
from lo_network.domain.errors import NotFound
from lo_network.sqlstore import audit as audit_log  # (services.audit is the audit page's module)
from lo_network.store import driver, records


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
# SKIP stays a 32-bit integer (a huge page number in a URL or an API call once overflowed
# the graph's SKIP): a page past this one is read as this one, an empty page
MAX_PAGE = (2**31 - 1) // PAGE_SIZES[-1]


def clamp_page(page: int, page_size: int) -> tuple[int, int]:
    size = page_size if page_size in PAGE_SIZES else PAGE_SIZES[0]
    return min(MAX_PAGE, max(1, int(page))), size


def read_page(count: Callable, search: Callable, filters: dict[str, Any], sort: str, page: int,
              page_size: int, cursor: str | None, keyset_sorts: tuple[str, ...]) -> Page:
    """Count and one page of a list in one read transaction, by offset, or by keyset when a
    ``cursor`` (a previous page's ``next_cursor``) is given; the Page carries the cursor of
    the page after it when its sort pages by keyset."""
    after = paging.read_cursor(cursor, sort)

    def work(tx):
        total = count(tx, filters)
        offset = 0 if after["after_id"] else (page - 1) * page_size
        return total, search(tx, filters, sort, offset, page_size, after, total=total)

    total, items = driver.read(work)
    more = bool(items) and len(items) == page_size and page * page_size < total
    next_cursor = paging.page_cursor(sort, keyset_sorts, items[-1]) if more else None
    return Page(items=paging.strip_keys(items), total=total, page=page, page_size=page_size,
                next_cursor=next_cursor)


def add_under(actor_email: str, via: str, entity: str, owner: str, owner_id: str, add: Callable,
              record: dict[str, Any]) -> str:
    """Store ``record`` under the record ``owner_id`` (a person's consent or job) in one
    transaction and audit its creation, with the owner's id under ``owner`` ("person_id").
    ``add(tx, owner_id, record)`` returns the new record's id, or None when there is no such
    owner (any more): then NotFound."""
    new_id = driver.write(add, owner_id, record)
    if new_id is None:
        raise NotFound(owner_id)
    audit_log.record(actor_email, via, "create", entity, new_id, None, {**record, owner: owner_id})
    return new_id


def locked_change(actor_email: str, via: str, action: str, entity: str, lock: str, record_id: str,
                  get: Callable, change: Callable, audit_view: Callable[[dict], dict]) -> Any:
    """Change a record read under its write lock, in one transaction
    (``store.records.locked_edit``: a second editor at the same time waits, then changes what
    the first one saved), and audit it: an "update" with the record before and after, a
    "delete" with the record before. NotFound when there is no such record (any more)."""
    done = driver.write(records.locked_edit, lock, record_id, get, change)
    if done is None or done[1] is None:
        raise NotFound(record_id)
    current, result = done
    audit_log.record(actor_email, via, action, entity, record_id, audit_view(current),
                     audit_view(result) if action == "update" else None)
    return result
