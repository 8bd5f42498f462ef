"""The message catalogues (.po per language and area) and the Message type."""

from __future__ import annotations

import ast
import copy
import pickle
import re
from pathlib import Path

import pytest

from lo_network import messages
from lo_network.messages import CatalogueError, Message, join, msg

PACKAGE = Path(__file__).resolve().parents[2] / "lo_network"


def _po(path: Path, entries: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=utf-8\\n"', ""]
    for code, text in entries.items():
        body += [f'msgid "{code}"', f'msgstr "{text}"', ""]
    path.write_text("\n".join(body), encoding="utf-8")


def _catalogues(root: Path, nl: dict[str, dict[str, str]], en: dict[str, dict[str, str]]) -> Path:
    for lang, areas in (("nl", nl), ("en", en)):
        for area, entries in areas.items():
            _po(root / lang / "LC_MESSAGES" / f"{area}.po", entries)
    return root


def test_the_shipped_catalogues_agree():
    texts, areas = messages.load()
    assert texts and set(texts) == set(areas)
    assert texts["common.save"] == ("Opslaan", "Save")


def test_a_text_with_placeholders_is_flagged_python_brace_format():
    """The flag tells a translator's tool which values a text takes (Babel's reader drops
    it when the msgid, a code, has none, so the files themselves are read)."""
    wrong = []
    for path in sorted(messages.LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        for comments, code in re.findall(r'((?:#.*\n)*)msgid "(.+)"\n', path.read_text(encoding="utf-8")):
            flagged = "python-brace-format" in comments
            if flagged != bool(messages.placeholders(messages.CATALOGUE[code][0])):
                wrong.append(f"{path.parent.parent.name}/{path.stem}: {code}")
    assert wrong == []


def test_a_sound_catalogue_loads(tmp_path):
    root = _catalogues(tmp_path, {"a": {"x.one": "een {n}"}}, {"a": {"x.one": "one {n}"}})
    assert messages.load(root) == ({"x.one": ("een {n}", "one {n}")}, {"x.one": "a"})


@pytest.mark.parametrize("nl, en, problem", [
    ({"a": {"x.one": "een", "x.two": "twee"}}, {"a": {"x.one": "one"}}, "'x.two' is not in every language"),
    ({"a": {"x.one": "een {n}"}}, {"a": {"x.one": "one {count}"}}, "placeholders differ"),
    ({"a": {"x.one": "een"}, "b": {"x.one": "een"}}, {"a": {"x.one": "one"}, "b": {"x.one": "one"}},
     "in two areas"),
    ({"a": {"x.one": "een"}, "b": {"x.two": "twee"}}, {"a": {"x.one": "one"}}, "area 'b'"),
    ({"a": {"x.one": ""}}, {"a": {"x.one": "one"}}, "has no text"),
    ({"a": {"x.one": "een {n"}}, {"a": {"x.one": "one {n"}}, "broken placeholder"),
    ({"a": {"x.one": "max. {most:n}"}}, {"a": {"x.one": "max {count:n}"}}, "placeholders differ"),
])
def test_a_broken_catalogue_is_refused(tmp_path, nl, en, problem):
    with pytest.raises(CatalogueError, match=problem):
        messages.load(_catalogues(tmp_path, nl, en))


def test_a_message_is_its_bilingual_text_and_knows_each_language():
    m = msg("common.name.required")
    assert m == "naam is verplicht / name is required"
    assert (m.code, m.params) == ("common.name.required", {})
    assert m.text("nl") == "naam is verplicht" and m.text("en") == "name is required"
    assert f"name: {m}" == "name: naam is verplicht / name is required"


def test_placeholders_and_the_shared_detail_and_subject():
    assert msg("common.too_long", max=200) == "te lang (max. 200 tekens) / too long (max 200)"
    chosen = msg("common.choose_from", detail="csv, xlsx")
    assert chosen == "kies uit / choose from csv, xlsx"
    assert chosen.texts() == ("kies uit csv, xlsx", "choose from csv, xlsx")
    assert msg("backup.folder_not_empty", subject="/x") == "/x: de map is niet leeg / the folder is not empty"


def test_joined_messages_read_part_by_part():
    m = join(msg("common.unknown"), msg("common.choose_from", detail="a, b"))
    assert m == "onbekend / unknown; kies uit / choose from a, b"
    assert m.texts() == ("onbekend; kies uit a, b", "unknown; choose from a, b")


def test_a_message_survives_pickling_and_copying():
    m = msg("common.too_long", max=5)
    for again in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m), copy.copy(m)):
        assert isinstance(again, Message) and again == m and again.parts == m.parts


def test_an_unknown_code_or_wrong_parameters_fail_loudly():
    with pytest.raises(KeyError, match="nope.missing"):
        msg("nope.missing")
    with pytest.raises(TypeError, match="max"):
        msg("common.too_long")
    with pytest.raises(TypeError):
        msg("common.name.required", extra=1)


def _calls(name: str):
    """(file, line, code, keyword names or None when ** is passed) of each ``name("...")``."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                keywords = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
                yield f"{path.relative_to(PACKAGE.parent)}:{node.lineno}", node.args[0].value, keywords


def test_every_message_code_in_the_source_exists_with_its_parameters():
    calls = list(_calls("msg"))
    assert len(calls) > 100  # the scan finds the domain's messages
    wrong = []
    for where, code, keywords in calls:
        if code not in messages.CATALOGUE:
            wrong.append(f"{where}: no code {code!r}")
        elif keywords is not None and keywords != messages.placeholders(messages.CATALOGUE[code][0]):
            wrong.append(f"{where}: {code!r} takes {sorted(messages.placeholders(messages.CATALOGUE[code][0]))}")
    assert wrong == []


def test_every_ui_key_in_the_source_exists():
    from lo_network.i18n import STRINGS

    wrong = [f"{where}: no key {key!r}" for name in ("t", "tr", "page_title")
             for where, key, _ in _calls(name) if key and key not in STRINGS]
    assert wrong == []


def test_a_message_prints_as_its_text_inside_a_dict_of_field_errors():
    m = msg("common.too_long", max=100)
    assert str({"name": m}) == str({"name": str(m)}) and "100" in repr(m)


def test_a_number_placeholder_is_written_as_each_language_writes_it():
    """The spec ``n``: Babel's grouping per language; the name alone is the placeholder."""
    assert messages.placeholders("te veel regels (max. {most:n})") == {"most"}
    m = msg("import.file.too_many_rows", most=500_000)
    assert m.text("nl") == "te veel regels (max. 500.000)" and m.text("en") == "too many rows (max 500,000)"
    assert m == "te veel regels (max. 500.000) / too many rows (max 500,000)"
    small = msg("import.file.too_many_rows", most=999)
    assert small.texts() == ("te veel regels (max. 999)", "too many rows (max 999)")


def test_other_format_specs_are_pythons(monkeypatch):
    texts = {"x.spec": ("{share:.1%} en {tag:>4}", "{share:.1%} and {tag:>4}")}
    monkeypatch.setattr(messages, "CATALOGUE", {**messages.CATALOGUE, **texts})
    m = msg("x.spec", share=0.25, tag="ab")
    assert m.texts() == ("25.0% en   ab", "25.0% and   ab")
    assert m == "25.0% en   ab / 25.0% and   ab"


def test_a_message_as_a_parameter_is_written_in_the_language_around_it():
    reason = msg("import.file.too_many_columns_found", found=2_000, most=1_500)
    m = msg("import.file.named", file="lijst.csv", reason=reason)
    assert m == "lijst.csv: te veel kolommen: 2.000 (max. 1.500) / lijst.csv: too many columns: 2,000 (max 1,500)"
    assert m.text("en") == "lijst.csv: too many columns: 2,000 (max 1,500)"
    again = pickle.loads(pickle.dumps(m))
    assert again == m and again.text("nl") == "lijst.csv: te veel kolommen: 2.000 (max. 1.500)"
