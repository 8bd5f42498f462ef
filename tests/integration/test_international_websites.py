"""Websites whose host has accents (German partners of the Munich fair: 'www.wübbels.nl',
'münchen.de') are valid in the form, the API and an import, stored in one form (Unicode,
lower case) whether typed in Unicode or in their ASCII 'xn--' form, and matched as one."""

from __future__ import annotations

import json

from lo_network.services import imports as import_service
from lo_network.services import organisations as org_service

ROWS = [
    ["Bedrijfsnaam", "Website", "Plaats"],
    ["Wübbels Spedition", "www.wübbels.nl", "Gronau"],
    ["Hölscher Logistik", "WWW.Hölscher.DE/kontakt", "Bad Bentheim"],
    ["Messe München", "münchen.de", "München"],
    ["Wübbels (ASCII)", "https://www.xn--wbbels-3ya.nl/", ""],  # the first row's host: the same organisation
]


def csv_bytes(rows: list[list[str]]) -> bytes:
    return ("\r\n".join(";".join(r) for r in rows) + "\r\n").encode("utf-8")


def test_hosts_with_accents_import_and_match_in_one_form(graph, users):
    coordinator = users["coordinator"]
    job = import_service.create_job(coordinator, "messe.csv", csv_bytes(ROWS), "organisations", "test")
    job = import_service.analyse(job.id)
    report = json.loads(job.report)
    assert (report["failed_rows"], report["records"], report["merged_rows"]) == (0, 3, 1), report
    job = import_service.execute(job.id)
    assert job.status == "done", job.error

    stored = {o["name"]: org_service.get(coordinator, o["id"])["website"]
              for o in org_service.list_page(coordinator, {}, page_size=100).items}
    assert stored == {
        "Wübbels Spedition": "https://www.wübbels.nl",
        "Hölscher Logistik": "https://www.hölscher.de/kontakt",
        "Messe München": "https://münchen.de",
    }


def test_the_form_and_api_path_store_the_unicode_form(graph, users):
    made = org_service.create(users["coordinator"], {"name": "Hölscher", "kind": "company",
                                                      "website": "https://www.xn--hlscher-90a.de"}, via="test")
    assert org_service.get(users["coordinator"], made["id"])["website"] == "https://www.hölscher.de"
