"""Access request and erasure of one person (AVG / GDPR articles 15 and 17).

``access_report`` gathers everything held about a person: their properties, employment
history, links, consent records, registrations, the emails sent to them and the audit
entries about them; ``report_html`` renders it as a readable page. ``erase`` anonymises the
person everywhere (the graph with their registrations, the outbox, the audit entries and
the stored import files) in a way that cannot be undone, keeping the counts of past
activities, and audits that it happened without repeating any personal data. Both are for administrators only (Permission.PRIVACY)."""

from __future__ import annotations

import html
import json
from datetime import date, datetime, timezone
from typing import Any

from lo_network.domain import people as people_domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services.accounts import Actor
from lo_network.sqlstore import audit, outbox
from lo_network.sqlstore import privacy as privacy_store
from lo_network.sqlstore.models import AuditEntry
from lo_network.store import consent as consent_store
from lo_network.store import driver
from lo_network.store import links as link_store
from lo_network.store import people as people_store
from lo_network.store import privacy as store

ERASED_NAME = "(geanonimiseerd)"
REDACTED = "[verwijderd]"
# fields of a person, an employment, a link or a consent that hold personal data
PERSONAL_KEYS = frozenset({
    "first_name", "last_name", "name", "email", "email_key", "phone", "other_name", "person_name", "job_title", "notes", "tags",
    "consent_source", "source", "note", "role", "name_key", "search_key", "dedupe_name",
})


# ---------------------------------------------------------------- access request
def _entry(e: AuditEntry) -> dict:
    return {"id": e.id, "at": e.at.isoformat(), "actor": e.actor, "via": e.via, "action": e.action,
            "entity": e.entity, "entity_id": e.entity_id,
            "before": json.loads(e.before) if e.before else None, "after": json.loads(e.after) if e.after else None}


def _email(row) -> dict:
    return {"id": row.id, "created_at": row.created_at.isoformat(), "kind": row.kind, "to": row.to_address,
            "subject": row.subject, "status": row.status,
            "sent_at": row.sent_at.isoformat() if row.sent_at else None, "activity_id": row.activity_id,
            "registration_id": row.registration_id, "calendar": row.ics_method or None, "body": row.body}


def _gather(person_id: str) -> dict | None:
    def work(tx):
        person = people_store.get(tx, person_id)
        if person is None:
            return None
        return (person, link_store.list_for(tx, "person", person_id), consent_store.list_for(tx, person_id),
                store.registrations(tx, person_id))

    found = driver.read(work)
    if found is None:
        return None
    person, links, consents, registrations = found
    for r in registrations:  # attended: yes, no (no-show) or not known (yet)
        r["attended"] = {"present": True, "no_show": False}.get(r.get("attendance") or "")
    employments = person.pop("employments", [])
    registration_ids = [r["id"] for r in registrations]
    emails = outbox.for_person(person.get("email") or "", registration_ids)
    public_emails = {r.get("email") for r in registrations} - {None, ""}
    entries = {e.id: e for e in audit.about_person(person_id, [w["id"] for w in employments], registration_ids,
                                                   person.get("email") or "")}
    for other in sorted(public_emails - {person.get("email")}):  # registered with another address
        entries.update({e.id: e for e in audit.about_person(person_id, (), registration_ids, other)})
    return {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "person": person, "employments": employments, "links": links, "consents": consents,
        "registrations": registrations, "emails": [_email(e) for e in emails],
        "audit": [_entry(entries[i]) for i in sorted(entries, key=lambda i: (entries[i].at, i))],
    }


SECTIONS = ("employments", "links", "consents", "registrations", "emails", "audit")


def access_report(actor: Actor, person_id: str, via: str) -> dict:
    """Everything held about one person, as plain JSON-able data; the request is audited
    (who asked, which sections, how many items; no personal data in the entry)."""
    require(actor.role, Permission.PRIVACY)
    report = _gather(person_id)
    if report is None:
        raise NotFound(person_id)
    audit.record(actor.email, via, "access_request", "privacy", person_id, None, {
        "person_id": person_id, **{k: len(report[k]) for k in SECTIONS}})
    return report


def _cell(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, (list, dict)):
        return html.escape(json.dumps(value, ensure_ascii=False))
    return html.escape(str(value))


def _table(rows: list[dict], columns: list[str]) -> str:
    if not rows:
        return "<p>Geen / none.</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(r.get(c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _registration_row(r: dict) -> dict:
    from lo_network.domain import registrations as registration_domain
    from lo_network.domain.activities import dutch_datetime

    status = registration_domain.STATUSES.get(r.get("status") or "", (r.get("status"), r.get("status")))
    attended = {"present": "ja / yes", "no_show": "nee / no"}.get(r.get("attendance") or "", "—")
    return dict(r, activity=r.get("activity_title"), date=dutch_datetime(r.get("starts_at")) if r.get("starts_at") else "",
                status=f"{status[0]} / {status[1]}", attended=attended)


def report_html(report: dict) -> str:
    """The access report as one readable, self-contained HTML page (Dutch with English)."""
    person = report["person"]
    props = "".join(f"<tr><th>{html.escape(k)}</th><td>{_cell(v)}</td></tr>" for k, v in sorted(person.items()))
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<title>Inzageverzoek / access request — {html.escape(str(person.get('name') or ''))}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:60em}}table{{border-collapse:collapse;
width:100%;margin-bottom:1.5em}}th,td{{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;
font-size:0.9em}}th{{background:#f2f2f2}}</style></head><body>
<h1>Inzageverzoek / access request</h1>
<p>Logistics Overijssel — alle gegevens over / all data held about
<strong>{html.escape(str(person.get('name') or ''))}</strong> ({html.escape(person.get('id', ''))}),
opgemaakt op / generated at {html.escape(report['generated_at'])}.</p>
<h2>Persoonsgegevens / personal data</h2><table><tbody>{props}</tbody></table>
<h2>Dienstverbanden / employment history</h2>
{_table(report['employments'], ['organisation_name', 'role', 'since', 'until'])}
<h2>Relaties / links</h2>
{_table(report['links'], ['type', 'from_id', 'to_id', 'other_name', 'since', 'until', 'source', 'note'])}
<h2>Toestemmingen / consent</h2>
{_table(report['consents'], ['purpose', 'basis', 'date', 'source', 'withdrawn'])}
<h2>Aanmeldingen voor activiteiten / registrations</h2>
{_table([_registration_row(r) for r in report.get('registrations', [])],
        ['activity', 'date', 'status', 'attended', 'name', 'email', 'organisation_name', 'remarks', 'registered_at', 'via'])}
<h2>E-mails aan deze persoon / emails sent</h2>
{_table(report.get('emails', []), ['created_at', 'kind', 'to', 'subject', 'status', 'sent_at', 'body'])}
<h2>Auditlog / audit entries</h2>
{_table(report['audit'], ['at', 'actor', 'via', 'action', 'entity', 'entity_id', 'before', 'after'])}
</body></html>
"""


# ---------------------------------------------------------------- erasure
def _personal_values(report: dict) -> set[str]:
    """The person's own texts that may stand anywhere in an audit entry."""
    person = report["person"]
    values = {person.get(k) for k in ("first_name", "last_name", "name", "email", "phone", "job_title",
                                     "notes", "consent_source")}
    values |= {c.get("source") for c in report["consents"]}
    values |= {w.get("role") for w in report["employments"]}
    for registration in report.get("registrations", []):
        values |= {registration.get(k) for k in ("name", "email", "remarks")}
    return {v for v in values if isinstance(v, str) and len(v.strip()) >= 2}


def redact(value: Any, values: set[str]) -> Any:
    """A JSON value with personal keys and the person's own texts replaced."""
    if isinstance(value, dict):
        return {k: (REDACTED if k in PERSONAL_KEYS and v not in (None, "", []) else redact(v, values))
                for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v, values) for v in value]
    if isinstance(value, str):
        for text in sorted(values, key=len, reverse=True):
            value = value.replace(text, REDACTED)
    return value


def _redact_audit(person_id: str, report: dict) -> int:
    """Blank the person's data inside the audit entries about them (SQL, one transaction).
    The entries stay: who did what when remains; what they said about the person goes."""
    values = _personal_values(report)

    def blank(entry: AuditEntry) -> bool:
        new = {}
        for side in ("before", "after"):
            text = getattr(entry, side)
            if text:
                new[side] = json.dumps(redact(json.loads(text), values), ensure_ascii=False, default=str)
        actor = redact(entry.actor, values)  # "public:<their email>" on their own registrations
        if actor == entry.actor and all(new[s] == getattr(entry, s) for s in new):
            return False
        for side, text in new.items():
            setattr(entry, side, text)
        entry.actor = actor
        return True

    return privacy_store.redact_audit_entries([e["id"] for e in report["audit"]], blank)


def erase(actor: Actor, person_id: str, via: str, confirm: str) -> dict:
    """Anonymise one person everywhere; cannot be undone.

    ``confirm`` must repeat the person's full name (the second confirmation; the CLI's
    ``--yes`` passes it). The graph keeps the node, its id, employments and links with
    their dates (counts stay right); names, email, phone, notes, tags, job title, consent
    records and free text on employments and links go; the audit entries about the person
    are redacted. The erasure's own entry holds only ids and counts."""
    require(actor.role, Permission.PRIVACY)
    report = _gather(person_id)
    if report is None:
        raise NotFound(person_id)
    if report["person"].get("erased_at"):
        raise ValidationError({"person": msg("privacy.already_erased")})
    name = str(report["person"].get("name") or "").strip()
    if (confirm or "").strip().casefold() != name.casefold():
        raise ValidationError({"confirm": msg("privacy.confirm_name")})
    props = people_domain.validate({"last_name": ERASED_NAME})
    props.update(dedupe_name="", search_key="", name_key="~")  # no duplicate, found by no search
    graph = driver.write(store.erase_person, person_id, props)
    if graph is None:
        raise NotFound(person_id)
    redacted = _redact_audit(person_id, report)
    registration_ids = sorted(set(graph.pop("registration_ids")) | {r["id"] for r in report["registrations"]})
    addresses = {report["person"].get("email")} | {r.get("email") for r in report["registrations"]}
    emails = outbox.erase_for(sorted(a for a in addresses if a), registration_ids)  # queued ones cancelled
    import_files = _scrub_import_files(report)
    audit.record(actor.email, via, "erase", "privacy", person_id, None, {
        "person_id": person_id, "employments_kept": len(report["employments"]), "links_kept": len(report["links"]),
        "consents_removed": graph["consents"], "registrations_kept": graph["registrations"],
        "emails_erased": emails.emails, "emails_cancelled": emails.cancelled,
        "import_files_scrubbed": import_files, "audit_entries_redacted": redacted})
    return {"person_id": person_id, "audit_entries_redacted": redacted, "emails": emails.emails,
            "emails_cancelled": emails.cancelled,
            "import_files": import_files, **graph}


def _scrub_import_files(report: dict) -> int:
    """The person's texts in the stored copies of imported files (and their error files)
    are replaced (services.privacy_files.scrub_files); how many files changed."""
    from lo_network.services import privacy_files

    person = report["person"]
    identifying = {person.get(k) or "" for k in ("email", "phone", "name")}
    identifying |= {r.get("email") or "" for r in report.get("registrations", [])}
    return privacy_files.scrub_files(identifying, _personal_values(report),
                                     (person.get("first_name") or "", person.get("last_name") or ""))


# ---------------------------------------------------------------- retention
def retention_candidates(actor: Actor, *, years: int | None = None, today: date | None = None,
                         limit: int = 500) -> list[dict]:
    """People to review for erasure: no change for ``years`` (LO_RETENTION_YEARS), no basis
    for any purpose, no employment or person link lasting into that period. Oldest first."""
    from lo_network import settings

    require(actor.role, Permission.PRIVACY)
    years = settings.get().retention_years if years is None else years
    if years < 1:
        raise ValidationError({"years": msg("privacy.years.at_least_one")})
    today = today or date.today()
    try:
        cutoff_day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff_day = today.replace(year=today.year - years, day=28)
    cutoff = datetime.combine(cutoff_day, datetime.min.time(), tzinfo=timezone.utc).isoformat()
    return driver.read(store.retention, cutoff, cutoff_day.isoformat(), today.isoformat(), max(1, min(limit, 5000)))


def erase_many(actor: Actor, person_ids: list[str], via: str, *, years: int | None = None,
               today: date | None = None) -> list[str]:
    """Bulk erasure from the retention list: only ids that are on it right now are erased
    (each as ``erase`` does, each audited); returns the ids erased."""
    require(actor.role, Permission.PRIVACY)
    listed = {c["id"]: c["name"] for c in retention_candidates(actor, years=years, today=today, limit=5000)}
    done = []
    for person_id in person_ids:
        if person_id in listed:
            erase(actor, person_id, via, confirm=listed[person_id] or "")
            done.append(person_id)
    return done
