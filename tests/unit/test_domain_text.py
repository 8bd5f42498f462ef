"""Text normalisation for search keys and tags, and the text edge of every validator
(lo_network.domain.text)."""

from __future__ import annotations

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.domain.text import (
    UNREADABLE, checks_text, clean, fold, multiline, search_key, tags, unreadable_fields,
)


@pytest.mark.parametrize("raw, cleaned", [
    ("  Port  of \t Twente\n", "Port of Twente"),
    (None, ""),
    (12345678, "12345678"),
])
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize("raw, folded", [
    ("Müller", "muller"),
    ("MÜLLER", "muller"),
    ("Hengelo Ö", "hengelo o"),
    ("Café Ñandú", "cafe nandu"),
    ("Straße", "strasse"),
    ("ﬁets", "fiets"),
    ("  Zwolle   Haven ", "zwolle haven"),
    (None, ""),
])
def test_fold_drops_accents_and_case(raw, folded):
    assert fold(raw) == folded


def test_search_key_joins_the_non_empty_parts_folded():
    assert search_key("Müller B.V.", "", None, "Enschede", "  ") == "muller b.v. | enschede"


def test_search_key_of_nothing_is_empty():
    assert search_key("", None) == ""


@pytest.mark.parametrize("raw, result", [
    ("Haven, NSBC; haven,, ", ["haven", "nsbc"]),
    (["Spreker", " spreker ", ""], ["spreker"]),
    (("b", "a"), ["a", "b"]),
    ({"Living  Lab"}, ["living lab"]),
    ("", []),
    (None, []),
])
def test_tags(raw, result):
    assert tags(raw) == result


# ---------------------------------------------------------------- the text edge
@pytest.mark.parametrize("raw, cleaned", [
    ("Bel\u0007l\u0000 de Vries", "Bell de Vries"),  # C0 controls go
    ("Jan\u0085Smit\u009b", "Jan Smit"),  # NEL is a line break (a space on one line), other C1 go
    ("Anna\u202e\u2066 Bakker\u2069\u202c", "Anna Bakker"),  # bidi overrides and isolates go
    ("Tab\tand\nline", "Tab and line"),
    ("\u05e9\u05dc\u05d5\u05dd Haven", "\u05e9\u05dc\u05d5\u05dd Haven"),  # right-to-left text itself stays
    ("lone\ud800", "lone"),  # where no field can be named (search text), a lone surrogate goes
])
def test_clean_removes_controls_and_bidi_overrides(raw, cleaned):
    assert clean(raw) == cleaned


def test_multiline_keeps_tabs_and_line_breaks_only():
    assert multiline("  eerste\r\nregel\u0007\ttwee\rdrie\u2028vier\u202e\u0000  ") == "eerste\nregel\ttwee\ndrie\nvier"
    assert multiline(None) == ""


def test_unreadable_fields_name_each_field_with_a_lone_surrogate():
    raw = {"name": "x\ud800", "ok": "fine", "employment": {"role": "\udfff"}, "tags": ["a", "b\ud83d"], "n": 3}
    assert set(unreadable_fields(raw)) == {"name", "employment.role", "tags"}
    assert unreadable_fields({"\ud800": "x"}) == {"body": UNREADABLE}
    assert unreadable_fields({"name": "emoji \U0001F69A ok"}) == {}  # a real pair is a character


def test_checks_text_refuses_lone_surrogates_and_scrubs_the_record():
    seen = {}

    @checks_text
    def validate(kind, raw, *, note=""):
        seen.update(kind=kind, raw=raw)
        return raw

    with pytest.raises(ValidationError) as caught:
        validate("org", {"name": "A\ud800", "city": "B"}, note="\ud801")
    assert caught.value.errors == {"name": UNREADABLE, "note": UNREADABLE}
    assert seen == {}  # the validator never ran
    raw = {"name": "A\u0007B", "notes": "een\r\ntwee\u0000", "themes": ["x\u202e"]}
    assert validate("org", raw) == {"name": "AB", "notes": "een\ntwee", "themes": ["x"]}
    assert raw["name"] == "A\u0007B"  # the caller's record is not changed


def _validators():
    """Every validator of the domain (and of accounts): a public function named validate*."""
    import importlib
    import inspect
    import pkgutil

    import lo_network.domain

    modules = [importlib.import_module(f"lo_network.domain.{m.name}")
               for m in pkgutil.iter_modules(lo_network.domain.__path__)]
    modules.append(importlib.import_module("lo_network.services.accounts"))
    return [(f"{m.__name__}.{name}", fn) for m in modules for name, fn in inspect.getmembers(m, inspect.isfunction)
            if name.startswith("validate") and fn.__module__ == m.__name__]


def test_every_validator_has_the_text_edge():
    """A new validator without ``@checks_text`` fails here: its fields would let control
    characters in and a lone surrogate through to the graph (a 500)."""
    found = _validators()
    assert len(found) >= 12, found
    missing = [name for name, fn in found if getattr(fn, "__wrapped__", None) is None]
    assert missing == []


def test_every_validator_refuses_a_lone_surrogate_naming_the_field():
    import inspect

    for name, fn in _validators():
        params = list(inspect.signature(fn).parameters.values())
        args = [{"title": "x\ud800"} if p.name == "raw" else "x\ud800" for p in params
                if p.kind is not p.KEYWORD_ONLY and p.default is p.empty]
        flags = {p.name: False for p in params if p.kind is p.KEYWORD_ONLY and p.default is p.empty}
        with pytest.raises(ValidationError) as caught:
            fn(*args, **flags)
        assert UNREADABLE in caught.value.errors.values(), name
