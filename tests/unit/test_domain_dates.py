"""Dates as users type them and as the graph stores them (lo_network.domain.dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lo_network.domain.dates import dutch, iso, parse_date


@pytest.mark.parametrize("typed, expected", [
    ("2026-03-01", date(2026, 3, 1)),
    ("2026-3-1", date(2026, 3, 1)),
    ("1-3-2026", date(2026, 3, 1)),
    ("01-03-2026", date(2026, 3, 1)),
    ("01/03/2026", date(2026, 3, 1)),
    ("1.3.2026", date(2026, 3, 1)),
    (" 29-02-2024 ", date(2024, 2, 29)),
    (date(2026, 3, 1), date(2026, 3, 1)),
    (datetime(2026, 3, 1, 23, 59), date(2026, 3, 1)),
    ("", None),
    ("   ", None),
    (None, None),
])
def test_parse_date_reads_dutch_and_iso(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31-02-2026", "29-02-2025", "2026-13-01", "0-1-2026", "32-1-2026"])
def test_impossible_dates_do_not_exist(typed):
    with pytest.raises(ValueError, match="does not exist"):
        parse_date(typed)


@pytest.mark.parametrize("typed", ["maart 2026", "03-2026", "2026/03/01", "1-3-26", "20260301", "1-3-2026x"])
def test_other_text_is_not_a_date(typed):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(typed)


def test_iso():
    assert iso(date(2026, 3, 1)) == "2026-03-01"
    assert iso(None) is None


@pytest.mark.parametrize("stored, shown", [
    ("2026-03-01", "01-03-2026"),
    ("2026-03-01T10:15:00.000Z", "01-03-2026"),
    (date(2026, 12, 31), "31-12-2026"),
    ("", ""),
    (None, ""),
    ("unknown", "unknown"),
])
def test_dutch_display(stored, shown):
    assert dutch(stored) == shown
