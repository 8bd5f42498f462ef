"""UI strings in Dutch and English, and helpers that pick the current language.

The texts live in the gettext catalogues of :mod:`lo_network.messages` (one ``.po`` file
per language and area, msgid = the key). Pattern: add ``"area.what"`` to the area's
``nl`` and ``en`` catalogue; in a page write ``t("area.what")`` (a Var that follows the
language switch); in an event handler write ``tr("area.what", self.lang)``. Messages of
the domain are :class:`lo_network.messages.Message` values; an edge asks one for its
text in a language (:func:`localise` does, and still splits a plain "Dutch / English"
string from elsewhere); vocabulary labels come from ``lo_network.domain.vocab``.
"""

from __future__ import annotations

import reflex as rx

from lo_network import messages
from lo_network.domain import activities, fields, organisations, people, registrations
from lo_network.domain.kpis import MEASURES
from lo_network.domain.passwords import MIN_PASSWORD

LANGUAGES = messages.LANGUAGES

# Values the UI strings' placeholders take that are fixed when the app starts.
_FIXED = {"users.password_hint": {"min_password": MIN_PASSWORD}}

# key -> (nl, en): every catalogue entry, with the fixed values filled in
STRINGS: dict[str, tuple[str, str]] = {
    key: (nl.format(**_FIXED[key]), en.format(**_FIXED[key])) if key in _FIXED else (nl, en)
    for key, (nl, en) in messages.CATALOGUE.items()
}

# The fields' labels come with their declarations (domain/fields.py), the dashboard's
# measures with theirs (domain/kpis.py): derived here, not copied into the catalogues.
STRINGS.update(fields.labels("org.field.", organisations.DECLARED))
STRINGS.update(fields.labels("person.field.", people.DECLARED))
for _m in MEASURES.values():
    STRINGS[f"dash.m.{_m.key}"] = (_m.nl, _m.en)
    STRINGS[f"dash.about.{_m.key}"] = (_m.about_nl, _m.about_en)
STRINGS.update(fields.labels("act.field.", activities.DECLARED))
STRINGS.update(fields.labels("reg.field.", registrations.DECLARED))
# what a registration records beyond what the registrant gives (its status, attendance ...),
# as the attendee export heads it; a registration's history names these fields so too
STRINGS.update({f"reg.field.{name}": pair for name, pair in registrations.RECORDED_HEADERS.items()})


def _pair(key: str) -> tuple[str, str]:
    try:
        return STRINGS[key]
    except KeyError:
        raise KeyError(f"i18n: no UI string {key!r} in the catalogues of lo_network.messages") from None


def tr(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` ("nl" or "en"), for event handlers and plain Python."""
    nl, en = _pair(key)
    return en if lang == "en" else nl


_language: list[rx.Var] = []  # the Var of the chosen language, set once by the session state


def follow_language(var: rx.Var) -> None:
    """The Var holding the chosen language, which :func:`t` and :func:`pick` follow: the
    session state's (lo_network.states.session registers it; this module imports no state)."""
    _language[:] = [var]


def _lang() -> rx.Var:
    if not _language:
        raise RuntimeError("i18n: no language Var yet; import lo_network.states.session first")
    return _language[0]


def is_english() -> rx.Var:
    """A boolean Var: True when the UI shows English."""
    return _lang() == "en"


def pick(nl: object, en: object) -> rx.Var:
    """A Var choosing between two values (texts, Vars) by the current language."""
    return rx.cond(is_english(), en, nl)


def t(key: str) -> rx.Var:
    """The UI string ``key`` in the current language, as a Var for components."""
    nl, en = _pair(key)
    return pick(nl, en)


def split_message(message: str) -> tuple[str, str]:
    """A message -> (nl, en): a :class:`~lo_network.messages.Message` gives its two texts;
    a plain "Dutch / English" string (pydantic's, or one not made a Message yet) is split,
    part by part when joined by "; " ("a / b; c / d" -> ("a; c", "b; d")); a string
    without " / " is the same in both languages."""
    return messages.texts(message)


def localise(message: str, lang: str) -> str:
    """The text of a message for ``lang`` (see :func:`split_message`)."""
    return messages.text(message, lang)


def message_var(pair: rx.Var) -> rx.Var:
    """A Var holding a [nl, en] list (e.g. one field error) -> the current language's text."""
    return rx.cond(is_english(), pair[1], pair[0])


def vocab_pairs(vocab: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """A vocabulary as {value: [nl, en]}, ready to embed in a page."""
    return {value: [nl, en] for value, (nl, en) in vocab.items()}


def vocab_label(vocab: dict[str, tuple[str, str]], value: rx.Var) -> rx.Var:
    """The label of a vocabulary value held in a Var (e.g. a row's kind), in the current
    language; an unknown value is shown as it is."""
    table = rx.Var.create(vocab_pairs(vocab))
    entry = table[value]
    return rx.cond(entry, rx.cond(is_english(), entry[1], entry[0]), value)




# How numbers are written, the one rule for the app: Dutch 1.234,5 and English 1,234.5, at
# most MAX_DECIMALS after the separator (fewer when they are zero). ``number`` writes text on
# the server; ``number_var`` writes a number held in a page's state in the browser (tables,
# chart axes and tooltips), with the same locales.
NUMBER_LOCALES = {"nl": "nl-NL", "en": "en-GB"}
MAX_DECIMALS = 4


def number(value: float | int | None, lang: str, decimals: int | None = None) -> str:
    """``value`` as a person in ``lang`` reads it: 1.234,5 (nl) or 1,234.5 (en); ``decimals``
    fixed, or up to MAX_DECIMALS with trailing zeros left off. '' for None."""
    if value is None:
        return ""
    if decimals is None:
        text = f"{float(value):,.{MAX_DECIMALS}f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    else:
        text = f"{float(value):,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def thousands(number_: int, lang: str) -> str:
    """1.234 (nl) or 1,234 (en)."""
    return number(number_, lang, 0)


def _number_js(value_js: str, lang_js: str) -> str:
    locales = " : ".join(f"{lang_js} === {code!r} ? {loc!r}" for code, loc in NUMBER_LOCALES.items() if code != "nl")
    return (f"(typeof ({value_js}) === 'number' ? new Intl.NumberFormat({locales} : {NUMBER_LOCALES['nl']!r}, "
            f"{{maximumFractionDigits: {MAX_DECIMALS}}}).format({value_js}) : (({value_js}) ?? ''))")


def number_var(value: rx.Var) -> rx.Var:
    """A number in a page's state written as :func:`number` writes it, in the current
    language (text other than a number is shown as it is)."""
    from reflex.vars.base import Var, VarData

    lang = _lang()
    return Var(_js_expr=_number_js(str(value), str(lang)), _var_type=str,
               _var_data=VarData.merge(value._get_all_var_data(), lang._get_all_var_data())).guess_type()


def number_formatter() -> rx.Var:
    """The same, as a JavaScript function for a chart's axis ticks and tooltip values."""
    from reflex.vars.function import FunctionStringVar

    lang = _lang()
    return FunctionStringVar.create(f"((v) => {_number_js('v', str(lang))})", _var_data=lang._get_all_var_data())


def range_label(page: int, page_size: int, total: int, lang: str) -> str:
    """"1–25 van 1.234" (or "1–25 of 1,234") for a pager."""
    if total == 0:
        return "0"
    first = (page - 1) * page_size + 1
    last = min(page * page_size, total)
    word = "of" if lang == "en" else "van"
    return f"{thousands(first, lang)}–{thousands(last, lang)} {word} {thousands(total, lang)}"




def page_title(key: str, site: str = "app.name") -> rx.Var:
    """A browser tab's title in the chosen language: "<page> · <site>" (``key`` None-like
    '' gives the site alone)."""
    site_nl, site_en = _pair(site)
    if not key:
        return pick(site_nl, site_en)
    nl, en = _pair(key)
    return pick(f"{nl} · {site_nl}", f"{en} · {site_en}")
