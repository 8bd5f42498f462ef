"""The answers API routes share: a file to download, and 410 for an expired personal link."""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from lo_network.api.activities import _link_alive
from lo_network.api.files import download
from lo_network.services import registrations as reg_service


def test_a_download_is_an_attachment_under_its_name():
    answer = download(b"a;b\n", "text/csv; charset=utf-8", "organisaties.csv")
    assert answer.body == b"a;b\n"
    assert answer.media_type == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == 'attachment; filename="organisaties.csv"'


def test_an_expired_personal_link_answers_410_with_the_services_message():
    with pytest.raises(HTTPException) as raised:
        with _link_alive():
            raise reg_service.LinkExpired()
    assert raised.value.status_code == 410
    assert raised.value.detail == str(reg_service.LinkExpired())
    assert raised.value.__suppress_context__


def test_a_live_personal_link_passes_its_answer_and_other_errors_through():
    with _link_alive():
        answer = "registration"
    assert answer == "registration"
    with pytest.raises(LookupError, match="elsewhere"):
        with _link_alive():
            raise KeyError("elsewhere")
