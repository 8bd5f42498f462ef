"""Text normalisation shared by validation, search keys and duplicate detection, and the
cleaning every text field gets at the domain's edge (docs/hardening.md, "Text and exports"):

- C0 and C1 control characters (U+0000-U+001F, U+007F-U+009F) are removed, except tab and
  line breaks in fields that allow several lines (notes, remarks, descriptions); line
  breaks become ``\\n``. They have no meaning in a name or a note, and spreadsheets (XML
  1.0 forbids them) and calendar files (RFC 5545) cannot carry them.
- Bidirectional embedding, override and isolate characters (U+202A-U+202E,
  U+2066-U+2069) are removed: they reorder what is shown ("Trojan Source"), so a name
  could read differently on screen than it is stored; right-to-left scripts are shown
  right by the Unicode bidi algorithm without them.
- A lone surrogate (``"\\ud800"`` in JSON) is no character at all and cannot be stored:
  :func:`unreadable_fields` names the fields holding one, and :func:`checks_text` turns
  that into a ValidationError before a validator runs. :func:`scrub` drops them where no
  field can be named (search text).
"""

from __future__ import annotations

import functools
import inspect
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, Callable, TypeVar

from lo_network.messages import msg

_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
# C0 and C1 controls, DEL; tab and newline are handled by the caller's choice
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# any character scrub() changes or removes: most text has none and is returned as it is
_SCRUBBED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

UNREADABLE = msg("common.character.unreadable")

F = TypeVar("F", bound=Callable[..., Any])


def scrub(value: object, *, lines: bool = False) -> str:
    """``value`` as text without control characters, bidi overrides/isolates and lone
    surrogates. With ``lines`` tabs and line breaks stay (line breaks as ``\\n``);
    without, each of them becomes a space. None becomes ''."""
    if value is None:
        return ""
    text = str(value)
    if _SCRUBBED.search(text) is None:
        return text
    text = _LINE_BREAKS.sub("\n", text)
    if lines:
        text = _CONTROLS.sub("", text)
    else:
        text = _CONTROLS_ONE_LINE.sub(lambda m: " " if m.group() in "\t\n" else "", text)
    return _SURROGATES.sub("", _BIDI.sub("", text))


def clean(value: object) -> str:
    """One line of text: scrubbed, trimmed, inner whitespace collapsed; None becomes ''."""
    return _SPACES.sub(" ", scrub(value)).strip()


def multiline(value: object) -> str:
    """Text of several lines (notes, remarks, descriptions): scrubbed, keeping tabs and
    line breaks, trimmed; None becomes ''."""
    return scrub(value, lines=True).strip()


def unreadable(value: object) -> bool:
    """True when ``value`` (text) holds a lone surrogate."""
    return isinstance(value, str) and _SURROGATES.search(value) is not None


def unreadable_fields(value: Any, field: str = "") -> dict[str, str]:
    """{field: message} for every string in ``value`` (a mapping, list or string, nested)
    holding a lone surrogate; fields are named by their keys joined with dots, a list by
    its own name (as the API's errors name them); a bad key is named ``field`` or 'body'."""
    found: dict[str, str] = {}
    if isinstance(value, str):
        if unreadable(value):
            found[field or "body"] = UNREADABLE
    elif isinstance(value, Mapping):
        for key, item in value.items():
            name = f"{field}.{key}" if field else str(key)
            if unreadable(key):
                found[field or "body"] = UNREADABLE
            else:
                found.update(unreadable_fields(item, name))
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            found.update(unreadable_fields(item, field))
    return found


def scrubbed(value: Any) -> Any:
    """A copy of ``value`` (a record as the UI, API, CLI or an import row gives it) with
    every string scrubbed; tabs and line breaks stay (one-line fields collapse them in
    :func:`clean`). Other values are returned as they are."""
    if isinstance(value, str):
        return scrub(value, lines=True)
    if isinstance(value, Mapping):
        return {k: scrubbed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(scrubbed(v) for v in value)
    return value


def checks_text(fn: F) -> F:
    """A validator's text edge: before ``fn`` runs, a lone surrogate in any argument is a
    ValidationError naming its field (a mapping's key, or the parameter's name), and every
    mapping argument (the raw record) is handed on scrubbed (:func:`scrubbed`)."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from lo_network.domain.errors import ValidationError

        bound = signature.bind(*args, **kwargs)
        errors: dict[str, str] = {}
        for name, value in bound.arguments.items():
            errors.update(unreadable_fields(value, "" if isinstance(value, Mapping) else name))
        if errors:
            raise ValidationError(errors)
        for name, value in bound.arguments.items():
            if isinstance(value, Mapping):
                bound.arguments[name] = scrubbed(value)
        return fn(*bound.args, **bound.kwargs)

    return wrapper  # type: ignore[return-value]


def fold(value: object) -> str:
    """Lower case without accents: 'Hengelo Ö' -> 'hengelo o'. Used for search keys."""
    text = clean(value)
    if text.isascii():  # nothing to decompose
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def search_key(*parts: object) -> str:
    """One folded string of every searchable part, joined by a separator never typed."""
    return " | ".join(fold(p) for p in parts if clean(p))


def tags(value: object) -> list[str]:
    """Tags from a list or a comma/semicolon separated string: cleaned, lower case, unique, sorted."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple, set)) else re.split(r"[,;]", str(value))
    return sorted({clean(t).lower() for t in items if clean(t)})


# ---------------------------------------------------------------- full-text search
# Legal forms of organisations, folded and without dots ("B.V." -> "bv"): a name with or
# without one is the same name to search, import matching and duplicate detection.
LEGAL_FORMS = frozenset({
    "bv", "nv", "vof", "cv", "bvba", "gmbh", "ag", "kg", "ltd", "limited", "inc", "llc", "sa", "ua", "ba", "ea",
})
# letters written with a dot after each ("b.v.", "v.o.f", "n.v."): one word
_ABBREVIATION = re.compile(r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+\.?(?![\w])")
_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]")
# how many of the full-text index's best-scored hits a lookup ranks by name (whole words and
# word starts score highest, so the names it ranks first are among them)
LOOKUP_CANDIDATES = 200
# what Lucene's query syntax reads as an operator, escaped with a backslash
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def words(value: object) -> list[str]:
    """The folded words of ``value``, abbreviations written with dots joined:
    'Bakker B.V. (Zwolle)' -> ['bakker', 'bv', 'zwolle']."""
    text = _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), fold(value))
    return [w for w in _NOT_WORD.split(text) if w]


def lucene_escaped(word: str) -> str:
    """``word`` as a literal term in Lucene's query syntax (operators escaped; the words
    AND, OR and NOT are only operators in capitals, and :func:`words` folds them)."""
    return _LUCENE_SPECIAL.sub(r"\\\1", word)


def fulltext_query(text: object = "", *, legal_forms: bool = True, **fields: object) -> str:
    """What a user typed (``text``, matched against ``search_key``) and the list filters
    (``fields``: kind='company', tags='nsbc'; None and '' left out) as one query for the
    full-text indexes (graph/schema/095_fulltext_search.cypher); '' when there is nothing
    to look for (no filter, and no word in ``text``: '"(' is no search).

    Every word of ``text`` must occur, as a whole word (scored highest), as the start of a
    word (scored next: the last word is usually still being typed), or inside one (so
    'port' still finds 'Transport', after 'Port of Twente'). Legal forms are left out when
    other words remain ('bakker b.v.' finds 'Bakker', 'Bakker BV' and 'Bakker B.V.');
    alone ('bv') they find the organisations with that form, in either spelling (with
    ``legal_forms`` False, for people, every word counts). A filter
    matches its field's words as a phrase; the query's Cypher checks the exact value."""
    found = words(text)
    kept = ([w for w in found if w not in LEGAL_FORMS] or found) if legal_forms else found
    clauses = []
    for word in kept:
        term = lucene_escaped(word)
        options = [f"{term}^4", f"{term}*^2", f"*{term}*"]
        if legal_forms and word in LEGAL_FORMS:  # the analyzer keeps 'b.v.' as the word 'b.v'
            options.insert(1, lucene_escaped(".".join(word)) + "^4")
        clauses.append(f"+search_key:({' '.join(options)})")
    for field, value in fields.items():
        if value and _WORD.search(str(value)):
            phrase = str(value).replace("\\", "\\\\").replace('"', '\\"')
            clauses.append(f'+{field}:"{phrase}"')
    if not clauses and any(fields.values()):
        return "*:*"  # a filter value without a word (a tag '&'): every record, the Cypher decides
    return " ".join(clauses)


def ranked_text(value: object) -> str:
    """What a user typed as the lookup ranks it against names (graph/queries/organisations/
    lookup.cypher): folded, without dots and without legal forms when other words remain
    ('Bakker B.V.' -> 'bakker', so 'Bakker' is the name itself and 'Bakker BV' starts with it)."""
    parts = _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), fold(value)).split()
    kept = [p for p in parts if _NOT_WORD.sub("", p) not in LEGAL_FORMS] or parts
    return " ".join(kept).replace(".", "")
