"""List exports: the organisation and people lists, filtered and sorted as on screen, as
CSV (``;``, UTF-8 with BOM: Dutch Excel opens it as is) or XLSX. The columns are the ones
the import recognises, so an exported list can be edited and imported again."""

from __future__ import annotations

from datetime import date
from typing import Any

from lo_network.domain import imports as domain
from lo_network.domain import organisations as org_domain
from lo_network.domain import people as person_domain
from lo_network.domain import sheets
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.domain.text import fold
from lo_network.messages import msg
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.store import driver
from lo_network.store import imports as store

MEDIA_TYPES = sheets.MEDIA_TYPES


def _check(fmt: str, sort: str, sorts: tuple[str, ...]) -> None:
    errors = {}
    if fmt not in domain.FORMATS:
        errors["format"] = msg("common.choose_from", detail=", ".join(domain.FORMATS))
    if sort not in sorts:
        errors["sort"] = msg("common.choose_from", detail=", ".join(sorts))
    if errors:
        raise ValidationError(errors)


def _name(kind: str, fmt: str) -> str:
    stem = {"organisations": "organisaties", "people": "personen"}[kind]
    return f"{stem}-{date.today().isoformat()}.{fmt}"


def organisations(actor: Actor, filters: dict[str, Any], sort: str = "name", fmt: str = "csv") -> tuple[str, bytes]:
    """(filename, bytes) of every organisation the list shows with these filters."""
    require(actor.role, Permission.VIEW)
    _check(fmt, sort, org_domain.SORTS)
    clean = dict(filters, text=org_domain.search_text(filters.get("text")))
    rows = (domain.export_row(r, "organisations")
            for r in store.iter_pages(driver.read, store.export_organisations, clean, sort, org_domain.KEYSET_SORTS))
    headers = list(domain.EXPORT_HEADERS["organisations"].values())
    return _name("organisations", fmt), sheets.write_table(headers, rows, fmt)


def people(actor: Actor, filters: dict[str, Any], sort: str = "name", fmt: str = "csv") -> tuple[str, bytes]:
    """(filename, bytes) of every person the list shows with these filters."""
    require(actor.role, Permission.VIEW)
    _check(fmt, sort, person_domain.SORTS)
    # the export shows whom the list shows (services.consent.directory_only)
    clean = dict(filters, text=fold(filters.get("text"))[:100], directory=consent.directory_only(actor))
    rows = (domain.export_row(r, "people")
            for r in store.iter_pages(driver.read, store.export_people, clean, sort, person_domain.KEYSET_SORTS))
    headers = list(domain.EXPORT_HEADERS["people"].values())
    return _name("people", fmt), sheets.write_table(headers, rows, fmt)


# the lists there is an export of, by name (the CLI's `export LIST`)
LISTS = {"organisations": organisations, "people": people}
