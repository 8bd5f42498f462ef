"""The upload doors of the running app (Reflex's ``/_upload`` behind the import page, and
``/api/v1/imports``) refuse a stranger, a user without the right and a body over
LO_IMPORT_MAX_BYTES before the body is read: the answer comes while the client has sent
only a few bytes of what it announced. A large allowed file is read off the event loop:
the app answers /ping meanwhile. A job stored before the limits, a hundred thousand
columns wide, reaches the page only as a bounded preview."""

from __future__ import annotations

import http.client
import json
import select
import threading
import time
import uuid
from urllib.parse import urlsplit

import httpx
import pytest

from lo_network import settings
from tests.e2e.reflex_socket import ReflexTab

pytestmark = pytest.mark.e2e

ANNOUNCED = 300 * 1024 * 1024  # what the client claims to send


def upload_handler() -> str:
    from lo_network.states.imports import ImportState

    return f"{ImportState.get_full_name()}.upload"


def upload_headers(session: dict[str, str] | None = None, token: str = "") -> dict[str, str]:
    headers = {"Reflex-Client-Token": token or str(uuid.uuid4()), "Reflex-Event-Handler": upload_handler(),
               "Content-Type": "multipart/form-data; boundary=xyz"}
    if session:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in session.items())
    return headers


def connect(app) -> http.client.HTTPConnection:
    address = urlsplit(app.base_url)
    return http.client.HTTPConnection(address.hostname, address.port, timeout=30)


def announce(app, path: str, headers: dict[str, str], length: int = ANNOUNCED) -> tuple[int, dict, int]:
    """POST announcing ``length`` bytes, send 64 kB of them, then read the answer:
    (status, JSON body, bytes sent)."""
    conn = connect(app)
    try:
        conn.putrequest("POST", path)
        for name, value in {**headers, "Content-Length": str(length)}.items():
            conn.putheader(name, value)
        conn.endheaders()
        sent = 64 * 1024
        conn.send(b"--xyz\r\n" + b"x" * (sent - 7))
        answer = conn.getresponse()
        return answer.status, json.loads(answer.read() or b"{}"), sent
    finally:
        conn.close()


def stream_chunked(app, path: str, headers: dict[str, str], most: int) -> tuple[int, dict, int]:
    """POST a chunked body (no Content-Length) of up to ``most`` bytes, stopping as soon as
    the app answers: (status, JSON body, bytes sent)."""
    conn = connect(app)
    chunk = b"x" * (1024 * 1024)
    sent = 0
    try:
        conn.putrequest("POST", path)
        for name, value in {**headers, "Transfer-Encoding": "chunked"}.items():
            conn.putheader(name, value)
        conn.endheaders()
        part = (b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="groot.csv"\r\n'
                b"Content-Type: text/csv\r\n\r\nNaam\r\n")
        conn.send(b"%x\r\n%s\r\n" % (len(part), part))
        while sent < most:
            if select.select([conn.sock], [], [], 0)[0]:
                break  # the answer is there
            try:
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        answer = conn.getresponse()
        return answer.status, json.loads(answer.read() or b"{}"), sent
    finally:
        conn.close()


def test_upload_without_login_is_refused_before_the_body_is_read(app):
    status, body, sent = announce(app, "/_upload", upload_headers())
    assert status == 401 and sent < ANNOUNCED, body
    status, body, _ = announce(app, "/api/v1/imports", {"Content-Type": "multipart/form-data; boundary=xyz"})
    assert status == 401, body
    status, body, _ = announce(app, "/api/v1/imports", {"Authorization": "Bearer lo_not-a-token",
                                                        "Content-Type": "multipart/form-data; boundary=xyz"})
    assert status == 401, body


def test_upload_by_a_user_without_the_import_right_is_refused(app, cookie):
    status, body, _ = announce(app, "/_upload", upload_headers(cookie("steering")))
    assert status == 403, body
    # an upload to a handler that declares no permission is refused to everyone
    headers = dict(upload_headers(cookie("admin")), **{"Reflex-Event-Handler": "reflex___state____state.set_is_hydrated"})
    status, body, _ = announce(app, "/_upload", headers)
    assert status == 403, body


def test_an_upload_over_the_size_limit_is_refused_unread(app, cookie):
    limit = settings.get().import_max_bytes
    coordinator = cookie("coordinator")
    status, body, sent = announce(app, "/_upload", upload_headers(coordinator), length=limit + 1024 * 1024)
    assert status == 413 and sent < limit, body
    assert body["errors"]["file"].startswith("bestand te groot (max. ")
    # without a Content-Length the body is counted as it streams and refused past the limit
    status, body, sent = stream_chunked(app, "/_upload", upload_headers(coordinator), most=limit + 16 * 1024 * 1024)
    assert status == 413, body
    assert "file too large" in body["errors"]["file"]


def test_the_app_answers_while_a_large_file_is_read(app, cookie):
    """A 150,000-row file takes seconds to read; /ping is answered all that time (the file is
    read in a worker thread, not on the event loop every user shares)."""
    from lo_network.services import imports

    tag = uuid.uuid4().hex[:8]
    rows = ["Naam;KvK;Plaats;Website;Adres;Postcode;Notities"] + [
        f"Groot {tag} {i} BV;{10_000_000 + i};Zwolle;b{i}.nl;Straat {i};1234 AB;over bedrijf {i}" for i in range(150_000)]
    data = ("\r\n".join(rows) + "\r\n").encode()
    session = cookie("coordinator")
    with ReflexTab(app.base_url, session, "/importeren") as tab:
        headers = {k: v for k, v in upload_headers(session, tab.token).items() if k != "Content-Type"}
        answer: dict = {}

        def upload() -> None:
            started = time.monotonic()
            answer["response"] = httpx.post(f"{app.base_url}/_upload", headers=headers, timeout=120,
                                            files={"files": (f"groot-{tag}.csv", data, "text/csv")})
            answer["seconds"] = time.monotonic() - started

        worker = threading.Thread(target=upload)
        worker.start()
        latencies = []
        with httpx.Client(base_url=app.base_url, timeout=60) as client:
            while worker.is_alive():
                sent = time.monotonic()
                assert client.get("/ping").status_code == 200
                latencies.append(time.monotonic() - sent)
                time.sleep(0.05)
        worker.join()
    assert answer["response"].status_code == 200, answer["response"].text
    from lo_network.services import accounts

    account = app.accounts["coordinator"]
    job = imports.latest_job(accounts.Actor.of(accounts.authenticate(account.email, account.password)))
    assert job.filename == f"groot-{tag}.csv" and job.total_rows == 150_000
    # the loop was free: no ping waited for the read (a blocked loop holds a ping for most
    # of the upload); loose, relative to how long the upload took
    assert len(latencies) >= 3, latencies
    assert max(latencies) < answer["seconds"] / 2, (max(latencies), answer["seconds"])


def test_a_job_stored_wider_than_the_limit_reaches_the_page_as_a_bounded_preview(app, cookie):
    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import ImportJob
    from lo_network.states.imports import ImportState

    most = settings.get().import_max_columns
    columns = [f"kolom {i} " + "x" * 300 for i in range(100_000)]
    with sql.session() as db:
        job = ImportJob(actor=app.accounts["coordinator"].email, via="ui", kind="organisations",
                        filename="breed.csv", path="imports/breed.csv", columns=json.dumps(columns),
                        mapping=json.dumps({c: "" for c in columns}), total_rows=1)
        db.add(job)
        db.commit()
        db.refresh(job)
    try:
        with ReflexTab(app.base_url, cookie("coordinator"), "/importeren") as tab:  # the newest job is reopened
            tab.send(f"{ImportState.get_full_name()}.refresh", {})
            updates = list(tab.updates)
    finally:
        with sql.session() as db:  # not the coordinator's newest job for the tests that follow
            db.delete(db.get(ImportJob, job.id))
            db.commit()
    sent = json.dumps(updates, ensure_ascii=False)
    shown: dict = {}
    for update in updates:
        shown |= update.get("delta", {}).get(ImportState.get_full_name(), {})
    shown = {k.removesuffix("_rx_state_"): v for k, v in shown.items()}
    assert shown["job_id"] == job.id
    assert 0 < len(shown["mapping_rows"]) <= most
    assert all(len(row["column"]) <= 200 for row in shown["mapping_rows"])
    assert shown["status"] == "failed" and "te veel kolommen: 100000" in shown["job_error"]
    assert len(sent) < 500_000, len(sent)  # the stored columns alone are 30 MB


def test_the_page_says_which_file_was_refused_and_why(page, app, tmp_path):
    """A binary file named .csv, chosen on the import page: a message naming the file and
    the problem, and no job."""
    from playwright.sync_api import expect

    from tests.e2e.ui import log_in, open_new_import

    path = tmp_path / f"foto-{uuid.uuid4().hex[:6]}.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 1000)
    log_in(page, app.accounts["coordinator"])
    open_new_import(page)
    page.locator("#import-upload input[type=file]").set_input_files(str(path))
    page.locator("#import-upload-button").click()
    expect(page.locator("[data-sonner-toast]")).to_contain_text(f"{path.name}: binair bestand (bevat NUL-bytes)")
    from sqlmodel import select

    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import ImportJob

    with sql.session() as db:
        assert db.exec(select(ImportJob).where(ImportJob.filename == path.name)).first() is None
