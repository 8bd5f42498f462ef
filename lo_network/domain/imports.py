"""Import of spreadsheets (CSV, XLSX): reading, column recognition, row validation, matching.

Plain Python, no driver: the services module reads the graph and writes it; everything
that decides *what* a row means lives here, unit-tested.

- :func:`read_table` reads CSV (delimiter ``;`` ``,`` or tab, sniffed; UTF-8 with or
  without BOM, UTF-16 with BOM, else Windows-1252) and XLSX (first sheet) into columns and
  rows with their line numbers as a spreadsheet program shows them.
- :func:`recognise` maps Dutch and English column names to fields; :func:`mapping_for`
  lays the user's own choices (``col=field``) over that.
- :func:`prepare_rows` validates every row with the same domain validation as the forms
  (``domain.organisations.validate`` / ``domain.people.validate``), so a message reads the
  same everywhere; a failure names its line, field, column and reason.
- :func:`group_rows` merges rows of one file that are the same organisation or person;
  :class:`KeyIndex` finds an existing record by KvK number, website domain or normalised
  name (organisations), by email or by the same name at the same organisation (people).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Iterable, Iterator

from lo_network.domain import fields
from lo_network.domain import organisations as org_domain
from lo_network.domain import people as person_domain
from lo_network.domain import vocab
from lo_network.domain.errors import ValidationError
from lo_network.domain.sheets import unescape_csv, write_table
from lo_network.domain.text import LEGAL_FORMS, clean, fold
from lo_network.messages import Message, join, msg

KINDS = ("organisations", "people", "attendances")
FORMATS = ("csv", "xlsx")
DEFAULT_KIND = "company"  # an organisation row without a kind (most lead lists) is a company

# What each kind of file holds: the entity's declared fields (domain/fields.py) and the
# columns only an import has (a person's organisation by name, an attendance's activity),
# in the order the import's mapping lists them. Columns are compared after `column_key`
# (folded, letters and digits only).
_PERSON = {f.name: f for f in person_domain.DECLARED}
FULL_NAME = fields.Field("full_name", ("Volledige naam", "Full name"), columns=(
    "naam", "volledige naam", "naam contactpersoon", "contactpersoon", "full name", "name", "contact",
    "contact name", "contact person"))
ORGANISATION = fields.Field("organisation", ("Organisatie (naam)", "Organisation (name)"), export="Organisatie",
                            columns=("organisatie", "bedrijf", "bedrijfsnaam", "werkgever", "organisation",
                                     "organization", "company", "company name", "employer"))
ORGANISATION_KVK = fields.Field("organisation_kvk", ("KvK-nummer organisatie", "Organisation KvK number"), columns=(
    "kvk", "kvk-nummer", "kvk nummer", "kvknummer", "kvk organisatie", "kvk number", "coc", "coc number"))
PERSON_FIELDS = (_PERSON["first_name"], _PERSON["last_name"], FULL_NAME, _PERSON["email"], _PERSON["phone"],
                 _PERSON["job_title"], ORGANISATION, ORGANISATION_KVK, _PERSON["consent_basis"],
                 _PERSON["consent_date"], _PERSON["consent_source"], _PERSON["tags"], _PERSON["notes"])
# Attendances (people at a past activity): the person's columns (matched and created as the
# people import does) plus the activity (its id, or its title and date) and whether they came.
ATTENDANCE_FIELDS = (
    *(f for f in PERSON_FIELDS if f.name not in ("consent_basis", "consent_date", "consent_source", "tags", "notes")),
    fields.Field("activity_id", ("Activiteit (id)", "Activity (id)"), columns=(
        "activiteit id", "activiteit-id", "id activiteit", "activiteitid", "evenement id", "activity id",
        "activity-id", "event id", "event-id")),
    fields.Field("activity", ("Activiteit (naam)", "Activity (title)"), columns=(
        "activiteit", "evenement", "activiteitnaam", "naam activiteit", "titel activiteit", "bijeenkomst",
        "activity", "event", "activity title", "event name", "event title")),
    fields.Field("date", ("Datum activiteit", "Date of the activity"),
                 columns=("datum", "datum activiteit", "datum evenement", "date", "activity date", "event date")),
    fields.Field("attended", ("Aanwezig (ja/nee)", "Attended (yes/no)"),
                 columns=("aanwezig", "aanwezigheid", "status", "attended", "attendance", "present")),
)
FIELDS_OF = {"organisations": org_domain.DECLARED, "people": PERSON_FIELDS, "attendances": ATTENDANCE_FIELDS}
COLUMNS = {kind: fields.columns(declared) for kind, declared in FIELDS_OF.items()}
# How the import's mapping names each field, per kind of file.
COLUMN_LABELS = {kind: fields.import_labels(declared) for kind, declared in FIELDS_OF.items()}

# 'Aanwezig' cell values: present / no-show (an empty cell is present: a list of attendees)
_PRESENT = {"ja", "j", "yes", "y", "x", "1", "true", "waar", "aanwezig", "present", "attended", "geweest"}
_NO_SHOW = {"nee", "n", "no", "0", "false", "onwaar", "afwezig", "absent", "nietverschenen", "noshow",
            "nietaanwezig", "notattended", "didnotattend"}

# The column each field gets in an export, and that the import recognises again.
EXPORT_HEADERS = {kind: fields.export_headers(FIELDS_OF[kind]) for kind in ("organisations", "people")}

# the failed-rows file's own columns, headed in Dutch and English like the messages (plain
# text, as every other header of the file)
LINE_COLUMN = str(msg("import.column.line"))
REASON_COLUMN = str(msg("import.column.reason"))

_NAMESPACE = uuid.UUID("5b0c7c1e-6a55-4f0e-9d8f-3c5e0f1a2b44")


@lru_cache(maxsize=8192)
def column_key(name: str) -> str:
    """'KvK-nummer ' -> 'kvknummer'; 'E-mailadres' -> 'emailadres'. (Cached: the same cell
    values, 'Deelnemer', 'Bedrijf', come back on every row of a large file.)"""
    return re.sub(r"[^a-z0-9]", "", fold(name))


def fields_of(kind: str) -> tuple[str, ...]:
    return tuple(COLUMNS[kind])


# ---------------------------------------------------------------- reading
@dataclass
class Table:
    """A sheet as read: column names, and rows as (line number, values aligned to columns)."""

    columns: list[str]
    rows: list[tuple[int, list[str]]]
    format: str = "csv"
    encoding: str = "utf-8"
    delimiter: str = ";"


@dataclass(frozen=True)
class Limits:
    """What an import file may hold (settings ``LO_IMPORT_MAX_*``); a file beyond one of them
    is refused whole, before its rows are built, with a message naming the file and the limit."""

    max_bytes: int = 50 * 1024 * 1024
    max_rows: int = 500_000
    max_columns: int = 200
    max_cell: int = 10_000
    max_xlsx_bytes: int = 300 * 1024 * 1024
    max_xlsx_ratio: int = 100

    @classmethod
    def from_settings(cls) -> "Limits":
        from lo_network import settings

        s = settings.get()
        return cls(s.import_max_bytes, s.import_max_rows, s.import_max_columns, s.import_max_cell,
                   s.import_max_xlsx_bytes, s.import_max_xlsx_ratio)


class FileRefused(ValidationError):
    """A file that is not read at all (too large, too wide, binary, a zip bomb ...): one
    error on the field ``file``, the ``message`` (an ``import.file.*`` code) led by the
    file's name in each language: "x.csv: bestand te groot (max. 50 MB) / x.csv: file too
    large (max 50 MB)", and "x.csv: file too large (max 50 MB)" in English."""

    def __init__(self, filename: str, message: Message):
        name = display_name(filename)
        super().__init__({"file": msg("import.file.named", file=name, reason=message) if name else message})


def display_name(filename: str) -> str:
    """The file's own name as a message shows it (no folders; no '; ' or ' / ', which
    separate the parts and languages of a message); '' for none."""
    name = re.split(r"[\\/]", filename or "")[-1].strip()
    return re.sub(r"[;\x00-\x1f\x7f]", "_", name)[:120]


def size_params(size: int) -> dict[str, object]:
    """A number of bytes as a message's ``size`` (whole MB, or kB below one MB) and ``unit``."""
    unit, amount = ("MB", size / (1024 * 1024)) if size >= 1024 * 1024 else ("kB", size / 1024)
    return {"size": int(amount), "unit": unit}


def too_large(filename: str, limit: int) -> "FileRefused":
    return FileRefused(filename, msg("import.file.too_large", **size_params(limit)))


def check_size(filename: str, size: int, limits: Limits | None = None) -> None:
    """Refuse a file larger than LO_IMPORT_MAX_BYTES (also checked on the upload request)."""
    limits = limits or Limits.from_settings()
    if size > limits.max_bytes:
        raise too_large(filename, limits.max_bytes)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with BOM, UTF-16 with BOM, UTF-8, else Windows-1252.
    Lenient (undecodable bytes become U+FFFD): for files already accepted; a new import
    is read with :func:`decode_strict`."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


# C0 control characters other than tab, line feed, form feed and carriage return: text
# files hold (next to) none of them, binary files hold many
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_BINARY_SHARE = 0.01


def decode_strict(data: bytes, filename: str) -> tuple[str, str]:
    """:func:`decode`, but refusing what is not text: NUL bytes, bytes that are no
    character in the encoding, or more than 1% control characters (a binary file
    renamed to .csv)."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text, encoding = data.decode("utf-16"), "utf-16"
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        raise FileRefused(filename, msg("import.file.not_text", position=exc.start)) from exc
    if "\x00" in text:
        raise FileRefused(filename, msg("import.file.binary_nul"))
    head = text[:65536]
    if len(_BINARY.findall(head)) > max(8, len(head) * _BINARY_SHARE):
        raise FileRefused(filename, msg("import.file.binary_control"))
    return text, encoding


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of ``;`` ``,`` tab outside quotes
    (``;`` on a tie, as Dutch Excel writes it)."""
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def _too_many_columns(filename: str, found: int | None, limits: Limits) -> FileRefused:
    if found is None:
        return FileRefused(filename, msg("import.file.too_many_columns", most=limits.max_columns))
    return FileRefused(filename, msg("import.file.too_many_columns_found", found=found, most=limits.max_columns))


def _too_many_rows(filename: str, limits: Limits) -> FileRefused:
    return FileRefused(filename, msg("import.file.too_many_rows", most=limits.max_rows))


def _cell_too_long(filename: str, line: int, limits: Limits) -> FileRefused:
    return FileRefused(filename, msg("import.file.cell_too_long", line=line, most=limits.max_cell))


# a physical line with its end (\r\n, \n or \r), as io.StringIO(newline="") splits them,
# one slice at a time (no copy of the whole text)
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
# A record may hold this many delimiters (inside quoted cells too) per allowed column before
# it is refused unparsed: a line of a million delimiters never becomes a million cells.
_DELIMITERS_PER_COLUMN = 10


def _csv_table(data: bytes, filename: str, limits: Limits) -> Table:
    text, encoding = decode_strict(data, filename)
    delimiter = sniff_delimiter(text)
    most_delimiters = limits.max_columns * _DELIMITERS_PER_COLUMN
    fed = [0]   # delimiters in the lines handed to the reader since its last record

    def lines() -> Iterator[str]:
        for match in _LINE.finditer(text):
            physical = match.group()
            fed[0] += physical.count(delimiter)
            if fed[0] > most_delimiters:
                raise _too_many_columns(filename, None, limits)
            yield physical

    reader = csv.reader(lines(), delimiter=delimiter)
    columns: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    last_line = 0
    try:
        for values in reader:
            fed[0] = 0
            line = last_line + 1
            last_line = reader.line_num
            if len(values) > limits.max_columns:
                raise _too_many_columns(filename, len(values), limits)
            if any(len(v) > limits.max_cell for v in values):
                raise _cell_too_long(filename, line, limits)
            if columns is None:
                if not any(v.strip() for v in values):
                    continue
                columns = [clean(v) for v in values]
                continue
            if not any(v.strip() for v in values):
                continue
            rows.append((line, [unescape_csv(v) for v in values]))  # an exported list imports again
            if len(rows) > limits.max_rows:
                raise _too_many_rows(filename, limits)
    except csv.Error as exc:
        raise FileRefused(filename, msg("import.file.invalid_csv", line=last_line + 1, error=str(exc))) from exc
    return Table(columns or [], rows, "csv", encoding, delimiter)


def _cell(value: Any) -> str:
    """An Excel cell as text: whole numbers without '.0', dates as yyyy-mm-dd."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if (value.hour, value.minute, value.second) == (0, 0, 0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


# a part this small is not judged by its compression ratio (a short, repetitive part
# compresses well and is harmless)
_RATIO_FLOOR = 1024 * 1024
# worksheet XML: where a row and a cell element start (any namespace prefix)
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")
# a row may hold this many cell elements (empty formatted ones too) per allowed column
_CELLS_PER_COLUMN = 4


def _check_zip(data: bytes, filename: str, limits: Limits) -> None:
    """Check an XLSX's zip central directory before anything is unpacked: a zip at all,
    unpacked size and each part's compression ratio within the limits (a zip bomb is
    refused here). Then each worksheet's XML is streamed once to count rows and cells per
    row, so openpyxl never builds a row of a million cells. (zipfile never unpacks more
    of a part than the size its directory declares.)"""
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise FileRefused(filename, msg("import.file.xlsx.not_zip")) from exc
    total = sum(i.file_size for i in infos)
    if total > limits.max_xlsx_bytes:
        raise FileRefused(filename, msg("import.file.xlsx.too_large_unpacked", **size_params(limits.max_xlsx_bytes)))
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_xlsx_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise FileRefused(filename, msg("import.file.xlsx.compression", ratio=ratio, most=limits.max_xlsx_ratio))
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileRefused(filename, msg("import.file.xlsx.no_workbook"))
    sheets = sorted((n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)),
                    key=lambda n: int(re.sub(r"\D", "", n)))
    if not sheets:
        raise FileRefused(filename, msg("import.file.xlsx.no_worksheet"))
    for sheet in sheets:
        try:
            _scan_sheet(archive, sheet, filename, limits)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 (damaged, encrypted, unknown compression: say so)
            raise FileRefused(filename, msg("import.file.xlsx.damaged")) from exc


def _scan_sheet(archive, name: str, filename: str, limits: Limits) -> None:
    """Stream a worksheet's XML: refuse it when a row holds far more cells than the column
    limit allows or it holds far more rows than the row limit (cheap regex counts, in C)."""
    most_cells = limits.max_columns * _CELLS_PER_COLUMN
    most_rows = limits.max_rows * 2 + 1000  # empty rows are skipped, not counted, when read
    rows = 0
    cells = 0   # in the row being read
    carry = b""
    with archive.open(name) as part:
        while True:
            chunk = part.read(1024 * 1024)
            data = carry + chunk
            # a tag cut in two at the chunk's end is counted with the next chunk
            cut = data.rfind(b"<", max(0, len(data) - 256)) if chunk else -1
            if cut < 0:
                cut = len(data)
            data, carry = data[:cut], data[cut:]
            start = 0
            for match in _ROW_TAG.finditer(data):
                cells += len(_CELL_TAG.findall(data, start, match.start()))
                if cells > most_cells:
                    raise _too_many_columns(filename, None, limits)
                rows, cells, start = rows + 1, 0, match.end()
                if rows > most_rows:
                    raise _too_many_rows(filename, limits)
            cells += len(_CELL_TAG.findall(data, start))
            if cells > most_cells:
                raise _too_many_columns(filename, None, limits)
            if not chunk:
                return


def _xlsx_table(data: bytes, filename: str, limits: Limits) -> Table:
    _check_zip(data, filename, limits)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 (a broken or foreign file: say so, naming the file)
        raise FileRefused(filename, msg("import.file.xlsx.unreadable", error=type(exc).__name__)) from exc
    columns: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        if not book.worksheets:
            raise FileRefused(filename, msg("import.file.xlsx.no_worksheet"))
        sheet = book.worksheets[0]
        # max_col one past the limit: the sheet's declared dimension is not trusted (a false
        # "A1:XFD1048576" would pad every row to 16,384 cells)
        width = limits.max_columns + 1
        for index, values in enumerate(sheet.iter_rows(min_row=1, max_col=width, values_only=True), start=1):
            cells = [_cell(v) for v in values]
            filled = [i for i, c in enumerate(cells) if c.strip()]
            if not filled:
                continue
            if filled[-1] >= limits.max_columns:
                raise _too_many_columns(filename, None, limits)
            if any(len(c) > limits.max_cell for c in cells):
                raise _cell_too_long(filename, index, limits)
            if columns is None:
                columns = [clean(c) for c in cells[:filled[-1] + 1]]
                continue
            width = max(filled[-1] + 1, len(columns))
            rows.append((index, cells[:width] + [""] * (width - len(cells))))
            if len(rows) > limits.max_rows:
                raise _too_many_rows(filename, limits)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 (a broken or foreign file: say so, naming the file)
        raise FileRefused(filename, msg("import.file.xlsx.unreadable", error=type(exc).__name__)) from exc
    finally:
        book.close()
    return Table(columns or [], rows, "xlsx", "", "")


def file_format(filename: str, data: bytes) -> str:
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        return "xlsx"
    if name.endswith(".xls"):
        raise FileRefused(filename, msg("import.file.xls"))
    return "csv"


def read_table(data: bytes, filename: str = "", limits: Limits | None = None) -> Table:
    """Read a CSV or XLSX file within ``limits`` (default: the settings); raises
    ValidationError({'file': ...}) naming the file when it has no header, is not a
    readable CSV or XLSX, or exceeds a limit. CPU-bound: the app calls it off the event
    loop (a worker thread)."""
    limits = limits or Limits.from_settings()
    check_size(filename, len(data), limits)
    fmt = file_format(filename, data)
    table = _xlsx_table(data, filename, limits) if fmt == "xlsx" else _csv_table(data, filename, limits)
    if not [c for c in table.columns if c]:
        raise FileRefused(filename, msg("import.file.no_headers"))
    return table


# ---------------------------------------------------------------- columns
def recognise(columns: Iterable[str], kind: str) -> dict[str, str]:
    """Column -> field for the columns whose name is known; others map to ''.
    A field is taken by the first column that names it."""
    aliases = {column_key(a): f for f, names in COLUMNS[kind].items() for a in names}
    for f in COLUMNS[kind]:
        aliases.setdefault(column_key(f), f)
    taken: set[str] = set()
    out: dict[str, str] = {}
    for column in columns:
        f = aliases.get(column_key(column), "")
        if f in taken:
            f = ""
        if f:
            taken.add(f)
        out[column] = f
    return out


def parse_map_options(options: Iterable[str]) -> dict[str, str]:
    """['Naam bedrijf=name', 'Extra='] -> {'Naam bedrijf': 'name', 'Extra': ''} (CLI --map)."""
    out: dict[str, str] = {}
    for option in options:
        column, sep, target = option.partition("=")
        if not sep or not column.strip():
            raise ValidationError({"map": msg("import.map.syntax", detail=repr(option))})
        out[column.strip()] = target.strip()
    return out


def mapping_for(columns: list[str], kind: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The recognised mapping with the user's choices laid over it; checks every choice."""
    if kind not in KINDS:
        raise ValidationError({"kind": msg("common.choose_from", detail=", ".join(KINDS))})
    mapping = recognise(columns, kind)
    errors: dict[str, str] = {}
    by_key = {column_key(c): c for c in columns}
    for column, target in (overrides or {}).items():
        real = column if column in mapping else by_key.get(column_key(column))
        if real is None:
            errors["map"] = msg("import.map.unknown_column", detail=column)
            continue
        if target and target not in COLUMNS[kind]:
            errors["map"] = join(msg("import.map.unknown_field", detail=target),
                                  msg("common.choose_from", detail=", ".join(COLUMNS[kind])))
            continue
        if target:
            for other, f in mapping.items():
                if f == target and other != real:
                    mapping[other] = ""
        mapping[real] = target
    if errors:
        raise ValidationError(errors)
    check_mapping(mapping, kind)
    return mapping


def check_mapping(mapping: dict[str, str], kind: str) -> None:
    """A mapping must name at least the record's name; a field once."""
    chosen = [f for f in mapping.values() if f]
    errors: dict[str, str] = {}
    doubles = sorted({f for f in chosen if chosen.count(f) > 1})
    if doubles:
        errors["map"] = msg("import.map.twice", detail=", ".join(doubles))
    if kind == "organisations" and "name" not in chosen:
        errors["name"] = msg("import.map.no_name")
    if kind in ("people", "attendances") and not ({"last_name", "full_name"} & set(chosen)):
        errors["last_name"] = msg("import.map.no_last_name")
    if kind == "attendances" and not ({"activity_id", "activity"} & set(chosen)):
        errors["activity"] = msg("import.map.no_activity")
    if errors:
        raise ValidationError(errors)


# ---------------------------------------------------------------- values
def vocab_value(words: dict[str, tuple[str, str]], text: str, synonyms: dict[str, str] | None = None) -> str:
    """A vocabulary value from its code or its Dutch/English label; unknown text stays as is
    (validation then names it)."""
    if not text or text in words:
        return text
    key = column_key(text)
    found = _vocab_keys(tuple(words.items())).get(key)
    if found:
        return found
    return (synonyms or {}).get(key, text)


@lru_cache(maxsize=32)
def _vocab_keys(items: tuple) -> dict[str, str]:
    """A vocabulary's codes and labels by their column_key, built once per vocabulary."""
    out: dict[str, str] = {}
    for value, labels in items:
        for name in (value, labels[0], labels[1]):
            out.setdefault(column_key(name), value)
    return out


_KIND_SYNONYMS = {"onderwijs": "education", "school": "education", "universiteit": "knowledge_institute",
                  "overheid": "government", "port": "port_network", "haven": "port_network",
                  "netwerkorganisatie": "port_network", "branchevereniging": "branch_association"}
_COMPANY_TYPE_SYNONYMS = {"ldv": "lsp", "logistiekdienstverlener": "lsp", "transporteur": "carrier",
                          "maakindustrie": "manufacturer"}
_SIZE_SYNONYMS = {"klein": "small", "middelgroot": "medium", "middel": "medium", "groot": "large",
                  "kleinbedrijf": "small", "middenbedrijf": "medium", "grootbedrijf": "large",
                  "microbedrijf": "micro", "zzp": "micro"}
_EMPLOYEES = re.compile(r"(\d[\d.]*)\s*(?:[-–]\s*\d[\d.]*|\+)?\s*(?:medewerkers|werknemers|employees|fte)?",
                        re.IGNORECASE)
_STATUS_SYNONYMS = {"lid": "participant", "member": "participant", "oudlid": "former"}


def _raw_organisation(values: dict[str, str]) -> dict[str, Any]:
    raw = dict(values)
    if raw.get("kind"):
        raw["kind"] = vocab_value(vocab.KINDS, raw["kind"], _KIND_SYNONYMS)
    if raw.get("company_type"):
        raw["company_type"] = vocab_value(vocab.COMPANY_TYPES, raw["company_type"], _COMPANY_TYPE_SYNONYMS)
    if raw.get("size_class"):
        raw["size_class"] = size_class_value(raw["size_class"])
    if raw.get("region"):
        raw["region"] = vocab_value(vocab.REGIONS, raw["region"])
    if raw.get("status"):
        raw["status"] = vocab_value(vocab.STATUSES, raw["status"], _STATUS_SYNONYMS)
    if raw.get("themes"):
        raw["themes"] = split_themes(raw["themes"])
    return raw


def size_class_value(text: str) -> str:
    """A size class from its code, its Dutch/English label, or a number of employees ('35',
    '10-49', '250+', '1.200 medewerkers'); unknown text stays as is (validation names it)."""
    text = clean(text)
    if m := _EMPLOYEES.fullmatch(text):
        number = m.group(1)  # '1.200' is Dutch for 1200; '35.0' is how a spreadsheet may give 35
        employees = int(number.replace(".", "")) if re.fullmatch(r"\d{1,3}(\.\d{3})+", number) else int(float(number))
        return vocab.size_class_for_employees(employees) or text
    return vocab_value(vocab.SIZE_CLASSES, text, _SIZE_SYNONYMS)


def split_themes(text: str) -> list[str]:
    """Theme values from a cell: one label ('Kennis, Onderwijs & Arbeidsmarkt' has a comma),
    or several separated by ';' or '|' (as exported), else by ','."""
    whole = vocab_value(vocab.THEMES, clean(text))
    if whole in vocab.THEMES:
        return [whole]
    parts = re.split(r"[;|]", text) if re.search(r"[;|]", text) else text.split(",")
    return [vocab_value(vocab.THEMES, clean(t)) for t in parts if clean(t)]


def split_full_name(full: str) -> tuple[str, str]:
    """'Jan de Vries' -> ('Jan', 'de Vries'); 'Vries, Jan de' -> ('Jan', 'de Vries')."""
    full = clean(full)
    if "," in full:
        last, _, first = full.partition(",")
        first_parts = clean(first).split(" ")
        # "Vries, Jan de": the particles after the first name belong to the last name
        return first_parts[0], clean(" ".join(first_parts[1:] + [last]))
    parts = full.split(" ")
    if len(parts) == 1:
        return "", parts[0]
    return parts[0], " ".join(parts[1:])


def _raw_person(values: dict[str, str]) -> dict[str, Any]:
    raw = dict(values)
    full = raw.pop("full_name", "")
    if full and not raw.get("last_name"):
        first, last = split_full_name(full)
        if not raw.get("first_name"):
            raw["first_name"] = first
        raw["last_name"] = last
    if raw.get("consent_basis"):
        raw["consent_basis"] = vocab_value(vocab.CONSENT_BASES, raw["consent_basis"])
    return raw


# ---------------------------------------------------------------- rows
@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    column: str
    reason: str

    def text(self) -> str:
        where = f"{self.field} ({self.column})" if self.column and self.column != self.field else self.field
        return f"{where}: {self.reason}"


@dataclass
class Row:
    """A valid row: its line, the fields it gives (non-empty only) and its validated record."""

    line: int
    changes: dict[str, Any]
    props: dict[str, Any]
    organisation: dict[str, Any] | None = None   # people: {"name", "kvk", "name_key"} of the employer
    activity: dict[str, Any] | None = None       # attendances: {"id", "title", "title_key", "date", "attendance"}


def organisation_name_key(name: object) -> str:
    """'Transport B.V. Twente' and 'transport twente bv' -> 'transport twente': folded,
    punctuation and legal forms dropped."""
    text = fold(name).replace(".", "")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)


def website_domain(website: str) -> str:
    """'https://www.Example.nl/contact' -> 'example.nl'."""
    host = website.split("://", 1)[-1].split("/", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def organisation_keys(props: dict[str, Any]) -> list[tuple[str, str]]:
    """(rule, key) in order of trust: KvK number, website domain, normalised name."""
    keys = []
    if props.get("kvk"):
        keys.append(("kvk", props["kvk"]))
    if props.get("website"):
        keys.append(("website", website_domain(props["website"])))
    if props.get("name"):
        keys.append(("name", organisation_name_key(props["name"])))
    return keys


def person_keys(props: dict[str, Any], organisation_id: str) -> list[tuple[str, str]]:
    """(rule, key): email, then the same name at the same organisation ('' = none)."""
    keys = []
    if props.get("email_key"):
        keys.append(("email", props["email_key"]))
    keys.append(("name", f"{props['name_key']}|{organisation_id}"))
    return keys


def stable_id(*parts: str) -> str:
    """The id a new record gets from its match key: a re-run creates the same node, not a second."""
    return str(uuid.uuid5(_NAMESPACE, "|".join(parts)))


def prepare_rows(table: Table, mapping: dict[str, str], kind: str, *,
                 today: date | None = None) -> tuple[list[Row], list[RowError]]:
    """Validate every row with the domain's validation; (valid rows, errors per line and field)."""
    errors: list[RowError] = []
    rows = list(iter_rows(table, mapping, kind, errors, today=today))
    return rows, errors


def iter_rows(table: Table, mapping: dict[str, str], kind: str, errors: list[RowError], *,
              today: date | None = None) -> Iterator[Row]:
    """The valid rows one by one (errors appended to ``errors``): a large file is grouped
    as it is validated, without holding every validated row at once."""
    positions = [(i, f) for i, f in enumerate(mapping.get(c, "") for c in table.columns) if f]
    column_of = {f: table.columns[i] for i, f in positions}
    for line, values in table.rows:
        given = {}
        for i, f in positions:
            value = clean(values[i]) if i < len(values) else ""
            if f == "notes" and i < len(values):
                value = str(values[i]).strip()
            if value:
                given[f] = value
        try:
            if kind == "organisations":
                raw = _raw_organisation(given)
                props = org_domain.validate(dict(raw, kind=raw.get("kind") or DEFAULT_KIND), today=today)
                yield Row(line, raw, props)
            else:
                activity_problems: dict[str, str] = {}
                activity = None
                if kind == "attendances":
                    picked = {f: given.pop(f, "") for f in ("activity_id", "activity", "date", "attended")}
                    try:
                        activity = attendance_activity(picked)
                    except ValidationError as exc:
                        activity_problems = exc.errors
                raw = _raw_person(given)
                employer = raw.pop("organisation", "")
                employer_kvk = org_domain.normalise_kvk(raw.pop("organisation_kvk", ""))
                problems: dict[str, str] = dict(activity_problems)
                if len(employer) > 200:
                    problems["organisation"] = msg("org.name.too_long")
                if employer_kvk and not re.fullmatch(r"\d{8}", employer_kvk):
                    problems["organisation_kvk"] = msg("org.kvk.digits")
                try:
                    props = person_domain.validate(raw, today=today)
                except ValidationError as exc:
                    problems = {**exc.errors, **problems}
                if problems:
                    raise ValidationError(problems)
                organisation = None
                if employer or employer_kvk:
                    organisation = {"name": employer, "kvk": employer_kvk,
                                    "name_key": organisation_name_key(employer) if employer else ""}
                row = Row(line, raw, props, organisation, activity)
        except ValidationError as exc:
            for f, reason in exc.errors.items():
                column = column_of.get(f) or (column_of.get("full_name", "") if f in ("first_name", "last_name") else "")
                errors.append(RowError(line, f, column, reason))
            continue
        if kind in ("people", "attendances"):
            yield row


# ---------------------------------------------------------------- matching and merging
class KeyIndex:
    """Records by match key: rule -> key -> record id; plus each record's KvK number, so a
    row with a KvK number never matches, by website or name, a record with another one."""

    def __init__(self, rules: tuple[str, ...]):
        self.rules = rules
        self.maps: dict[str, dict[str, str]] = {r: {} for r in rules}
        self.kvk: dict[str, str] = {}

    def add(self, record_id: str, keys: list[tuple[str, str]], kvk: str = "") -> None:
        for rule, key in keys:
            if key:
                self.maps[rule].setdefault(key, record_id)
        if kvk:
            self.kvk.setdefault(record_id, kvk)

    def find(self, keys: list[tuple[str, str]], kvk: str = "") -> tuple[str, str] | None:
        """(record id, rule) of the first key that matches, else None."""
        for rule, key in keys:
            found = self.maps[rule].get(key)
            if found is None:
                continue
            if rule != "kvk" and kvk and self.kvk.get(found, kvk) != kvk:
                continue  # same name or website, another KvK number: another organisation
            return found, rule
        return None


@dataclass
class Group:
    """One organisation or person of the file: the rows that are it, their fields merged
    (the first non-empty value of each field wins)."""

    lines: list[int]
    changes: dict[str, Any]
    props: dict[str, Any]            # the match fields of the first row: kvk, email_key, name_key
    keys: list[tuple[str, str]]
    organisation: dict[str, Any] | None = None
    organisation_ref: str = ""   # people: the key of the employer ("kvk:…" or "name:…")
    merged: list[int] = field(default_factory=list)
    activity: dict[str, Any] | None = None   # attendances: which activity, and present / no-show
    # the validated record of a group of one row, so a new record is not validated again;
    # None once a second row merges in (the merged fields are validated when decided)
    record: dict[str, Any] | None = None


def activity_ref(activity: dict[str, Any] | None) -> str:
    """The key of an attendance row's activity: its id, else its folded title and date."""
    if not activity:
        return ""
    return f"id:{activity['id']}" if activity.get("id") else f"t:{activity['title_key']}|{activity['date']}"


def attendance_value(text: str) -> str:
    """'Ja', 'x', 'Aanwezig', 'present' -> 'present'; 'Nee', 'No-show', 'afwezig' -> 'no_show';
    '' -> '' (present by default). Raises ValidationError({'attended': ...}) otherwise."""
    key = column_key(text)
    if not key:
        return ""
    if key in _PRESENT:
        return "present"
    if key in _NO_SHOW:
        return "no_show"
    raise ValidationError({"attended": msg("import.attended.invalid")})


def attendance_activity(values: dict[str, str]) -> dict[str, Any]:
    """The activity of an attendance row: {"id", "title", "title_key", "date", "attendance"}.
    An id is enough; without one, the title and the date (dd-mm-jjjj or yyyy-mm-dd) are needed."""
    from lo_network.domain.dates import parse_date

    errors: dict[str, str] = {}
    activity_id = clean(values.get("activity_id"))
    title = clean(values.get("activity"))
    day = None
    if values.get("date"):
        try:
            day = parse_date(str(values["date"]).split(" ")[0])
        except ValueError as exc:
            errors["date"] = str(exc)
    if not activity_id:
        if not title:
            errors["activity"] = msg("import.activity.required")
        elif day is None and "date" not in errors:
            errors["date"] = msg("import.activity.date_required")
    try:
        attendance = attendance_value(values.get("attended", ""))
    except ValidationError as exc:
        errors.update(exc.errors)
        attendance = ""
    if errors:
        raise ValidationError(errors)
    return {"id": activity_id, "title": title, "title_key": fold(title), "date": day.isoformat() if day else "",
            "attendance": attendance}


def organisation_ref(organisation: dict[str, Any] | None) -> str:
    if not organisation:
        return ""
    return f"kvk:{organisation['kvk']}" if organisation.get("kvk") else f"name:{organisation['name_key']}"


def group_rows(rows: Iterable[Row], kind: str) -> list[Group]:
    """Rows that are the same record (organisations: KvK, website, name; people: email, or
    same name at the same organisation) become one group, in the order of the file."""
    index = KeyIndex(("kvk", "website", "name") if kind == "organisations" else ("email", "name"))
    groups: list[Group] = []
    for row in rows:
        if kind == "organisations":
            keys = organisation_keys(row.props)
            kvk = row.props.get("kvk", "")
        else:
            ref = organisation_ref(row.organisation)
            keys = person_keys(row.props, ref)
            kvk = ""
            if kind == "attendances":  # the same person at the same activity
                keys = [(rule, f"{key}#{activity_ref(row.activity)}") for rule, key in keys]
        hit = index.find(keys, kvk)
        if hit is None:
            # what matching needs of the validated record; the whole record only while the
            # group is one row (a new record is written as validated, not validated again)
            match = {k: row.props.get(k, "") for k in ("kvk", "email_key", "name_key")}
            group = Group([row.line], dict(row.changes), match, keys, row.organisation,
                          organisation_ref(row.organisation) if kind != "organisations" else "",
                          activity=dict(row.activity) if row.activity else None, record=row.props)
            index.add(str(len(groups)), keys, kvk)
            groups.append(group)
            continue
        group = groups[int(hit[0])]
        group.record = None
        group.lines.append(row.line)
        group.merged.append(row.line)
        for f, value in row.changes.items():
            if f not in group.changes or group.changes[f] in ("", [], None):
                group.changes[f] = value
        if group.organisation is None and row.organisation is not None:
            group.organisation = row.organisation
        if group.activity is not None and row.activity and not group.activity.get("attendance"):
            group.activity["attendance"] = row.activity.get("attendance", "")
        index.add(hit[0], keys, kvk)
    return groups


def merged_record(current: dict[str, Any] | None, changes: dict[str, Any], kind: str,
                  *, today: date | None = None) -> dict[str, Any]:
    """The validated record after the import: the file's non-empty fields over the current
    record (an empty cell never blanks a field); a new record gets the defaults. A matched
    record keeps its name: the file's spelling ('Op naam b.v.') is how the row was found,
    not a rename."""
    kind = "people" if kind == "attendances" else kind
    if current is not None:
        kept = ("name",) if kind == "organisations" else ("first_name", "last_name")
        changes = {k: v for k, v in changes.items() if not (k in kept and current.get(k))}
    if kind == "organisations":
        if current is None:
            return org_domain.validate(dict(changes, kind=changes.get("kind") or DEFAULT_KIND), today=today)
        return org_domain.validate(org_domain.merge_update(current, changes, today=today), today=today)
    if current is None:
        return person_domain.validate(changes, today=today)
    return person_domain.validate(person_domain.merge_update(current, changes), today=today)


def changed(current: dict[str, Any], props: dict[str, Any], kind: str) -> bool:
    """True when the import would change one of the record's fields."""
    names = org_domain.FIELDS if kind == "organisations" else person_domain.FIELDS
    return any((current.get(f) or None) != (props.get(f) or None) for f in names)


# ---------------------------------------------------------------- writing
def failed_rows_file(table: Table, errors: list[RowError]) -> bytes:
    """The rows that failed, in the file's own format and columns, plus the line and the
    reasons, to fix and import again (the two extra columns are ignored by the import)."""
    reasons: dict[int, list[str]] = {}
    for error in errors:
        reasons.setdefault(error.line, []).append(error.text())
    rows = [values[:len(table.columns)] + [""] * (len(table.columns) - len(values)) + [line, "; ".join(reasons[line])]
            for line, values in table.rows if line in reasons]
    return write_table(table.columns + [LINE_COLUMN, REASON_COLUMN], rows, table.format,
                       encoding=table.encoding or "utf-8-sig", delimiter=table.delimiter or ";")


def export_row(record: dict[str, Any], kind: str) -> list[Any]:
    """A record as a row under EXPORT_HEADERS: Dutch labels and dates, as the import reads them."""
    from lo_network.domain.dates import dutch

    out = []
    for f in FIELDS_OF[kind]:
        if not f.export:
            continue
        value = record.get(f.name)
        if f is ORGANISATION:
            value = sorted(record.get("organisations") or [""])[0]  # one employer: the column imports again
        elif f.vocabulary is not None and f.many:
            value = [f.vocabulary[v][0] if v in f.vocabulary else v for v in value or []]
        elif f.vocabulary is not None and value in f.vocabulary:
            value = f.vocabulary[value][0]
        elif f.widget == "date":
            value = dutch(value)
        out.append(value)
    return out
