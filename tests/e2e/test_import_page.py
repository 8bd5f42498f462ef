"""/importeren in the browser: a coordinator uploads a small file with one bad row, sees the
dry run name the row and the field, imports the good rows, downloads the failed row and
finds the records; the page shows the job again after a reload. Over the websocket the
page's events change data for a coordinator and are refused to the steering group."""

from __future__ import annotations

import json
import time
import uuid

import pytest
from playwright.sync_api import Page, expect

from lo_network.domain import imports as domain
from tests.e2e.reflex_socket import ReflexTab
from tests.e2e.ui import log_in, open_new_import

pytestmark = pytest.mark.e2e

REFUSAL = "U heeft geen rechten voor deze actie."


def leads(tag: str) -> str:
    return (
        "Bedrijfsnaam;KvK-nummer;Plaats;Website\r\n"
        f"Import {tag} Transport BV;{70_000_000 + int(tag[:4], 16) % 1_000_000};Hengelo;import-{tag}.nl\r\n"
        f"Import {tag} Slecht BV;123;Almelo;\r\n"
        f"Import {tag} Koeltechniek;;Zwolle;\r\n"
    )


def test_coordinator_uploads_checks_imports_and_downloads_the_failed_row(page: Page, app, admin, tmp_path):
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:8]
    path = tmp_path / f"beurs-{tag}.csv"
    path.write_bytes(leads(tag).encode("cp1252"))

    log_in(page, app.accounts["coordinator"])
    page.locator("#nav-menu-manage").click()
    expect(page.locator("#nav-audit")).to_have_count(0)  # the menu holds only what is theirs
    page.locator("#nav-importeren").click()
    open_new_import(page, go=False)
    page.locator("#import-upload input[type=file]").set_input_files(str(path))
    page.locator("#import-upload-button").click()

    expect(page.locator("#import-filename")).to_have_text(path.name)
    expect(page.locator("#import-mapping")).to_contain_text("KvK-nummer")
    page.locator("#import-check").click()

    expect(page.locator("#import-count-create")).to_have_text("2")
    expect(page.locator("#import-count-failed")).to_have_text("1")
    error = page.locator(".import-error")
    expect(error).to_have_count(1)
    expect(error).to_contain_text("3")           # the line in the file
    expect(error).to_contain_text("KvK-nummer")  # the column
    expect(error).to_contain_text("KvK-nummer moet uit 8 cijfers bestaan")
    assert organisations.list_page(admin, {"text": f"import {tag}"}).total == 0  # a dry run writes nothing

    page.reload()  # the job survives a reload
    expect(page.locator("#import-count-create")).to_have_text("2")
    page.locator("#import-run").click()
    expect(page.locator("#import-done")).to_be_visible()
    expect(page.locator("#import-status")).to_have_text("Klaar")

    with page.expect_download() as caught:
        page.locator("#import-download-failed").click()
    download = caught.value
    assert download.suggested_filename == f"beurs-{tag}-fouten.csv"
    table = domain.read_table(open(download.path(), "rb").read(), download.suggested_filename)
    assert [values[0] for _, values in table.rows] == [f"Import {tag} Slecht BV"]

    page.goto(f"/organisaties?q=import+{tag}")
    expect(page.locator("#org-table .org-link")).to_have_count(2)
    expect(page.locator("#org-table")).to_contain_text(f"Import {tag} Koeltechniek")


def test_the_list_page_exports_what_is_on_screen(page: Page, app, admin):
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:8]
    for city in ("Oldenzaal", "Kampen"):
        organisations.create(admin, {"name": f"Export {tag} {city}", "kind": "company", "city": city}, via="e2e")
    log_in(page, app.accounts["steering"])
    page.goto(f"/organisaties?q=export+{tag}+old")
    expect(page.locator("#org-table .org-link")).to_have_count(1)
    with page.expect_download() as caught:
        page.locator("#org-export-csv").click()
    table = domain.read_table(open(caught.value.path(), "rb").read(), caught.value.suggested_filename)
    assert [values[0] for _, values in table.rows] == [f"Export {tag} Oldenzaal"]

    from lo_network.services import people

    people.create(admin, {"first_name": "Export", "last_name": f"Persoon {tag}", "email": f"export-{tag}@example.nl",
                          "consent_basis": "consent", "consent_date": "01-01-2025"},  # shown to steering
                  via="e2e")
    page.goto(f"/personen?q=persoon+{tag}")
    expect(page.locator("body")).to_contain_text(f"Persoon {tag}")
    with page.expect_download() as caught:
        page.locator("#person-export-xlsx").click()
    assert caught.value.suggested_filename.endswith(".xlsx")
    table = domain.read_table(open(caught.value.path(), "rb").read(), caught.value.suggested_filename)
    assert [values[:3] for _, values in table.rows] == [["Export", f"Persoon {tag}", f"export-{tag}@example.nl"]]


def test_a_long_import_shows_progress_and_survives_a_reload(page: Page, app, admin, tmp_path):
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:8]
    path = tmp_path / f"groot-{tag}.csv"
    rows = ["Naam;Plaats"] + [f"Groot {tag} {i:05d} BV;Zwolle" for i in range(4000)]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    log_in(page, app.accounts["admin"])
    open_new_import(page)
    page.locator("#import-upload input[type=file]").set_input_files(str(path))
    page.locator("#import-upload-button").click()
    page.locator("#import-check").click()
    expect(page.locator("#import-count-create")).to_have_text("4000", timeout=60_000)
    page.locator("#import-run").click()
    expect(page.locator("#import-progress")).to_be_visible()
    page.reload()  # the running job is found again; the page follows it to the end
    expect(page.locator("#import-filename")).to_have_text(path.name)
    expect(page.locator("#import-done")).to_be_visible(timeout=120_000)
    assert organisations.list_page(admin, {"text": f"groot {tag}"}).total == 4000


# ---------------------------------------------------------------- over the websocket
def prepared_job(app, tag: str):
    """A file uploaded by the coordinator, as the upload handler keeps it."""
    from lo_network.services import accounts
    from lo_network.services import imports

    account = app.accounts["coordinator"]
    actor = accounts.Actor.of(accounts.authenticate(account.email, account.password))
    return actor, imports.create_job(actor, f"{tag}.csv", leads(tag).encode(), "organisations", "e2e")


def wait_for(job_id: int, statuses: tuple[str, ...], seconds: float = 60):
    from lo_network.services import imports

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = imports._load(job_id)
        if job.status in statuses:
            return job
        time.sleep(0.3)
    raise AssertionError(f"job {job_id} did not reach {statuses}: {imports._load(job_id).status}")


def import_events():
    from lo_network.states.imports import ImportState

    return {name: f"{ImportState.get_full_name()}.{name}" for name in ImportState.event_handlers}


def test_steering_is_refused_every_event_of_the_import_page(app, admin, cookie):
    from lo_network.domain.permissions import Permission
    from lo_network.services import imports, organisations
    from lo_network.states.imports import ImportState

    tag = uuid.uuid4().hex[:8]
    _, job = prepared_job(app, tag)
    guarded = [name for name, handler in ImportState.event_handlers.items()
               if name in vars(ImportState) and getattr(handler.fn, "lo_permission", None) == Permission.EDIT_NETWORK]
    assert {"load", "upload", "check_file", "import_rows", "download_failed", "new_import"} <= set(guarded)
    payloads = {"upload": {"files": []}}
    with ReflexTab(app.base_url, cookie("steering"), "/importeren", {"job": str(job.id)}) as tab:
        for name in guarded:
            answer = json.dumps(tab.send(import_events()[name], payloads.get(name, {})), ensure_ascii=False)
            # refused by the guard without a toast (the page shows steering its no-access banner):
            # the guard's empty answer, not the handler's work
            assert REFUSAL not in answer and "(() => null)" in answer, f"{name}: {answer[-800:]}"
        # the poll a steering user may send shows no job: the refused load left none on the page
        answer = json.dumps(tab.send(import_events()["refresh"], {}), ensure_ascii=False)
        assert tag not in answer and '"job_id_rx_state_": %d' % job.id not in answer
    time.sleep(1)
    assert imports._load(job.id).status == "uploaded"
    assert organisations.list_page(admin, {"text": f"import {tag}"}).total == 0


def test_the_same_events_import_for_a_coordinator(app, admin, cookie):
    from lo_network.services import organisations

    tag = uuid.uuid4().hex[:8]
    _, job = prepared_job(app, tag)
    with ReflexTab(app.base_url, cookie("coordinator"), "/importeren", {"job": str(job.id)}) as tab:
        answer = json.dumps(tab.send(import_events()["check_file"], {}), ensure_ascii=False)
        assert REFUSAL not in answer
        assert json.loads(wait_for(job.id, ("ready",)).report)["create"] == 2
        tab.send(import_events()["import_rows"], {})
        wait_for(job.id, ("done",))
    assert organisations.list_page(admin, {"text": f"import {tag}"}).total == 2
