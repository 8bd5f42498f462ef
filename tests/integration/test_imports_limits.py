"""Hostile import files are refused whole, naming the file and the problem, within the
LO_IMPORT_MAX_* limits (set low here through the environment): a zip bomb by its central
directory before openpyxl opens it, a wide CSV by its column count, a line of a million
delimiters before it is split into cells, a binary file named .csv; the same refusal in the
service, the API (422) and the CLI (exit 2)."""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile

import pytest

from lo_network import cli, settings
from lo_network.domain import imports as domain
from lo_network.domain.errors import ValidationError


@pytest.fixture
def limits(monkeypatch):
    """Low limits through the environment, as an operator sets them."""

    def set_(**values: int) -> domain.Limits:
        for name, value in values.items():
            monkeypatch.setenv(f"LO_IMPORT_MAX_{name.upper()}", str(value))
        settings.reset()
        return domain.Limits.from_settings()

    yield set_
    monkeypatch.undo()
    settings.reset()


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(ValidationError) as caught:
        domain.read_table(data, name)
    assert list(caught.value.errors) == ["file"]
    message = caught.value.errors["file"]
    nl, _, en = message.partition(" / ")
    assert nl.startswith(f"{name}: ") and en.startswith(f"{name}: "), message  # both languages name the file
    return message


def xlsx_parts(sheet_xml: bytes) -> bytes:
    """A zip laid out as an XLSX (content types, workbook, one sheet) around ``sheet_xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()


def real_xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- XLSX
def test_a_zip_bomb_is_refused_by_its_central_directory(limits, monkeypatch):
    limits(xlsx_ratio=50, xlsx_bytes=64 * 1024 * 1024)
    row = b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'
    bomb = xlsx_parts(b"<worksheet><sheetData>" + row * 60_000 + b"</sheetData></worksheet>")  # 4 MB of XML
    assert len(bomb) < 64 * 1024  # a few kB on the wire

    import openpyxl

    def never(*_args, **_kwargs):  # the refusal comes before openpyxl reads a byte
        raise AssertionError("openpyxl opened the zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    message = refusal(bomb, "bom.xlsx")
    assert "verdacht sterk ingepakt" in message and "(max. 50)" in message and "(max 50)" in message


def test_an_xlsx_larger_than_the_unpacked_limit_is_refused(limits):
    limits(xlsx_bytes=1024 * 1024)
    noise = random.Random(7).randbytes(3 * 512 * 1024).hex().encode()  # 3 MB, barely compressible
    data = xlsx_parts(b"<worksheet><sheetData><row><c><v>" + noise + b"</v></c></row></sheetData></worksheet>")
    assert "uitgepakt te groot (max. 1 MB)" in refusal(data, "groot.xlsx")


def test_a_wide_xlsx_and_a_long_cell_are_refused(limits):
    limits(columns=20, cell=100)
    assert "te veel kolommen" in refusal(real_xlsx([[f"Kolom {i}" for i in range(25)]]), "breed.xlsx")
    assert "regel 2: cel te lang (max. 100 tekens)" in refusal(real_xlsx([["Naam"], ["x" * 101]]), "lang.xlsx")
    table = domain.read_table(real_xlsx([["Naam", "KvK"], ["Transport BV", 12345678]]), "goed.xlsx")
    assert table.columns == ["Naam", "KvK"] and table.rows == [(2, ["Transport BV", "12345678"])]


def test_a_row_of_many_cells_in_the_sheet_xml_is_refused_before_openpyxl_builds_it(limits, monkeypatch):
    limits(columns=10)
    cells = b"".join(b'<c r="A1"><v>1</v></c>' for _ in range(5_000))
    data = xlsx_parts(b"<worksheet><sheetData><row r=\"1\">" + cells + b"</row></sheetData></worksheet>")
    import openpyxl

    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: (_ for _ in ()).throw(AssertionError("opened")))
    assert "te veel kolommen (max. 10)" in refusal(data, "cellen.xlsx")


@pytest.mark.parametrize("data, problem", [
    (b"PK\x03\x04 this is no zip at all", "geen zip-bestand"),
    (b"Naam;KvK\r\nTransport BV;12345678\r\n", "geen zip-bestand"),  # text named .xlsx
])
def test_a_file_named_xlsx_that_is_no_zip_is_refused(data, problem):
    assert problem in refusal(data, "lijst.xlsx")


def test_an_old_xls_is_refused_naming_the_file():
    assert "oud Excel-formaat (.xls): sla op als .xlsx of .csv" in refusal(b"\xd0\xcf\x11\xe0" + bytes(508), "oud.xls")


# ---------------------------------------------------------------- CSV
def test_a_wide_csv_is_refused_by_the_column_limit(limits):
    limits(columns=20)
    wide = (";".join(f"Kolom {i}" for i in range(25)) + "\r\nx\r\n").encode()
    assert "te veel kolommen: 25 (max. 20)" in refusal(wide, "breed.csv")
    fits = (";".join(f"Kolom {i}" for i in range(20)) + "\r\nx\r\n").encode()
    assert len(domain.read_table(fits, "past.csv").columns) == 20


def test_a_line_of_a_million_columns_is_refused_before_it_is_split(limits):
    limits(columns=200)
    data = (";" * 1_000_000 + "\r\nx\r\n").encode()
    tracemalloc.start()
    try:
        message = refusal(data, "miljoen.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # refused by the delimiter count of the line, before the reader built its cells (the
    # message then cannot know how many there are)
    assert "te veel kolommen (max. 200)" in message
    # a million cells would be a list of a million strings (tens of MB); the text and the
    # line as read are two copies of 1 MB
    assert peak < 8 * len(data), peak


def test_quoted_delimiters_and_lines_in_a_cell_are_not_columns(limits):
    limits(columns=3)
    data = 'Naam;Notities\r\nA;"een; twee; drie; vier\r\nvijf; zes"\r\n'.encode()
    table = domain.read_table(data, "notities.csv")
    assert table.rows == [(2, ["A", "een; twee; drie; vier\r\nvijf; zes"])]


def test_rows_and_cell_length_of_a_csv_are_limited(limits):
    limits(rows=3, cell=50)
    rows = "Naam\r\n" + "".join(f"Bedrijf {i}\r\n" for i in range(4))
    assert "te veel regels (max. 3)" in refusal(rows.encode(), "lang.csv")
    assert "regel 2: cel te lang (max. 50 tekens)" in refusal(("Naam\r\n" + "x" * 51 + "\r\n").encode(), "cel.csv")
    # an unclosed quote swallows the rest of the file into one cell: refused, not read on
    unclosed = 'Naam;Notities\r\nA;"' + "tekst zonder einde\r\n" * 10
    assert "cel te lang" in refusal(unclosed.encode(), "quote.csv")


@pytest.mark.parametrize("data, problem", [
    (random.Random(3).randbytes(2 * 1024 * 1024), "geen leesbare tekst"),                  # random bytes
    (b"Naam;KvK\r\n" + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "bevat NUL-bytes"),  # an image
    (b"Naam;KvK\r\nTransport BV;1\x81\r\n", "geen leesbare tekst"),                      # no cp1252 character
    (b"\xff\xfeN\x00a\x00\x00\xd8", "geen leesbare tekst"),                               # broken UTF-16
    (("Naam;KvK\r\n" + "\x01\x02\x03\x04\x05\x06" * 100 + "\r\n").encode(), "veel stuurtekens"),
])
def test_a_binary_or_undecodable_csv_is_refused(data, problem):
    assert problem in refusal(data, "bestand.csv")


def test_text_in_the_usual_encodings_is_still_read():
    for encoding in ("utf-8-sig", "utf-8", "cp1252", "utf-16"):
        table = domain.read_table("Naam;Plaats\r\nCafé Zuid;Hengelo\r\n".encode(encoding), "lijst.csv")
        assert table.rows == [(2, ["Café Zuid", "Hengelo"])], encoding


def test_the_file_size_is_limited(limits):
    limits(bytes=1024)
    assert "bestand te groot (max. 1 kB)" in refusal(b"Naam\r\n" + b"x\r\n" * 600, "groot.csv")
    assert domain.read_table(b"Naam\r\n" + b"x\r\n" * 300, "past.csv").rows[-1] == (301, ["x"])


# ---------------------------------------------------------------- the same refusal in service, API and CLI
def test_the_service_keeps_no_job_of_a_refused_file(graph, users, limits):
    from sqlmodel import select

    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import ImportJob

    limits(columns=5)
    with sql.session() as db:
        before = len(db.exec(select(ImportJob)).all())
    from lo_network.services import imports as service

    with pytest.raises(ValidationError) as caught:
        service.create_job(users["coordinator"], "breed.csv", (";".join("abcdefg") + "\r\n").encode(),
                           "organisations", "test")
    assert "breed.csv: te veel kolommen: 7 (max. 5)" in caught.value.errors["file"]
    with sql.session() as db:
        assert len(db.exec(select(ImportJob)).all()) == before


@pytest.fixture
def client(sql_db):
    from fastapi.testclient import TestClient

    from lo_network.api.app import create_api
    from lo_network.api.upload_guard import UploadGuard

    return TestClient(UploadGuard(create_api()))


def token(users, role: str) -> dict[str, str]:
    from lo_network.services import accounts as service

    return {"Authorization": f"Bearer {service.create_api_token(users[role].email)}"}


def test_the_api_refuses_a_hostile_file_with_422_naming_it(graph, users, client, limits):
    limits(columns=5)
    headers = token(users, "coordinator")
    binary = client.post("/api/v1/imports", params={"kind": "organisations"}, headers=headers,
                         files={"file": ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "text/csv")})
    assert binary.status_code == 422, binary.text
    assert binary.json()["errors"]["file"].startswith("foto.csv: binair bestand")
    wide = client.post("/api/v1/imports", headers=headers,
                       files={"file": ("breed.csv", (";".join("abcdefg") + "\r\n").encode(), "text/csv")})
    assert wide.status_code == 422 and "breed.csv: te veel kolommen: 7 (max. 5)" in wide.json()["errors"]["file"]
    good = client.post("/api/v1/imports", params={"kind": "organisations", "map": "Firma=name"}, headers=headers,
                       files={"file": ("leads.csv", b"Firma;Plaats\r\nTransport BV;Almelo\r\n", "text/csv")})
    assert good.status_code == 201, good.text
    assert good.json()["mapping"] == {"Firma": "name", "Plaats": "city"} and good.json()["total_rows"] == 1


def test_the_api_upload_needs_a_user_who_may_import(graph, users, client):
    files = {"file": ("leads.csv", b"Naam\r\nTransport BV\r\n", "text/csv")}
    assert client.post("/api/v1/imports", files=files).status_code == 401
    assert client.post("/api/v1/imports", files=files, headers=token(users, "steering")).status_code == 403


def test_the_api_refuses_a_body_over_the_size_limit_with_413(graph, users, client, limits):
    limits(bytes=1024)
    answer = client.post("/api/v1/imports", headers=token(users, "coordinator"),
                         files={"file": ("groot.csv", b"Naam\r\n" + b"x" * 200_000, "text/csv")})
    assert answer.status_code == 413 and "bestand te groot" in answer.json()["errors"]["file"]


def test_the_cli_refuses_a_hostile_file_with_exit_2_and_the_reason(graph, users, tmp_path, capsys, limits):
    binary = tmp_path / "export.csv"
    binary.write_bytes(random.Random(5).randbytes(256 * 1024))
    assert cli.main(["import", str(binary), "--kind", "organisations"]) == 2
    assert "lo-network: file: export.csv: geen leesbare tekst" in capsys.readouterr().err

    limits(bytes=1024)
    big = tmp_path / "groot.csv"
    big.write_bytes(b"Naam\r\n" + b"Transport BV\r\n" * 200)
    assert cli.main(["import", str(big), "--kind", "organisations"]) == 2
    assert "lo-network: file: groot.csv: bestand te groot" in capsys.readouterr().err
