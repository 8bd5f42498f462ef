"""Contact details shared by people and organisations, and duplicate clusters."""

from __future__ import annotations

import pytest

from lo_network.domain import contact, duplicates
from lo_network.domain import organisations as org_domain
from lo_network.domain.errors import ValidationError


@pytest.mark.parametrize("typed", ["+31 (0)38 123 4567", "0031 38 1234567", "038-1234567", "038 123 45 67"])
def test_one_phone_number_however_written_has_one_key(typed):
    assert contact.phone_key(typed) == "0381234567"


def test_an_organisation_checks_email_and_phone_as_a_person_does():
    props = org_domain.validate({"name": "Kade", "kind": "company", "email": "Info@Kade.NL", "phone": "+31 38 1234567"})
    assert (props["email"], props["email_key"], props["phone_key"]) == ("info@kade.nl", "info@kade.nl",
                                                                        "0381234567")
    with pytest.raises(ValidationError) as bad:
        org_domain.validate({"name": "Kade", "kind": "company", "email": "kade.nl", "phone": "12"})
    assert set(bad.value.errors) == {"email", "phone"}


def test_clusters_are_the_connected_groups_of_pairs():
    def pair(a, b, score):
        return {"a_id": a, "b_id": b, "a_name": a.upper(), "b_name": b.upper(), "score": score}

    found = duplicates.clusters([pair("a", "b", 70), pair("b", "c", 70), pair("x", "y", 90), pair("a", "c", 88)])
    assert [[m["id"] for m in c["members"]] for c in found] == [["x", "y"], ["a", "b", "c"]]
    assert [c["score"] for c in found] == [90, 88] and len(found[1]["pairs"]) == 3
