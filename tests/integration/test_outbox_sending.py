"""The outbox sent through a real SMTP server on loopback (aiosmtpd): every row's outcome is
committed as it goes, a row the server refuses (or that has no valid address) is marked
failed with the reason and skipped, no row goes out twice (not with a second run, not with
two runs at once), and an erasure cancels the person's queued emails."""

from __future__ import annotations

import json
import threading
import time

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from lo_network import settings
from lo_network.cli import main
from lo_network.services import outbox
from lo_network.services import privacy
from lo_network.sqlstore import outbox as outbox_rows
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import AuditEntry, OutboxEmail
from tests.conftest import free_port
from tests.integration.test_activities import clean, emails  # noqa: F401  (fixture)
from tests.integration.test_privacy_reach import world  # noqa: F401  (fixture)
from tests.integration.test_registration_mail import Inbox

REFUSED = "weg@x.example"
BUSY_ONCE = "later@x.example"  # 451 the first time, taken the next


class RefusingInbox(Inbox):
    """Takes every recipient but one (550, as for a mailbox that does not exist) and one the
    second time only (451); each message takes a moment, so two runs at once overlap."""

    def __init__(self):
        super().__init__()
        self.busy = {BUSY_ONCE}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == REFUSED:
            return "550 5.1.1 Mailbox unavailable"
        if address in self.busy:
            self.busy.discard(address)
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        time.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def mail_server(monkeypatch):
    """A loopback SMTP server; LO_SMTP_HOST is unset until the test calls ``use()``."""
    inbox = RefusingInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.delenv("LO_SMTP_HOST", raising=False)
    settings.reset()

    def use():
        monkeypatch.setenv("LO_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("LO_SMTP_PORT", str(controller.port))
        monkeypatch.setenv("LO_SMTP_STARTTLS", "false")
        monkeypatch.setenv("LO_SMTP_FROM", "activiteiten@lo.example")
        settings.reset()

    inbox.use = use
    try:
        yield inbox
    finally:
        controller.stop()
        monkeypatch.undo()
        settings.reset()


def queued(*addresses: str) -> list[int]:
    return [outbox.queue(to=a, subject=f"Bevestiging {n}", body="Tot dan!", kind="confirmation",
                         activity_id="act-1").id for n, a in enumerate(addresses)]


def by_id() -> dict[int, OutboxEmail]:
    return {e.id: e for e in emails()}


def test_send_outbox_marks_each_row_skips_one_it_cannot_send_and_sends_nothing_twice(clean, users, mail_server, capsys):  # noqa: F811
    ids = queued("een@x.example", "twee@x.example", REFUSED, "", BUSY_ONCE, "drie@x.example")
    assert {e.status for e in emails()} == {"queued"}
    mail_server.use()

    assert main(["send-outbox"]) == 1  # something could not be sent
    out = capsys.readouterr()
    assert "3 email(s) sent, 2 failed, 1 left queued" in out.out
    assert f"email {ids[2]} niet verzonden / not sent: ontvanger geweigerd / recipient refused: 550" in out.err
    assert f"email {ids[3]} niet verzonden / not sent: ongeldig adres / invalid address ''" in out.err
    assert f"email {ids[4]} blijft in de wachtrij / stays queued: ontvanger geweigerd / recipient refused: 451" in out.err
    rows = by_id()
    assert [rows[i].status for i in ids] == ["sent", "sent", "failed", "failed", "queued", "sent"]
    assert all(rows[i].sent_at for i in (ids[0], ids[1], ids[5]))
    assert "550 5.1.1 Mailbox unavailable" in rows[ids[2]].error and rows[ids[3]].error.startswith("ongeldig adres")
    assert "451 4.3.0" in rows[ids[4]].error
    assert sorted(m["To"] for m in mail_server.wait_for(3)) == ["drie@x.example", "een@x.example", "twee@x.example"]

    # the next run sends the deferred one only: failed rows are not tried again, sent ones not sent again
    assert main(["send-outbox"]) == 0
    assert "1 email(s) sent, 0 failed, 0 left queued" in capsys.readouterr().out
    assert main(["send-outbox"]) == 0
    assert "0 email(s) sent, 0 failed" in capsys.readouterr().out
    time.sleep(0.2)
    assert sorted(m["To"] for m in mail_server.messages) == [
        "drie@x.example", "een@x.example", BUSY_ONCE, "twee@x.example"]
    assert by_id()[ids[4]].status == "sent"


def test_a_refused_email_sent_at_once_is_failed_with_the_reason(clean, users, mail_server):  # noqa: F811
    mail_server.use()
    row = outbox.queue(to=REFUSED, subject="Bevestiging", body="Tot dan!", kind="confirmation", activity_id="act-1")
    assert row.status == "failed" and "550" in row.error
    assert outbox.send_queued().sent == 0


def test_two_runs_at_once_send_every_email_once(clean, users, mail_server):  # noqa: F811
    ids = queued(*(f"p{n}@x.example" for n in range(24)))
    mail_server.use()
    reports = []
    runs = [threading.Thread(target=lambda: reports.append(outbox.send_queued())) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    assert sum(r.sent for r in reports) == 24 and not any(r.failed for r in reports)
    messages = mail_server.wait_for(24)
    time.sleep(0.2)
    assert len(mail_server.messages) == 24 and len({m["To"] for m in messages}) == 24
    assert {by_id()[i].status for i in ids} == {"sent"}


def test_an_erasure_cancels_the_persons_queued_emails(clean, world, users, mail_server):  # noqa: F811
    anna, bert = world["anna"], world["bert"]
    before = emails()
    hers = [e.id for e in before if e.to_address.lower() == anna["email"].lower()]
    his = [e.id for e in before if e.to_address == bert["email"]]
    assert hers and his and {e.status for e in before} == {"queued"}

    result = privacy.erase(users["admin"], anna["id"], via="test", confirm=anna["name"])
    assert result["emails_cancelled"] == len(hers)
    rows = by_id()
    for i in hers:
        row = rows[i]
        assert (row.status, row.to_address, row.body, row.ics) == ("cancelled", "", outbox_rows.ERASED_BODY, "")
        assert row.error == outbox_rows.CANCELLED_BY_ERASURE
    with sql.session() as db:
        [entry] = db.exec(select(AuditEntry).where(AuditEntry.action == "erase", AuditEntry.entity_id == anna["id"]))
    assert json.loads(entry.after)["emails_cancelled"] == len(hers)

    mail_server.use()
    report = outbox.send_queued()
    assert (report.sent, report.failed) == (len(his), [])
    assert {m["To"] for m in mail_server.wait_for(len(his))} == {bert["email"]}
    assert [by_id()[i].status for i in hers] == ["cancelled"] * len(hers)
