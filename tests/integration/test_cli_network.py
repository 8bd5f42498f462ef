"""``lo-network link`` in-process against the real graph."""

from __future__ import annotations

from lo_network import cli
from lo_network.services import links
from lo_network.services import organisations
from lo_network.services.accounts import CLI_ACTOR


def test_link_add_list_end(graph, sql_db, capsys):
    a = organisations.create(CLI_ACTOR, {"name": "Haven Deventer", "kind": "port_network"}, "t")["id"]
    b = organisations.create(CLI_ACTOR, {"name": "Kanaal BV", "kind": "company"}, "t")["id"]
    assert cli.main(["link", "add", b, a, "--type", "member_of", "--since", "01-02-2023", "--source", "ALV"]) == 0
    (link,) = links.list_links(CLI_ACTOR, "organisation", a)
    assert f"link {link['id']} added" in capsys.readouterr().out
    assert cli.main(["link", "list", a]) == 0
    out = capsys.readouterr().out
    assert f"{link['id']}  heeft als lid Kanaal BV  01-02-2023" in out
    assert cli.main(["link", "end", a, link["id"], "--until", "2024-12-31"]) == 0
    assert links.list_links(CLI_ACTOR, "organisation", b)[0]["until"] == "2024-12-31"
    capsys.readouterr()
    assert cli.main(["link", "list", b]) == 0
    assert "01-02-2023 – 31-12-2024 (beëindigd / ended)" in capsys.readouterr().out


def test_link_add_with_bad_input_exits_2_naming_the_field(graph, sql_db, capsys):
    a = organisations.create(CLI_ACTOR, {"name": "Solo BV", "kind": "company"}, "t")["id"]
    assert cli.main(["link", "add", a, a, "--type", "friends"]) == 2
    err = capsys.readouterr().err
    assert "lo-network: type: " in err and "lo-network: to_id: " in err
    assert cli.main(["link", "list", "no-such-id"]) == 2


def test_duplicates_merge_and_undo_commands(graph, sql_db, capsys):
    keep = organisations.create(CLI_ACTOR, {"name": "Tweeling B.V.", "kind": "company", "kvk": "55554444",
                                            "city": "Almelo"}, "t")["id"]
    drop = organisations.create(CLI_ACTOR, {"name": "Tweeling", "kind": "company", "kvk": "55554444",
                                            "city": "Hengelo"}, "t", confirm_duplicate_kvk=True)["id"]
    other = organisations.create(CLI_ACTOR, {"name": "Tweeling Holding", "kind": "company"}, "t")["id"]
    assert cli.main(["duplicates"]) == 0
    out = capsys.readouterr().out
    assert " 97%  " in out and "same KvK number" in out and out.count("\n") == 3
    assert cli.main(["not-duplicate", other, keep]) == 0
    assert cli.main(["merge", keep, drop, "--take", "city=sideways"]) == 2
    assert "choice" in capsys.readouterr().err
    assert cli.main(["merge", keep, drop, "--take", "city=drop"]) == 0
    out = capsys.readouterr().out
    audit_id = out.rsplit("undo-merge ", 1)[1].strip()
    assert organisations.get(CLI_ACTOR, keep)["city"] == "Hengelo"
    assert cli.main(["undo-merge", audit_id]) == 0
    assert organisations.get(CLI_ACTOR, drop)["city"] == "Hengelo"
    assert organisations.get(CLI_ACTOR, keep)["city"] == "Almelo"
    assert cli.main(["undo-merge", audit_id]) == 2  # once only
