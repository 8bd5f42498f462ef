"""The full-text query made from what a user typed (lo_network.domain.text)."""

from __future__ import annotations

import pytest

from lo_network.domain import duplicates, imports
from lo_network.domain.text import LEGAL_FORMS, fulltext_query, lucene_escaped, ranked_text, words


@pytest.mark.parametrize("text, expected", [
    ("Bakker B.V.", ["bakker", "bv"]),
    ("bakker b.v", ["bakker", "bv"]),
    ("Transport V.O.F. (Zwolle)", ["transport", "vof", "zwolle"]),
    ("Müller-Transport.nl", ["muller", "transport", "nl"]),
    ("www.x.nl", ["www", "x", "nl"]),
    ("St.Jansdal", ["st", "jansdal"]),
    ('"(*:~', []),
])
def test_words(text, expected):
    assert words(text) == expected


def test_legal_forms_declared_once():
    assert LEGAL_FORMS <= duplicates.LEGAL_FORMS
    assert imports.organisation_name_key("Bakker B.V.") == imports.organisation_name_key("bakker bv") == "bakker"


def test_query_requires_every_word_and_prefixes_them():
    assert fulltext_query("port tw") == ("+search_key:(port^4 port*^2 *port*) "
                                         "+search_key:(tw^4 tw*^2 *tw*)")


def test_legal_forms_drop_out_unless_alone():
    assert fulltext_query("bakker b.v.") == fulltext_query("Bakker BV") == fulltext_query("bakker")
    assert fulltext_query("bv") == "+search_key:(bv^4 b.v^4 bv*^2 *bv*)"
    assert fulltext_query("jan ba", legal_forms=False).count("+search_key") == 2


@pytest.mark.parametrize("text", ['"', "(", ":", "*", "~", "AND", "OR", "NOT", "a:b", "x\\", "[a TO b]", "&&", "||"])
def test_operators_never_reach_the_query(text):
    query = fulltext_query(text)
    body = query.replace("+search_key:(", "").replace(")", "")  # what remains are the terms
    assert all(ch.isalnum() or ch in " ^*" for ch in body.replace("^4", "").replace("^2", "")), query
    assert "AND" not in query and "OR" not in query and "NOT" not in query


def test_filters_are_phrases_with_quotes_escaped():
    assert fulltext_query("", kind="company", tags=None, region="") == '+kind:"company"'
    assert fulltext_query("", tags='a "b" \\') == '+tags:"a \\"b\\" \\\\"'
    assert fulltext_query("", tags="&") == "*:*"  # no word to look for: the Cypher checks the value
    assert fulltext_query("") == fulltext_query('"(') == ""


def test_lucene_escaped():
    assert lucene_escaped('a+b-c(d):e*"f"\\') == 'a\\+b\\-c\\(d\\)\\:e\\*\\"f\\"\\\\'


def test_ranked_text():
    assert ranked_text("Bakker B.V.") == "bakker"
    assert ranked_text("bv") == "bv"
    assert ranked_text("Port of Twente") == "port of twente"
