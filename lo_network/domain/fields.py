"""A record's fields, declared once.

An entity (an organisation, a person, an activity, a registration) lists its editable fields as :class:`Field` values, in
the order the forms, the API and the exports show them. What each of those needs is derived
from that list, not written again beside it:

- the API's request model (every field optional) and its read models (``api/schemas.py``);
- the import's recognition of columns and the export's column headers (``domain/imports.py``);
- a registrant's: the public registration form, the personal-link form, the check-in page's
  walk-in form and the attendee export's column headers;
- the labels of the form, the read-only view, a record's history and the audit log
  (``i18n.py``), and the import's list of fields;
- the edit form and the read-only view (``components/record_fields.py``).

The rules that check a value stay in the entity's ``validate``: several depend on other
fields (a size class only for a company, a region suggested by the municipality)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Pair = tuple[str, str]  # (Dutch, English)

# The controls a field can have on a form; the read-only view shows each in its own way.
# "datetime" is a date and time in Dutch time; "money" an amount in euros (the API takes a
# number or text as typed, and reads a number).
WIDGETS = ("text", "email", "tel", "url", "numeric", "date", "datetime", "money", "select", "checkboxes", "long")


@dataclass(frozen=True, eq=False)
class Field:
    """One field of an entity.

    ``label`` names it on the form, the read-only view, a history and the audit log;
    ``import_label`` names it in the import's mapping where that says more (an address is
    "street and number" there). ``columns`` are the column names an import recognises for it
    (compared folded: case, accents and punctuation do not matter); ``export`` is its column
    in an export, which the import recognises too ('' = not exported). An export that follows
    the language (an activity's attendee list) heads a field by :func:`export_header`:
    ``export`` and ``export_en`` where set, else the label.

    ``section`` places it on the form ('' = not on the form); ``example``, ``prompt`` (a
    message key), ``empty`` (the message key of a select's "no choice"), ``blank`` (the
    message key the view shows for no value; '—' without) and ``hint`` (a message key)
    dress its control. ``autofill=False`` keeps the browser from offering the user's own
    details (a coordinator types other people's names and addresses); ``autocomplete`` is the
    token with which a form people fill in for themselves asks for their own ("name", "email").
    ``companies_only`` fields show only while the kind is a company. ``shown=False`` leaves a field out of the
    read-only view's list (the page shows it in its own place: a name as the title, a date
    with the status it dates).

    ``listed`` fields are in the list rows; ``required`` ones are always present in a read,
    and marked on the form unless they have a ``default`` (the value a new record's form
    starts with). ``whole`` fields hold a whole number: the API takes a number or text
    (the domain reads and checks it) and reads a number. ``description`` goes into the API
    document. ``public`` fields are what an entity shows to people without an account (an
    activity's public registration page); the others never leave the app for them.
    ``max_length`` marks a plain text field the entity's ``validate`` checks by the
    declaration alone: cleaned of control characters and surrounding space, at most that
    many characters (0: the entity has a rule of its own for the field)."""

    name: str
    label: Pair
    columns: tuple[str, ...] = ()
    export: str = ""
    export_en: str = ""
    import_label: Pair | None = None
    many: bool = False
    vocabulary: Mapping[str, Pair] | None = None
    section: str = ""
    widget: str = "text"
    example: str = ""
    prompt: str = ""
    empty: str = ""
    blank: str = ""
    hint: str = ""
    companies_only: bool = False
    required: bool = False
    default: str = ""
    autofill: bool = True
    autocomplete: str = ""
    listed: bool = False
    shown: bool = True
    whole: bool = False
    public: bool = False
    max_length: int = 0
    description: str = ""

    def __post_init__(self) -> None:
        if self.widget not in WIDGETS:
            raise ValueError(f"{self.name}: unknown widget {self.widget!r}")
        if self.widget in ("select", "checkboxes") and self.vocabulary is None:
            raise ValueError(f"{self.name}: a {self.widget} needs a vocabulary")


def names(fields: Iterable[Field]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def labels(prefix: str, fields: Iterable[Field]) -> dict[str, Pair]:
    """The message catalogue's entries for the fields' labels: ``prefix + name``."""
    return {prefix + f.name: f.label for f in fields}


def import_labels(fields: Iterable[Field]) -> dict[str, Pair]:
    """Field name -> how the import's mapping names it."""
    return {f.name: f.import_label or f.label for f in fields}


def columns(fields: Iterable[Field]) -> dict[str, tuple[str, ...]]:
    """Field name -> the column names an import recognises for it."""
    return {f.name: f.columns for f in fields if f.columns}


def export_headers(fields: Iterable[Field]) -> dict[str, str]:
    """Field name -> its column header in an export, for the exported fields."""
    return {f.name: f.export for f in fields if f.export}


def export_header(f: Field) -> Pair:
    """The field's column header in an export that follows the language: its declared export
    header per language where set, else its label (a file opened before keeps its headers)."""
    return f.export or f.label[0], f.export_en or f.label[1]


def in_section(fields: Iterable[Field], section: str) -> tuple[Field, ...]:
    return tuple(f for f in fields if f.section == section)


def sections(fields: Iterable[Field]) -> tuple[str, ...]:
    """The form's sections, in the order of their first field."""
    return tuple(dict.fromkeys(f.section for f in fields if f.section))
