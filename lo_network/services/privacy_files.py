"""Erasure in stored import files: the person's data in the kept copies of uploaded files
and in their error lists (the privacy service's erasure calls :func:`scrub_files`).

Only rows that name the person change, and in them only the cells holding one of the
person's own values; a file being imported right now is left alone.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from lo_network import settings as settings_mod
from lo_network.domain import imports as domain
from lo_network.domain.errors import ValidationError
from lo_network.services import import_jobs

log = logging.getLogger("lo_network.imports")

SCRUBBED = "[verwijderd]"


def _scrub_rows(rows: list[list[Any]], identifying: set[str], values: set[str]) -> bool:
    """In each row that names the person (a cell is their email, phone or full name, or
    their first and last name stand in two cells), every cell holding one of their values
    is replaced. True when something changed."""
    changed = False
    for row in rows:
        cells = {str(c).strip().casefold() for c in row if c not in (None, "")}
        if not (cells & identifying or _names_in(cells, identifying)):
            continue
        for i, cell in enumerate(row):
            if cell not in (None, "") and str(cell).strip().casefold() in values:
                row[i] = SCRUBBED
                changed = True
    return changed


def _names_in(cells: set[str], identifying: set[str]) -> bool:
    pairs = [v for v in identifying if v.startswith("\x00")]  # "\0first\0last"
    return any(all(part in cells for part in pair.split("\x00")[1:]) for pair in pairs)


def _scrub_csv(path: Path, identifying: set[str], values: set[str]) -> bool:
    import csv
    import io

    data = path.read_bytes()
    text, encoding = domain.decode(data)
    delimiter = domain.sniff_delimiter(text)
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if not _scrub_rows(rows, identifying, values):
        return False
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if "\r\n" in text else "\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig" if encoding == "utf-8-sig" else encoding, errors="replace"))
    return True


def _scrub_xlsx(path: Path, identifying: set[str], values: set[str]) -> bool:
    from openpyxl import load_workbook

    book = load_workbook(path)
    changed = False
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            row = [c.value for c in cells]
            if _scrub_rows([row], identifying, values):
                for cell, value in zip(cells, row):
                    cell.value = value
                changed = True
    if changed:
        book.save(path)
    return changed


def _scrub_errors(path: Path, identifying: set[str]) -> bool:
    items = json.loads(path.read_text(encoding="utf-8"))
    texts = sorted((v for v in identifying if not v.startswith("\x00")), key=len, reverse=True)
    changed = False
    for item in items:
        reason = str(item.get("reason") or "")
        for text in texts:
            reason = re.sub(re.escape(text), SCRUBBED, reason, flags=re.IGNORECASE)
        if reason != item.get("reason"):
            item["reason"], changed = reason, True
    if changed:
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return changed


def scrub_files(identifying: set[str], values: set[str], first_last: tuple[str, str] = ("", "")) -> int:
    """Erasure: the person's data in the stored copies of uploaded files and in
    their error lists, for every import job not running now; how many files changed.
    ``identifying``: texts that alone name the person (email, phone, full name);
    ``values``: every text of theirs to replace in a row that names them."""
    ident = {v.strip().casefold() for v in identifying if v and len(v.strip()) >= 3}
    if all(first_last):
        ident.add("\x00" + "\x00".join(v.strip().casefold() for v in first_last))
    vals = {v.strip().casefold() for v in values if v and len(v.strip()) >= 2} | {
        v for v in ident if not v.startswith("\x00")}
    if not ident:
        return 0
    data_dir = settings_mod.get().data_dir
    changed = 0
    for job in import_jobs.idle_jobs():
        path = data_dir / job.path if job.path else None
        try:
            if path and path.is_file():
                fmt = domain.file_format(job.filename, path.read_bytes()[:4])
                if (_scrub_xlsx if fmt == "xlsx" else _scrub_csv)(path, ident, vals):
                    changed += 1
            errors = import_jobs.errors_path(job)
            if errors.is_file() and _scrub_errors(errors, ident):
                changed += 1
        except (OSError, ValueError, ValidationError) as exc:  # a broken file stays as it was; say so
            log.warning("import job %s: could not scrub %s: %s", job.id, path, exc)
    return changed
