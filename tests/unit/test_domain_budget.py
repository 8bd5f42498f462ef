"""The programme's money: amounts typed the Dutch or the international way, the one euro
formatter, and planned / spent per line and year against the split on a worked-out dataset."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lo_network.domain import budget
from lo_network.domain.activities import validate as validate_activity
from lo_network.domain.errors import ValidationError


@pytest.mark.parametrize("typed, euros", [
    ("1.250,50", "1250.50"), ("1250.50", "1250.50"), ("1250,5", "1250.50"), ("€ 1.250", "1250.00"),
    ("1,250.50", "1250.50"), ("1.250.000", "1250000.00"), ("0", "0.00"), ("12", "12.00"), (" 99,99 ", "99.99"),
    (1250.5, "1250.50"), (300, "300.00"), ("1 250,50", "1250.50"), ("1.5", "1.50"), ("1250.500", "1250.50"),
])
def test_amounts_as_people_type_them(typed, euros):
    assert budget.parse_euros(typed) == Decimal(euros)


@pytest.mark.parametrize("typed, reason", [
    ("-5", "negatief"), ("1,255,5", "geen bedrag"), ("12,345", "decimalen"), ("abc", "geen bedrag"),
    ("1.2.3,4.5", "geen bedrag"), ("1250.505", "decimalen"), ("1.000.000.000", "te groot"), (True, "geen bedrag"),
])
def test_bad_amounts_are_refused_with_a_reason(typed, reason):
    with pytest.raises(ValueError, match=reason):
        budget.parse_euros(typed)


def test_blank_is_no_amount():
    assert budget.parse_euros("") is None and budget.parse_euros(None) is None


def test_one_euro_formatter():
    assert budget.format_eur(1234.5) == "€ 1.234,50"
    assert budget.format_eur(1234.5, "en") == "€1,234.50"
    assert budget.format_eur(1800000, whole=True) == "€ 1.800.000"
    assert budget.format_eur(None) == "" and budget.input_text(1250.5) == "1.250,50"
    assert budget.cents(0.1) + budget.cents(0.2) == 30  # no float drift


def test_activity_amounts_are_checked_and_named():
    base = {"title": "Beurs", "kind": "fair", "starts_at": "01-03-2026 10:00", "ends_at": "01-03-2026 12:00"}
    out = validate_activity(dict(base, budget_planned="1.250,50", budget_spent="999.99"))
    assert (out["budget_planned"], out["budget_spent"], out["programme_line"]) == (1250.5, 999.99, "international")
    assert validate_activity(base)["budget_planned"] is None
    with pytest.raises(ValidationError) as exc:
        validate_activity(dict(base, budget_planned="-3", budget_spent="12,345"))
    assert set(exc.value.errors) == {"budget_planned", "budget_spent"}
    assert "negatief" in exc.value.errors["budget_planned"]


def test_grants_default_to_line_one():
    out = budget.validate_grant({"amount": "25.000", "granted_on": "15-03-2025", "description": "Regio Twente"})
    assert out == {"amount": 25000.0, "granted_on": "2025-03-15", "description": "Regio Twente", "line": "regional"}
    with pytest.raises(ValidationError) as exc:
        budget.validate_grant({"amount": "0", "granted_on": "", "line": "x"})
    assert set(exc.value.errors) == {"amount", "granted_on", "line"}


def test_planned_and_spent_per_line_and_year_against_the_split():
    items = [
        {"line": "regional", "kind": "cafe", "year": 2024, "planned": 1000.10, "spent": 900.20},
        {"line": "", "kind": "fair", "year": 2024, "planned": 5000, "spent": None},          # kind's line
        {"line": "regional", "kind": None, "year": 2025, "planned": 25000, "spent": 25000},  # a grant
        {"line": "themes", "kind": "webinar", "year": 2029, "planned": 10, "spent": 10},     # after the programme
        {"line": "international", "kind": "fair", "year": None, "planned": 1, "spent": 1},  # no date: left out
    ]
    out = budget.budget_lines(items, 1_800_000, (2024, 2027))
    lines = {r["line"]: r for r in out["lines"]}
    assert lines["regional"] == {"line": "regional", "target": 72_000_000, "planned": 2_600_010, "spent": 2_590_020}
    assert lines["international"]["target"] == 45_000_000 and lines["international"]["planned"] == 500_000
    assert lines["themes"]["target"] == 63_000_000 and lines["themes"]["planned"] == 1_000
    rows = {(r["year"], r["line"]): r for r in out["years"]}
    assert rows[(2024, "regional")]["target"] == 18_000_000 and rows[(2024, "regional")]["spent"] == 90_020
    assert rows[(2029, "themes")]["target"] == 0 and rows[(2029, "themes")]["planned"] == 1_000
    assert rows[(2026, "international")] == {"year": 2026, "line": "international", "target": 11_250_000,
                                              "planned": 0, "spent": 0}
    assert out["total"] == {"target": 180_000_000, "planned": 3_101_010, "spent": 2_591_020}
