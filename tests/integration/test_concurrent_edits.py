"""Two editors change one record at the same moment, each a different field: both changes
stay. The edit reads, merges and writes in one transaction that first takes the record's
write lock (``store.records.locked_edit``), so the second editor merges into what the first
one saved instead of overwriting it with what it had read before."""

from __future__ import annotations

import threading

import pytest

from lo_network.domain import organisations as organisation_domain
from lo_network.domain import people as person_domain
from lo_network.services import organisations, people
from tests.integration.test_activities import clean  # noqa: F401  (a fixture)

SLOW_EDITOR_WAITS = 3.0  # seconds the first editor waits, after reading, for the second to finish


def _overlapping(monkeypatch, domain, first_edit, second_edit) -> bool:
    """Run ``first_edit`` and, once it has read the record, ``second_edit``. The first editor
    pauses after its read until the second has finished, or SLOW_EDITOR_WAITS passed (the
    second waits for the first one's lock). True when the second editor finished while the
    first was paused, i.e. did not wait for the first one's write."""
    first_read, second_done = threading.Event(), threading.Event()
    merge = domain.merge_update
    first_saw: list[bool] = []
    worker: dict[str, threading.Thread] = {}

    def paused_merge(current, changes):
        if threading.current_thread() is worker["first"]:
            first_read.set()
            first_saw.append(second_done.wait(SLOW_EDITOR_WAITS))
        return merge(current, changes)

    monkeypatch.setattr(domain, "merge_update", paused_merge)
    errors: list[BaseException] = []

    def run(edit):
        try:
            edit()
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    worker["first"] = threading.Thread(target=run, args=(first_edit,))
    worker["first"].start()
    assert first_read.wait(30), "the first editor never read the record"
    run(second_edit)
    second_done.set()
    worker["first"].join(60)
    assert not errors, errors
    return first_saw[0]


def test_two_editors_of_one_organisation_keep_both_changes(clean, users, monkeypatch):  # noqa: F811
    made = organisations.create(users["coordinator"], {"name": "Overijssel Overslag BV", "kind": "company",
                                                       "city": "Deventer", "website": ""}, via="test")
    assert not _overlapping(
        monkeypatch, organisation_domain,
        lambda: organisations.update(users["coordinator"], made["id"], {"city": "Zwolle"}, via="test"),
        lambda: organisations.update(users["admin"], made["id"], {"website": "overslag.example"}, via="test"))
    saved = organisations.get(users["admin"], made["id"])
    assert saved["city"] == "Zwolle" and "overslag.example" in saved["website"]


def test_two_editors_of_one_person_keep_both_changes(clean, users, monkeypatch):  # noqa: F811
    made = people.create(users["coordinator"], {"first_name": "Anouk", "last_name": "Smit",
                                                "email": "anouk@overslag.example"},
                         via="test")
    assert not _overlapping(
        monkeypatch, person_domain,
        lambda: people.update(users["coordinator"], made["id"], {"job_title": "Planner"}, via="test"),
        lambda: people.update(users["admin"], made["id"], {"phone": "038 123 4567"}, via="test"))
    saved = people.get(users["admin"], made["id"])
    assert saved["job_title"] == "Planner" and saved["phone"]


def test_an_edit_of_a_record_deleted_meanwhile_is_not_found(clean, users, monkeypatch):  # noqa: F811
    """The delete takes the same lock: an edit that arrives while it runs finds no record,
    rather than writing into one that is gone."""
    from lo_network.domain.errors import NotFound

    made = organisations.create(users["coordinator"], {"name": "Weg BV", "kind": "company"}, via="test")
    organisations.delete(users["admin"], made["id"], via="test")
    with pytest.raises(NotFound):
        organisations.update(users["coordinator"], made["id"], {"city": "Zwolle"}, via="test")


@pytest.mark.parametrize("name, params", [
    ("organisations/lock", {"id": "x"}),
    ("people/lock", {"id": "x"}),
    ("registrations/context", {"activity_id": "a", "email_key": "x@example.org", "name_key": "port"}),
])
def test_the_locks_and_the_registration_lookup_seek_an_index(graph, name, params):
    """The edit lock and the registration's one read stay index seeks at any size of the network."""
    from lo_network.store.queries import q
    from tests.integration.test_fulltext_search import plan_operators

    operators = plan_operators(q(name), params)
    assert {"NodeUniqueIndexSeek", "NodeUniqueIndexSeek(Locking)", "NodeIndexSeek"} & operators, operators
    assert not {"NodeByLabelScan", "AllNodesScan"} & operators, operators
