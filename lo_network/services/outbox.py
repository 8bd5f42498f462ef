"""Compose and send the registration emails; every email is kept in the outbox table.

With ``LO_SMTP_HOST`` set an email goes out through SMTP at once (status ``sent``; ``failed``
with the reason when the server refuses it; ``queued`` with the reason when the server cannot
be reached, for ``lo-network send-outbox`` to send later); without it, it waits in the outbox
(``queued``), shown in the UI. A queued email is sent at most once: a run claims each row
(``queued`` -> ``sending``, one row changed or none) before it sends it, and records the
outcome of each row as it goes. An erasure cancels the person's queued emails
(``sqlstore.outbox.erase_for``)."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from lo_network import settings as settings_mod
from lo_network.domain.contact import normalise_email
from lo_network.domain.text import clean, scrub
from lo_network.messages import msg, vocabulary
from lo_network.sqlstore import outbox as store
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import OutboxEmail, utcnow

KINDS: dict[str, tuple[str, str]] = vocabulary("vocab.email_kind", (
    "confirmation", "waitlist", "promotion", "change", "cancellation", "already"))
STATUSES: dict[str, tuple[str, str]] = vocabulary("vocab.email_status", (
    "queued", "sending", "sent", "failed", "cancelled"))
ERROR_LENGTH = 500


def _message(row: OutboxEmail, sender: str) -> EmailMessage:
    # Lines up to 998 characters (RFC 5322): the stdlib's folding at 78 puts an extra space
    # into subjects with accented words when they are read back.
    msg = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
    msg["From"] = sender
    msg["To"] = row.to_address
    msg["Subject"] = row.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(row.body)
    if row.ics:
        msg.add_attachment(row.ics, subtype="calendar", charset="utf-8",
                           filename="uitnodiging.ics" if row.ics_method == "REQUEST" else "afmelding.ics",
                           params={"method": row.ics_method or "REQUEST"})
    return msg


class _Undelivered(Exception):
    """This email was not delivered: ``permanent`` (refused, invalid address) or not."""

    def __init__(self, reason: str, permanent: bool):
        super().__init__(reason)
        self.reason, self.permanent = reason[:ERROR_LENGTH], permanent


def _connect() -> smtplib.SMTP:
    s = settings_mod.get()
    smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=15)
    try:
        if s.smtp_starttls:
            smtp.starttls()
        if s.smtp_user:
            smtp.login(s.smtp_user, s.smtp_password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _hang_up(smtp: smtplib.SMTP) -> None:
    """QUIT when the server still listens; what it answers changes nothing already recorded."""
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        pass
    finally:
        smtp.close()


def _lost(exc: BaseException) -> str:
    """The reason kept on an email whose connection broke while it went out: it may have
    arrived, so it is not sent again."""
    return msg("mail.undelivered.lost", detail=f"{type(exc).__name__}: {exc}")[:ERROR_LENGTH]


def _send_one(smtp: smtplib.SMTP, row: OutboxEmail) -> None:
    """Send one email; _Undelivered when the server answered that it will not take it (the
    connection stays usable). A lost connection raises as it is (delivery unknown)."""
    try:
        normalise_email(row.to_address)
        message = _message(row, settings_mod.get().smtp_from)
    except ValueError as exc:  # no address (erased), a malformed one, a header it cannot carry
        raise _Undelivered(msg("mail.undelivered.invalid_address", detail=f"{row.to_address!r}: {exc}"), True) from exc
    try:
        smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _text in exc.recipients.values()]
        raise _Undelivered(msg("mail.undelivered.recipient_refused", detail=_answers(exc.recipients)),
                           all(code >= 500 for code in codes)) from exc
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        raise _Undelivered(msg("mail.undelivered.refused", detail=f"{exc.smtp_code} {_text(exc.smtp_error)}"),
                           exc.smtp_code >= 500) from exc


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _answers(recipients: dict) -> str:
    return "; ".join(f"{code} {_text(text)}" for code, text in recipients.values())


def queue(*, to: str, subject: str, body: str, kind: str, activity_id: str, registration_id: str = "",
          ics: bytes | None = None, ics_method: str = "") -> OutboxEmail:
    """Keep the email and, with SMTP set, send it now. Never raises for a mail failure:
    the registration stands, the email shows as failed (refused) or queued (server not
    reached: send-outbox sends it later) with the reason."""
    row = prepare(to=to, subject=subject, body=body, kind=kind, activity_id=activity_id,
                  registration_id=registration_id, ics=ics, ics_method=ics_method)
    sql.save(row)
    return row


def prepare(*, to: str, subject: str, body: str, kind: str, activity_id: str, registration_id: str = "",
            ics: bytes | None = None, ics_method: str = "") -> OutboxEmail:
    """:func:`queue` without storing the row: the caller saves it (``sql.save``) in the
    transaction of what it goes with."""
    # Subject and body are made from stored records, which may hold control characters from
    # before the input was cleaned at every door: a mail (and PostgreSQL's text) takes none.
    row = OutboxEmail(to_address=to, subject=clean(subject), body=scrub(body, lines=True), kind=kind,
                      activity_id=activity_id, registration_id=registration_id,
                      ics=ics.decode("utf-8") if ics else "", ics_method=ics_method)
    if settings_mod.get().smtp_configured:
        try:
            smtp = _connect()
        except (OSError, smtplib.SMTPException) as exc:  # nothing went out: send-outbox tries again
            row.status, row.error = "queued", f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
        else:
            try:
                _send_one(smtp, row)
                row.status, row.sent_at = "sent", utcnow()
            except _Undelivered as exc:
                row.status, row.error = ("failed" if exc.permanent else "queued"), exc.reason
            except (OSError, smtplib.SMTPException) as exc:
                row.status, row.error = "failed", _lost(exc)
            finally:
                _hang_up(smtp)
    return row


@dataclass
class SendReport:
    """What one send-outbox run did."""

    sent: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)   # (row id, reason): not sendable
    deferred: list[tuple[int, str]] = field(default_factory=list)  # (row id, reason): queued again
    stopped: str = ""  # why the run stopped early (the mail server could not be reached)


def send_queued(limit: int = 200) -> SendReport:
    """Send what waits in the outbox (oldest first), each row claimed before it is sent and
    its outcome committed straight after, so no row goes out twice (not even with two runs at
    once) and a row that cannot be sent is marked failed and skipped."""
    report = SendReport()
    if not settings_mod.get().smtp_configured:
        return report
    ids = store.queued_ids(limit)
    if not ids:
        return report
    try:
        smtp = _connect()
    except (OSError, smtplib.SMTPException) as exc:
        report.stopped = f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
        return report
    try:
        for row_id in ids:
            try:
                smtp.noop()  # the server still listens: nothing is claimed on a dead connection
            except (OSError, smtplib.SMTPException) as exc:
                report.stopped = f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
                break
            if not store.move(row_id, "queued", status="sending"):
                continue  # another run has it, or it was cancelled
            row = store.get(row_id)
            try:
                _send_one(smtp, row)
            except _Undelivered as exc:
                if exc.permanent:
                    store.move(row_id, "sending", status="failed", error=exc.reason)
                    report.failed.append((row_id, exc.reason))
                else:
                    store.move(row_id, "sending", status="queued", error=exc.reason)
                    report.deferred.append((row_id, exc.reason))
                continue
            except (OSError, smtplib.SMTPException) as exc:
                # the connection broke while this email went out: it may have arrived, so it is
                # not sent again; the organisers see why
                store.move(row_id, "sending", status="failed", error=_lost(exc))
                report.failed.append((row_id, _lost(exc)))
                report.stopped = f"{type(exc).__name__}: {exc}"[:ERROR_LENGTH]
                break
            store.move(row_id, "sending", status="sent", sent_at=utcnow(), error="")
            report.sent += 1
    finally:
        _hang_up(smtp)
    return report
