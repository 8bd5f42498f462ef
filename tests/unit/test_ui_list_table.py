"""list_table builds a list's header from (heading, display) pairs and ready header cells."""

import reflex as rx

from lo_network.components.lists import MEDIUM, list_table


def header_cells(table: rx.Component) -> list[rx.Component]:
    header = table.children[0]
    return header.children[0].children


def test_columns_are_always_shown_narrow_only_or_passed_as_they_are():
    sometimes = rx.cond(rx.Var.create(True), rx.table.column_header_cell("Soms"), rx.fragment())
    table = list_table([("Naam", None), ("Stad", MEDIUM), sometimes], rx.Var.create(["a"]),
                       lambda item: rx.table.row(rx.table.cell(item)), "test-table")
    name, city, third = header_cells(table)
    assert "display" not in str(name.render())
    assert "display" in str(city.render())
    assert third is sometimes
    assert table.id == "test-table"
