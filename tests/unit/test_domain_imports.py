"""Reading spreadsheets, recognising columns and validating rows (domain/imports.py)."""

from __future__ import annotations

import codecs
import io
from datetime import date, datetime

import pandas as pd
import pytest

from lo_network.domain import imports as d
from lo_network.domain.errors import ValidationError

ROWS = [
    ["Bedrijfsnaam", "KvK-nummer", "Plaats", "Website"],
    ["Müller Transport B.V.", "12345678", "Enschede", "www.muller.nl"],
    ["Café \"De Haven\"; Zwolle", "87654321", "Zwolle", ""],
]


def csv_bytes(rows, delimiter=";", encoding="utf-8", bom=False) -> bytes:
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            if any(ch in cell for ch in (delimiter, '"', "\n")):
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell)
        lines.append(delimiter.join(cells))
    data = "\r\n".join(lines).encode(encoding)
    return (codecs.BOM_UTF8 + data) if bom else data


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("encoding, bom", [("utf-8", False), ("utf-8", True), ("cp1252", False)])
def test_csv_is_read_whatever_the_delimiter_and_encoding(delimiter, encoding, bom):
    table = d.read_table(csv_bytes(ROWS, delimiter, encoding, bom), "lijst.csv")
    assert table.delimiter == delimiter
    assert table.encoding == {"utf-8": "utf-8-sig" if bom else "utf-8", "cp1252": "windows-1252"}[encoding]
    assert table.columns == ROWS[0]  # no BOM left in the first column name
    assert [line for line, _ in table.rows] == [2, 3]
    assert table.rows[0][1][0] == "Müller Transport B.V."
    assert table.rows[1][1][0] == 'Café "De Haven"; Zwolle'


def test_line_numbers_count_physical_lines_and_skip_blank_rows():
    data = 'Naam;Notities\r\n"A";"two\r\nlines"\r\n;\r\n"B";x\r\n'.encode()
    table = d.read_table(data, "x.csv")
    assert [(line, values[0]) for line, values in table.rows] == [(2, "A"), (5, "B")]


def test_utf16_with_bom_is_read():
    table = d.read_table("Naam\tPlaats\r\nÅsa BV\tHengelo\r\n".encode("utf-16"), "x.txt")
    assert table.columns == ["Naam", "Plaats"] and table.rows[0][1] == ["Åsa BV", "Hengelo"]


def test_xlsx_is_read_with_numbers_and_dates_as_text():
    frame = pd.DataFrame([["Twentse Trucks", 12345678, datetime(2024, 3, 1), None]],
                         columns=["Bedrijfsnaam", "KvK", "Status sinds", "Website"])
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    table = d.read_table(buffer.getvalue(), "lijst.xlsx")
    assert table.format == "xlsx"
    assert table.columns == ["Bedrijfsnaam", "KvK", "Status sinds", "Website"]
    assert table.rows == [(2, ["Twentse Trucks", "12345678", "2024-03-01", ""])]


def test_a_file_without_header_or_in_old_excel_format_is_refused():
    with pytest.raises(ValidationError) as caught:
        d.read_table(b"", "leeg.csv")
    assert "file" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        d.read_table(b"\xd0\xcf\x11\xe0", "oud.xls")
    assert ".xls" in caught.value.errors["file"]


def test_a_refused_file_is_named_in_each_language_with_the_numbers_each_writes():
    limits = d.Limits(max_columns=1_500)
    with pytest.raises(ValidationError) as caught:
        d.read_table((";".join(["x"] * 2_000) + "\n").encode(), "map/breed.csv", limits)
    refused = caught.value.errors["file"]
    assert refused == "breed.csv: te veel kolommen: 2.000 (max. 1.500) / breed.csv: too many columns: 2,000 (max 1,500)"
    assert refused.text("nl") == "breed.csv: te veel kolommen: 2.000 (max. 1.500)"
    assert refused.text("en") == "breed.csv: too many columns: 2,000 (max 1,500)"
    unnamed = d.too_large("", 50 * 1024 * 1024).errors["file"]
    assert unnamed == "bestand te groot (max. 50 MB) / file too large (max 50 MB)"
    assert unnamed.texts() == ("bestand te groot (max. 50 MB)", "file too large (max 50 MB)")


def test_dutch_and_english_column_names_are_recognised():
    orgs = d.recognise(["Bedrijfsnaam", "KvK-nummer", "Website", "Adres", "Plaats", "Gemeente", "Extra"],
                       "organisations")
    assert orgs == {"Bedrijfsnaam": "name", "KvK-nummer": "kvk", "Website": "website", "Adres": "street",
                    "Plaats": "city", "Gemeente": "municipality", "Extra": ""}
    assert d.recognise(["Company name", "CoC number", "City"], "organisations") == {
        "Company name": "name", "CoC number": "kvk", "City": "city"}
    people = d.recognise(["Naam", "E-mailadres", "Telefoon", "Functie", "Organisatie", "KvK"], "people")
    assert people == {"Naam": "full_name", "E-mailadres": "email", "Telefoon": "phone", "Functie": "job_title",
                      "Organisatie": "organisation", "KvK": "organisation_kvk"}
    # a second column naming a field already taken is left for the mapping step
    assert d.recognise(["Naam", "Bedrijfsnaam"], "organisations") == {"Naam": "name", "Bedrijfsnaam": ""}


def test_the_mapping_step_lays_the_users_choices_over_the_recognition():
    columns = ["Firma", "Nummer", "Plaats"]
    with pytest.raises(ValidationError) as caught:
        d.mapping_for(columns, "organisations")
    assert "name" in caught.value.errors
    mapping = d.mapping_for(columns, "organisations", d.parse_map_options(["firma=name", "Nummer=kvk", "Plaats="]))
    assert mapping == {"Firma": "name", "Nummer": "kvk", "Plaats": ""}
    with pytest.raises(ValidationError) as caught:
        d.mapping_for(columns, "organisations", {"Firma": "naam"})
    assert "unknown field" in caught.value.errors["map"]
    with pytest.raises(ValidationError):
        d.parse_map_options(["zonder-is-teken"])


def table_of(rows) -> d.Table:
    return d.read_table(csv_bytes(rows), "x.csv")


def test_rows_are_validated_with_the_forms_messages_naming_line_field_and_column():
    table = table_of([
        ["Bedrijfsnaam", "KvK-nummer", "Website", "Soort", "Status sinds"],
        ["Goed BV", "1234 5678", "goed.nl", "Bedrijf", "01-02-2024"],
        ["", "123", "", "", ""],
        ["Slecht BV", "", "niet een site", "vrachtwagen", "31-02-2024"],
    ])
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations",
                                  today=date(2026, 1, 1))
    assert [r.line for r in rows] == [2]
    assert rows[0].props["kvk"] == "12345678" and rows[0].props["website"] == "https://goed.nl"
    assert rows[0].props["kind"] == "company" and rows[0].props["status_since"] == "2024-02-01"
    found = {(e.line, e.field, e.column) for e in errors}
    assert found == {(3, "name", "Bedrijfsnaam"), (3, "kvk", "KvK-nummer"), (4, "website", "Website"),
                     (4, "kind", "Soort"), (4, "status_since", "Status sinds")}
    kvk = next(e for e in errors if e.field == "kvk")
    assert kvk.reason == "KvK-nummer moet uit 8 cijfers bestaan / KvK number must be 8 digits"


def test_people_rows_split_full_names_and_check_email_and_employer():
    table = table_of([
        ["Naam", "E-mailadres", "Organisatie", "KvK"],
        ["Jan de Vries", "JAN@Example.NL", "Twentse Trucks B.V.", ""],
        ["Vries, Piet de", "geen-mail", "", "12"],
    ])
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "people"), "people", today=date(2026, 1, 1))
    assert (rows[0].props["first_name"], rows[0].props["last_name"]) == ("Jan", "de Vries")
    assert rows[0].props["email_key"] == "jan@example.nl"
    assert rows[0].organisation == {"name": "Twentse Trucks B.V.", "kvk": "", "name_key": "twentse trucks"}
    assert {(e.line, e.field) for e in errors} == {(3, "email"), (3, "organisation_kvk")}
    assert d.split_full_name("Vries, Piet de") == ("Piet", "de Vries")


def test_vocabulary_values_are_read_from_codes_and_dutch_or_english_labels():
    table = table_of([
        ["Naam", "Soort", "Type bedrijf", "Netwerkstatus", "Thema's", "Regio"],
        ["A", "Kennisinstelling", "", "Deelnemer", "Kennis, Onderwijs & Arbeidsmarkt", "Twente"],
        ["B", "company", "LDV", "partner", "Duurzaamheid & Circulaire economie; International Business", ""],
    ])
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    assert errors == []
    assert (rows[0].props["kind"], rows[0].props["status"], rows[0].props["themes"], rows[0].props["region"]) == (
        "knowledge_institute", "participant", ["knowledge_labour"], "twente")
    assert (rows[1].props["company_type"], rows[1].props["themes"]) == ("lsp", ["international", "sustainability"])


@pytest.mark.parametrize("column", ["Grootte", "grootteklasse", "Size class", "SIZE"])
def test_size_class_columns_are_recognised(column):
    assert d.recognise(["Naam", column], "organisations")[column] == "size_class"


def test_size_class_is_read_from_codes_labels_or_a_number_of_employees():
    table = table_of([
        ["Naam", "Soort", "Grootteklasse"],
        ["A", "Bedrijf", "micro"],
        ["B", "Bedrijf", "Klein (10–49)"],
        ["C", "Bedrijf", "Middelgroot"],
        ["D", "Bedrijf", "Large"],
        ["E", "Bedrijf", "35"],
        ["F", "Bedrijf", "1.200 medewerkers"],
        ["G", "Bedrijf", "50-249"],
        ["H", "Bedrijf", "7.0"],
        ["I", "Bedrijf", ""],
        ["J", "Bedrijf", "reus"],
        ["K", "Bedrijf", "0"],
    ])
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    assert [r.props["size_class"] for r in rows] == ["micro", "small", "medium", "large", "small", "large",
                                                      "medium", "micro", ""]
    assert {(e.line, e.field) for e in errors} == {(11, "size_class"), (12, "size_class")}
    assert any("reus" in e.text() for e in errors)


def test_size_class_exports_as_its_dutch_label_and_reads_back():
    record = {"name": "Klein BV", "kind": "company", "company_type": "carrier", "size_class": "small",
              "status": "prospect", "status_since": "2024-02-01"}
    headers = list(d.EXPORT_HEADERS["organisations"].values())
    row = d.export_row(record, "organisations")
    assert row[headers.index("Grootteklasse")] == "Klein (10–49)"
    table = d.read_table(d.write_table(headers, [row], "csv"), "export.csv")
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    assert errors == [] and rows[0].props["size_class"] == "small"


def test_rows_of_one_file_that_are_the_same_organisation_are_merged():
    table = table_of([
        ["Naam", "KvK", "Website", "Plaats", "Postcode"],
        ["Transport Twente B.V.", "12345678", "", "Hengelo", ""],
        ["transport twente bv", "", "https://www.transport-twente.nl/", "", "7551 AB"],
        ["Transport Twente", "", "transport-twente.nl", "", ""],
        ["Transport Twente", "87654321", "", "Almelo", ""],   # same name, another KvK: another company
        ["Anders BV", "", "", "", ""],
    ])
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    groups = d.group_rows(rows, "organisations")
    assert errors == [] and [g.lines for g in groups] == [[2, 3, 4], [5], [6]]
    first = groups[0].changes
    assert (first["city"], first["postcode"], first["website"]) == ("Hengelo", "7551 AB", "https://www.transport-twente.nl/")


def test_people_merge_by_email_or_same_name_at_the_same_organisation():
    table = table_of([
        ["Voornaam", "Achternaam", "E-mailadres", "Organisatie", "Telefoon"],
        ["Anna", "Bakker", "anna@a.nl", "A BV", ""],
        ["Anna", "Bakker", "ANNA@a.nl", "", "0612345678"],
        ["Anna", "Bakker", "", "A B.V.", ""],
        ["Anna", "Bakker", "", "Ander BV", ""],
    ])
    rows, _ = d.prepare_rows(table, d.recognise(table.columns, "people"), "people")
    groups = d.group_rows(rows, "people")
    assert [g.lines for g in groups] == [[2, 3, 4], [5]]
    assert groups[0].changes["phone"] == "0612345678"


def test_key_index_never_matches_another_kvk_by_name_or_website():
    index = d.KeyIndex(("kvk", "website", "name"))
    index.add("o1", d.organisation_keys({"kvk": "11111111", "website": "https://www.a.nl", "name": "A B.V."}), "11111111")
    assert index.find(d.organisation_keys({"kvk": "11111111", "name": "Other"}), "11111111") == ("o1", "kvk")
    assert index.find(d.organisation_keys({"website": "http://a.nl/x", "name": "Z"})) == ("o1", "website")
    assert index.find(d.organisation_keys({"name": "a bv"})) == ("o1", "name")
    assert index.find(d.organisation_keys({"kvk": "22222222", "name": "A BV"}), "22222222") is None
    assert d.stable_id("organisation", "kvk", "1") == d.stable_id("organisation", "kvk", "1") != d.stable_id("organisation", "kvk", "2")


def test_failed_rows_file_keeps_format_and_columns_and_adds_line_and_reason():
    source = csv_bytes([["Naam", "KvK"], ["Goed", "12345678"], ["Fout", "12"]], delimiter=",", encoding="cp1252")
    table = d.read_table(source, "x.csv")
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    out = d.read_table(d.failed_rows_file(table, errors), "x-fouten.csv")
    assert (out.delimiter, out.encoding) == (",", "utf-8")  # cp1252 text that is plain ASCII reads as UTF-8
    assert out.columns == ["Naam", "KvK", d.LINE_COLUMN, d.REASON_COLUMN]
    assert out.rows[0][1][:3] == ["Fout", "12", "3"] and "KvK" in out.rows[0][1][3]
    assert d.recognise(out.columns, "organisations")[d.REASON_COLUMN] == ""


def test_export_rows_read_back_to_the_same_record():
    record = {"name": "Haven BV", "kind": "port_network", "kvk": "12345678", "website": "https://haven.nl",
              "city": "Zwolle", "region": "zwolle", "themes": ["knowledge_labour", "international"],
              "status": "partner", "status_since": "2024-02-01", "tags": ["haven"], "notes": ""}
    headers = list(d.EXPORT_HEADERS["organisations"].values())
    data = d.write_table(headers, [d.export_row(record, "organisations")], "csv")
    table = d.read_table(data, "export.csv")
    rows, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    assert errors == []
    props = rows[0].props
    assert {k: props[k] for k in record} == dict(record, themes=sorted(record["themes"]))


def test_failed_rows_of_an_xlsx_file_come_back_as_xlsx():
    frame = pd.DataFrame([["Goed BV", "12345678"], ["Fout BV", "12"]], columns=["Bedrijfsnaam", "KvK"])
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    table = d.read_table(buffer.getvalue(), "lijst.xlsx")
    _, errors = d.prepare_rows(table, d.recognise(table.columns, "organisations"), "organisations")
    out = d.read_table(d.failed_rows_file(table, errors), "lijst-fouten.xlsx")
    assert out.format == "xlsx"
    assert out.columns == ["Bedrijfsnaam", "KvK", d.LINE_COLUMN, d.REASON_COLUMN]
    assert out.rows[0][1][:3] == ["Fout BV", "12", "3"]
