"""Messages and UI strings: a code, its parameters, and the texts in gettext catalogues.

The texts live in ``locale/<lang>/LC_MESSAGES/<area>.po`` (msgid = the code, msgstr = the
text with ``{name}`` placeholders), read once at import with Babel. The domain and the
services say *what* happened with :func:`msg` (``msg("org.kvk.digits")``); an edge that
knows the reader's language asks the :class:`Message` for its :meth:`Message.text`.

A Message is also a ``str``: its value is the bilingual rendering the API has always
answered ("nl / en", or one text when both are the same), so joins, f-strings and
comparisons elsewhere keep working unchanged.

Two placeholder names have a meaning in that bilingual rendering: ``{subject}`` at the
start and ``{detail}`` at the end are language-neutral (a folder, a list of values) and
are written once, outside the two texts: "x: de map is niet leeg / the folder is not
empty", "kies uit / choose from a, b".

A placeholder with the format spec ``n`` (``{most:n}``) is a whole number as the language
writes it: "500.000" in Dutch, "500,000" in English (Babel). A parameter that is itself a
Message is written in the language of the text around it: ``{file}: {reason}`` with a
Message as ``reason`` reads "x.csv: te groot / x.csv: too large", and "x.csv: too large"
in English.

The UI strings (lo_network.i18n) and the labels of the fixed vocabularies
(:func:`vocabulary`) are entries of the same catalogues.
"""

from __future__ import annotations

import string
from pathlib import Path

from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = ("nl", "en")
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN_DIR = "LC_MESSAGES"

_TAIL_SEPARATORS = (": ", " (", " ")  # what may stand between a text and its {detail}
_HEAD = "{subject}: "


class CatalogueError(ValueError):
    """The catalogues disagree: a code missing in one language, different placeholders,
    a code in two areas, an empty text."""


def placeholders(template: str) -> set[str]:
    """The ``{name}`` placeholders of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def load(root: Path = LOCALE_DIR) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """All catalogues under ``root``: ({code: (nl, en)}, {code: area}); CatalogueError when
    they disagree (every problem listed, not only the first)."""
    texts: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    areas: dict[str, str] = {}
    problems: list[str] = []
    area_sets = {lang: {p.stem for p in (root / lang / DOMAIN_DIR).glob("*.po")} for lang in LANGUAGES}
    for area in sorted(area_sets["nl"] ^ area_sets["en"]):
        problems.append(f"area {area!r} is not in every language")
    for lang in LANGUAGES:
        for path in sorted((root / lang / DOMAIN_DIR).glob("*.po")):
            with path.open("rb") as handle:
                catalogue = read_po(handle, locale=lang, domain=path.stem)
            for message in catalogue:
                code = message.id
                if not code:
                    continue  # the header
                if not isinstance(code, str) or not isinstance(message.string, str):
                    problems.append(f"{path.stem}: {code!r} has plural forms; use a placeholder")
                    continue
                if not message.string.strip():
                    problems.append(f"{lang}/{path.stem}: {code!r} has no text")
                if areas.setdefault(code, path.stem) != path.stem:
                    problems.append(f"{code!r} is in two areas: {areas[code]} and {path.stem}")
                texts[lang][code] = message.string
    nl, en = texts["nl"], texts["en"]
    for code in sorted(nl.keys() ^ en.keys()):
        problems.append(f"{code!r} is not in every language")
    for code in sorted(nl.keys() & en.keys()):
        try:
            same = placeholders(nl[code]) == placeholders(en[code])
        except ValueError as exc:
            problems.append(f"{code!r}: a broken placeholder ({exc})")
            continue
        if not same:
            problems.append(f"{code!r}: the placeholders differ between nl and en")
    if problems:
        raise CatalogueError("message catalogues: " + "; ".join(problems))
    return {code: (nl[code], en[code]) for code in nl}, areas


CATALOGUE, AREAS = load()


class _Formatter(string.Formatter):
    """``str.format`` in one language: the spec ``n`` writes an int as the language does
    (Babel), a Message parameter is written in that language; every other spec and value
    is formatted as Python does."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Message):
            value = value.text(self.lang)
        if format_spec == "n" and isinstance(value, int) and not isinstance(value, bool):
            return format_decimal(value, locale=self.lang)
        return super().format_field(value, format_spec)

    def render(self, template: str, params: dict[str, object]) -> str:
        if "{" not in template and "}" not in template:
            return template  # most texts have no placeholder: no parsing
        return self.vformat(template, (), params)


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def _tail(nl: str, en: str) -> str:
    """The part both templates end with from the separator before ``{detail}`` on."""
    for sep in _TAIL_SEPARATORS:
        for after in ("", ")"):
            tail = sep + "{detail}" + after
            if nl.endswith(tail) and en.endswith(tail):
                return tail
    return ""


def bilingual(nl: str, en: str, params: dict[str, object]) -> str:
    """The one-string rendering of a message in both languages: "nl / en", the Dutch text
    alone when both are the same, a shared {subject} and {detail} written once (as the
    Dutch text writes them, which leads)."""
    head = _HEAD if nl.startswith(_HEAD) and en.startswith(_HEAD) else ""
    tail = _tail(nl, en)
    nl_mid, en_mid = nl[len(head):len(nl) - len(tail)], en[len(head):len(en) - len(tail)]
    dutch, english = _FORMATTERS["nl"], _FORMATTERS["en"]
    nl_text, en_text = dutch.render(nl_mid, params), english.render(en_mid, params)
    middle = nl_text if nl_text == en_text else f"{nl_text} / {en_text}"
    return dutch.render(head, params) + middle + dutch.render(tail, params)


class Message(str):
    """A message: ``parts``, one or more (code, params) shown joined by "; ". The string
    value is the bilingual rendering; :meth:`text` gives one language."""

    parts: tuple[tuple[str, dict[str, object]], ...]

    def __new__(cls, parts: tuple[tuple[str, dict[str, object]], ...]) -> Message:
        self = super().__new__(cls, "; ".join(bilingual(*CATALOGUE[code], params) for code, params in parts))
        self.parts = parts
        return self

    @property
    def code(self) -> str:
        """The code of the (first) message."""
        return self.parts[0][0]

    @property
    def params(self) -> dict[str, object]:
        return dict(self.parts[0][1])

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("nl" or "en"; anything else reads as Dutch)."""
        index = 1 if lang == "en" else 0
        formatter = _FORMATTERS[LANGUAGES[index]]
        return "; ".join(formatter.render(CATALOGUE[code][index], params) for code, params in self.parts)

    def texts(self) -> tuple[str, str]:
        """(Dutch, English)."""
        return self.text("nl"), self.text("en")

    def __reduce__(self):  # pickling and copying (a Reflex state may hold one) rebuild it
        return Message, (self.parts,)

    def __repr__(self) -> str:
        # as the text it stands for: a dict of field errors printed (a log, an exception's
        # text, a test's message) reads as it did when the messages were plain strings
        return str.__repr__(self)


def msg(code: str, **params: object) -> Message:
    """The message ``code`` with its parameters; an unknown code or a parameter the texts
    do not have (or lack) raises at once."""
    try:
        nl, _ = CATALOGUE[code]
    except KeyError:
        raise KeyError(f"messages: no code {code!r} in the catalogues under {LOCALE_DIR.name}/") from None
    wanted = placeholders(nl)
    if wanted != params.keys():
        raise TypeError(f"messages: {code!r} takes {sorted(wanted)}, got {sorted(params)}")
    # values kept as text or numbers (a Message among them, written in each text's
    # language), so a Message pickles and compares simply
    plain = {k: v if isinstance(v, (str, int, float)) else str(v) for k, v in params.items()}
    return Message(((code, plain),))


def vocabulary(prefix: str, values: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """A fixed vocabulary in its order: {value: (nl, en)}, the labels being the catalogue
    entries ``<prefix>.<value>`` (a value without one raises at import)."""
    missing = [value for value in values if f"{prefix}.{value}" not in CATALOGUE]
    if missing:
        raise KeyError(f"messages: no label for {prefix}.{missing[0]} in the catalogues")
    return {value: CATALOGUE[f"{prefix}.{value}"] for value in values}


def join(*messages: Message) -> Message:
    """Messages shown one after the other, joined by "; " in each language."""
    return Message(tuple(part for message in messages for part in message.parts))


def reason(exc: BaseException) -> str:
    """Why ``exc`` was raised: the Message it carries (``ValueError(msg(...))``), else its
    text. ``str(exc)`` would give the bilingual text and lose the Message."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)


def texts(message: str) -> tuple[str, str]:
    """(Dutch, English) of a Message; a plain string (from a library, or a "nl / en" text
    that is not a Message yet) is split on " / " part by part."""
    if isinstance(message, Message):
        return message.texts()
    nl_parts, en_parts = [], []
    for part in str(message).split("; "):
        nl, sep, en = part.partition(" / ")
        nl_parts.append(nl)
        en_parts.append(en if sep else nl)
    return "; ".join(nl_parts), "; ".join(en_parts)


def text(message: str, lang: str) -> str:
    """The half of a message for ``lang`` (see :func:`texts`)."""
    nl, en = texts(message)
    return en if lang == "en" else nl
