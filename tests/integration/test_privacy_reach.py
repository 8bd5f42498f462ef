"""Privacy gaps: the erasure reaches registrations, the outbox, audit entries by
the public and stored import files while the counts per activity stay; the access request
holds registrations and emails. Real embedded graph over Bolt and real SQLite."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from lo_network import settings
from lo_network.services import activities, consent, imports, organisations, people, privacy, registrations
from lo_network.services.accounts import CLI_ACTOR
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import AuditEntry, ImportJob, OutboxEmail

TZ = ZoneInfo("Europe/Amsterdam")


def local(days: int, hour: int = 9) -> str:
    when = (datetime.now(TZ) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return when.strftime("%d-%m-%Y %H:%M")


def make_activity(actor, title: str, **overrides) -> dict:
    raw = {"title": title, "kind": "logistics_day", "starts_at": local(10), "ends_at": local(10, 17),
           "location": "Hengelo", "visibility": "public", "capacity": "1"}
    return activities.create(actor, raw | overrides, via="test")


def outbox_rows() -> list[OutboxEmail]:
    with sql.session() as db:
        return list(db.exec(select(OutboxEmail).order_by(OutboxEmail.id)))


@pytest.fixture
def world(graph, users):
    """Anna (to be erased) and Bert (stays), both with a basis, at one organisation; an
    activity with one seat: Anna registered by an organiser and present, Bert waiting; a
    second, public activity Anna registered for herself, with another spelling of her name."""
    admin, organiser = users["admin"], users["organiser"]
    tag = uuid.uuid4().hex[:6]
    org = organisations.create(admin, {"name": f"Bereik {tag} BV", "kind": "company"}, via="test")
    anna = people.create(admin, {"first_name": "Anna", "last_name": f"Wis{tag}", "email": f"anna.{tag}@bereik.example",
                                 "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"},
                         via="test", employment={"organisation_id": org["id"], "role": "Planner"})
    bert = people.create(admin, {"first_name": "Bert", "last_name": f"Blijf{tag}", "email": f"bert.{tag}@bereik.example",
                                 "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"},
                         via="test", employment={"organisation_id": org["id"], "role": "Planner"})
    day = make_activity(organiser, f"Logistiekdag {tag}")
    outcomes = registrations.register_people(organiser, day["id"], [anna["id"], bert["id"]], via="test")
    assert [o.outcome for o in outcomes] == ["registered", "waitlisted"]
    registrations.check_in(organiser, day["id"], outcomes[0].registration["id"], True, via="test")
    cafe = make_activity(organiser, f"Logistiekcafé {tag}", capacity="")
    own = registrations.register_public(cafe["id"], {"name": f"A. Wis{tag}", "email": anna["email"].upper(),
                                                     "organisation_name": org["name"], "consent": True,
                                                     "remarks": f"vegetarisch {tag}"})
    return {"tag": tag, "org": org, "anna": anna, "bert": bert, "day": day, "cafe": cafe,
            "anna_day": outcomes[0].registration["id"], "bert_day": outcomes[1].registration["id"],
            "anna_cafe": own.registration["id"]}


def test_the_access_request_holds_registrations_emails_and_consent(world, users):
    anna = world["anna"]
    consent.add(users["coordinator"], anna["id"], {"purpose": "invitations", "basis": "consent",
                                                   "date": "01-02-2024", "source": "beurs"}, via="test")
    report = privacy.access_report(users["admin"], anna["id"], via="test")
    by_id = {r["id"]: r for r in report["registrations"]}
    assert set(by_id) == {world["anna_day"], world["anna_cafe"]}  # linked, and by her email
    day = by_id[world["anna_day"]]
    assert (day["activity_title"], day["status"], day["attendance"], day["attended"]) == (
        world["day"]["title"], "registered", "present", True)
    assert day["starts_at"].startswith(world["day"]["starts_at"][:10])
    cafe = by_id[world["anna_cafe"]]
    assert (cafe["activity_title"], cafe["status"], cafe["attended"]) == (world["cafe"]["title"], "registered", None)
    kinds = sorted(e["kind"] for e in report["emails"])
    assert kinds == ["confirmation", "confirmation"]
    assert {e["registration_id"] for e in report["emails"]} == {world["anna_day"], world["anna_cafe"]}
    assert all(world["bert"]["email"] != e["to"] for e in report["emails"])
    assert [c["purpose"] for c in report["consents"]] == ["invitations"]
    audited = {(e["entity"], e["action"]) for e in report["audit"]}
    assert {("registration", "register"), ("registration", "check_in")} <= audited
    json.dumps(report)
    page = privacy.report_html(report)
    for text in (world["day"]["title"], world["cafe"]["title"], "ja / yes", "Aanmelding bevestigd", "invitations",
                 f"vegetarisch {world['tag']}"):
        assert text in page, text
    [asked] = [e for e in _entries() if e.entity == "privacy" and e.action == "access_request"
               and e.entity_id == anna["id"]]
    assert json.loads(asked.after)["registrations"] == 2 and json.loads(asked.after)["emails"] == 2


def _entries() -> list[AuditEntry]:
    with sql.session() as db:
        return list(db.exec(select(AuditEntry)))


def _import_people_file(rows: list[dict]) -> ImportJob:
    header = "Voornaam;Achternaam;E-mailadres;Organisatie\n"
    body = "".join(f"{r['first_name']};{r['last_name']};{r['email']};{r['org']}\n" for r in rows)
    job = imports.create_job(CLI_ACTOR, "mensen.csv", (header + body).encode("utf-8"), "people", "cli")
    job = imports.analyse(job.id)
    return imports.execute(job.id)


def test_erasure_reaches_registrations_outbox_audit_and_import_files_and_keeps_counts(world, users):
    admin, anna, bert, tag = users["admin"], world["anna"], world["bert"], world["tag"]
    job = _import_people_file([
        {"first_name": "Anna", "last_name": anna["last_name"], "email": anna["email"], "org": world["org"]["name"]},
        {"first_name": "Bert", "last_name": bert["last_name"], "email": bert["email"], "org": world["org"]["name"]},
    ])
    assert job.status == "done"
    stored = settings.get().data_dir / job.path
    assert anna["email"] in stored.read_text(encoding="utf-8")
    counts = {a: {k: activities.get(admin, world[a]["id"])[k] for k in ("registered", "waitlisted", "present")}
              for a in ("day", "cafe")}
    emails_before = len(outbox_rows())

    result = privacy.erase(admin, anna["id"], via="test", confirm=anna["name"])
    assert result["registrations"] == 2 and result["emails"] == 2 and result["import_files"] >= 1

    # counts per activity hold: the registrations stay with status and attendance
    assert counts == {a: {k: activities.get(admin, world[a]["id"])[k] for k in ("registered", "waitlisted", "present")}
                      for a in ("day", "cafe")}
    rows = {r["id"]: r for r in registrations.list_for_activity(admin, world["day"]["id"])}
    mine = rows[world["anna_day"]]
    assert (mine["name"], mine["email"], mine["status"], mine["attendance"]) == (
        privacy.ERASED_NAME, "", "registered", "present")
    assert rows[world["bert_day"]]["name"] == bert["name"] and rows[world["bert_day"]]["email"] == bert["email"]
    [cafe] = registrations.list_for_activity(admin, world["cafe"]["id"])
    assert (cafe["name"], cafe["email"], cafe["remarks"]) == (privacy.ERASED_NAME, "", "")
    assert registrations.participation(admin, anna["id"])[0]["id"] == world["anna_day"]  # still linked

    # the outbox keeps the rows (counts of emails) without address or text
    after = outbox_rows()
    assert len(after) == emails_before
    personal = [anna["email"], anna["last_name"], f"vegetarisch {tag}"]
    leaks = [(r.id, p) for r in after for p in personal
             if p.lower() in (r.to_address + r.subject + r.body + r.ics + r.error).lower()]
    assert leaks == []
    assert any(r.to_address == bert["email"] for r in after)  # others untouched

    # the audit log: no trace of her, not even as the public actor of her own registration
    texts = [(e.actor + e.before + e.after).lower() for e in _entries()]
    assert [p for p in personal if any(p.lower() in t for t in texts)] == []
    assert any(bert["email"] in t for t in texts)

    # the stored import file: her row scrubbed, Bert's row intact
    text = stored.read_text(encoding="utf-8")
    assert anna["email"] not in text and anna["last_name"] not in text
    assert f"Bert;{bert['last_name']};{bert['email']}" in text

    # the registration can no longer be reached by its personal link or found by her email
    assert registrations.list_for_activity(admin, world["cafe"]["id"], text=anna["email"]) == []


def test_retention_counts_registrations_as_activity(graph, users):
    from datetime import date

    admin, organiser = users["admin"], users["organiser"]
    tag = uuid.uuid4().hex[:6]
    later = activities.create(organiser, {"title": f"Toekomst {tag}", "kind": "congress", "starts_at": local(730),
                                          "ends_at": local(730, 17), "visibility": "public"}, via="test")
    soon = make_activity(organiser, f"Binnenkort {tag}", capacity="")

    def person(first: str) -> dict:
        made = people.create(admin, {"first_name": first, "last_name": f"Bewaar{tag}",
                                     "email": f"{first.lower()}{tag}@bewaar.example"}, via="test")
        cid = consent.add(admin, made["id"], {"purpose": "invitations", "basis": "consent", "date": "01-01-2024"},
                          via="test")
        return made | {"cid": cid}

    linked, by_email, old = person("Gekoppeld"), person("Mail"), person("Oud")
    registrations.register_people(organiser, later["id"], [linked["id"]], via="test")
    registrations.register_public(later["id"], {"name": "Mail", "email": by_email["email"], "consent": True})
    registrations.register_people(organiser, soon["id"], [old["id"]], via="test")
    for p in (linked, by_email, old):  # no basis left: only the registrations tell them apart
        consent.withdraw(admin, p["id"], p["cid"], via="test")
    today = date.today()
    eight_years_on = today.replace(year=today.year + 8)  # the cutoff lies a year from now
    ids = {c["id"] for c in privacy.retention_candidates(admin, years=7, today=eight_years_on)}
    assert old["id"] in ids  # registered for an activity now long past
    assert linked["id"] not in ids and by_email["id"] not in ids  # registered for one after the cutoff


def test_erasure_scrubs_an_imported_xlsx_file_and_its_error_list(graph, users):
    import io

    from openpyxl import Workbook, load_workbook

    admin, tag = users["admin"], uuid.uuid4().hex[:6]
    book = Workbook()
    sheet = book.active
    sheet.append(["Voornaam", "Achternaam", "E-mailadres", "Functie"])
    sheet.append(["Carla", f"Xls{tag}", f"carla{tag}@xls.example", "Planner"])
    sheet.append(["Dirk", f"Xls{tag}", f"dirk{tag}@xls.example", "Planner"])
    sheet.append(["Carla", f"Xls{tag}", f"carla{tag}@@fout", "Planner"])  # a failing row naming her
    buffer = io.BytesIO()
    book.save(buffer)
    job = imports.create_job(CLI_ACTOR, "mensen.xlsx", buffer.getvalue(), "people", "cli")
    imports.analyse(job.id)
    job = imports.execute(job.id)
    assert job.status == "done" and job.failed_rows == 1
    carla = next(p for p in people.list_page(admin, {"text": f"carla{tag}"}).items)
    privacy.erase(admin, carla["id"], via="test", confirm=carla["name"])
    cells = [[c.value for c in row] for row in load_workbook(settings.get().data_dir / job.path).active.iter_rows()]
    assert cells[2] == ["Dirk", f"Xls{tag}", f"dirk{tag}@xls.example", "Planner"]
    assert f"carla{tag}@xls.example" not in str(cells) and "Carla" not in str(cells)
    errors = (settings.get().data_dir / "imports" / str(job.id) / "errors.json").read_text(encoding="utf-8")
    assert f"carla{tag}" not in errors.lower()
