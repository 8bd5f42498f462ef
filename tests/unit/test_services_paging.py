"""Paging of the list services (lo_network.services.Page, clamp_page)."""

from __future__ import annotations

import pytest

from lo_network.services import Page, clamp_page


@pytest.mark.parametrize("page, size, expected", [
    (1, 25, (1, 25)),
    (3, 50, (3, 50)),
    (2, 100, (2, 100)),
    (0, 25, (1, 25)),
    (-4, 25, (1, 25)),
    (1, 10, (1, 25)),
    (1, 1000, (1, 25)),
    (1, 0, (1, 25)),
])
def test_clamp_page(page, size, expected):
    assert clamp_page(page, size) == expected


@pytest.mark.parametrize("total, size, pages", [(0, 25, 1), (1, 25, 1), (25, 25, 1), (26, 25, 2), (101, 50, 3)])
def test_page_count(total, size, pages):
    assert Page(total=total, page_size=size).pages == pages
