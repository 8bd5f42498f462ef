"""Spreadsheet files for people to open: every CSV and XLSX export (organisation, people,
attendee and follow-up lists, the dashboard's figures, an import's failed rows) is written
here, so each one holds what was stored as data, never as something to run
(docs/hardening.md, "Text and exports"):

- A text is always a text. In XLSX its cell has the string type (openpyxl would otherwise
  take ``=...`` for a formula); in CSV, where a spreadsheet guesses, a text starting with
  ``=`` ``+`` ``-`` ``@``, tab or a line break gets a leading ``'`` (OWASP, "CSV
  injection"), so ``=HYPERLINK(...)`` shows as written instead of running. A number (an
  ``int`` or ``float``, as counts and percentages are) stays a number in both.
- Text is scrubbed as the domain's text edge does (``domain.text.scrub``: no control
  characters, no bidi overrides, no lone surrogates), so a value stored before that edge
  existed, or written around it, cannot stop an export (openpyxl refuses control
  characters with IllegalCharacterError).

Backups (``services/backup.py``) do not come here: they are for restoring, byte for byte.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from lo_network.domain.text import scrub

FORMATS = ("csv", "xlsx")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")  # may start a formula (CR is read as LF here)
ESCAPE = "'"


def cell_value(value: Any) -> str | int | float:
    """A value as its cell holds it: a number stays a number (not a bool); None is '';
    a list is its items joined by '; '; anything else is scrubbed text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return scrub("; ".join(str(v) for v in value), lines=True)
    return scrub(value, lines=True)


def csv_cell(value: Any) -> str:
    """A value as CSV text: a text that a spreadsheet would run as a formula gets ``'``."""
    cell = cell_value(value)
    if isinstance(cell, str):
        return ESCAPE + cell if cell.startswith(FORMULA_START) else cell
    return str(cell)


def unescape_csv(text: str) -> str:
    """The inverse of :func:`csv_cell` for a cell read back from CSV (an exported list
    imported again): ``'=x`` -> ``=x``, ``'+31 6...`` -> ``+31 6...``; other text unchanged."""
    if text.startswith(ESCAPE) and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def write_table(columns: list[str], rows: Iterable[list[Any]], fmt: str, *, encoding: str = "utf-8-sig",
                delimiter: str = ";", sheet_name: str = "Sheet1") -> bytes:
    """A sheet as CSV (``;`` and UTF-8 with BOM by default: Dutch Excel opens it as is) or
    XLSX (one sheet ``sheet_name``, bold header row)."""
    if fmt == "xlsx":
        return _xlsx(columns, rows, sheet_name)
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter or ";", lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    codec = {"windows-1252": "cp1252", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, "utf-8")
    return text.getvalue().encode(codec, errors="replace")


def _xlsx(columns: list[str], rows: Iterable[list[Any]], sheet_name: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)  # streams rows: a list of 100,000 people fits
    sheet = book.create_sheet(title=sheet_name)
    bold = Font(bold=True)

    def cell(value: Any, header: bool = False) -> WriteOnlyCell:
        value = cell_value(value)
        out = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            out.data_type = "s"  # openpyxl takes a text starting with '=' for a formula
        if header:
            out.font = bold
        return out

    sheet.append([cell(c, header=True) for c in columns])
    for row in rows:
        sheet.append([cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
