"""An organisation of the network: its fields, their rules, and how it is searched."""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

import idna

from lo_network.domain import duplicates, vocab
from lo_network.domain.checks import at_most, one_of, required_text
from lo_network.domain.contact import contact_details
from lo_network.domain.dates import iso, parse_date
from lo_network.domain.errors import ValidationError
from lo_network.domain.fields import Field, names
from lo_network.domain.text import checks_text, clean, fold, multiline, search_key, tags
from lo_network.messages import msg, reason

# Every editable field of an organisation, in the order the form, the API and the exports
# show them: what each place needs of a field is derived from here (domain/fields.py).
# Adding a field is a line here, its rule in `validate` and, when it is searched or
# filtered, its query.
DECLARED = (
    Field("name", ("Naam", "Name"), required=True, listed=True, section="general", shown=False, export="Naam",
          columns=("bedrijfsnaam", "naam", "organisatie", "organisatienaam", "naam organisatie", "bedrijf", "name",
                   "company", "company name", "organisation", "organization", "organisation name",
                   "organization name", "handelsnaam", "statutaire naam")),
    Field("kind", ("Soort organisatie", "Kind of organisation"), required=True, listed=True, section="general",
          widget="select", vocabulary=vocab.KINDS, prompt="org.choose_kind", export="Soort", columns=(
              "soort", "soort organisatie", "type organisatie", "kind", "organisation kind", "organisation type",
              "organization type")),
    Field("company_type", ("Type bedrijf", "Company type"), listed=True, section="general", widget="select",
          vocabulary=vocab.COMPANY_TYPES, companies_only=True, export="Type bedrijf",
          columns=("type bedrijf", "bedrijfstype", "company type", "type")),
    Field("size_class", ("Grootteklasse", "Size class"), listed=True, section="general", widget="select",
          vocabulary=vocab.SIZE_CLASSES, empty="org.size_unknown", blank="org.size_unknown",
          companies_only=True, export="Grootteklasse",
          columns=("grootte", "grootteklasse", "bedrijfsgrootte", "size class", "size", "company size")),
    Field("kvk", ("KvK-nummer", "KvK number"), listed=True, section="general", widget="numeric", example="12345678",
          export="KvK-nummer", columns=(
              "kvk", "kvk-nummer", "kvk nummer", "kvknummer", "kvk nr", "kvk-nr", "kamer van koophandel",
              "kvk number", "coc", "coc number", "chamber of commerce", "chamber of commerce number")),
    Field("website", ("Website", "Website"), section="general", widget="url", example="www.voorbeeld.nl",
          export="Website", columns=(
              "website", "webadres", "web", "url", "site", "homepage", "internet", "www", "web address")),
    Field("email", ("Algemeen e-mailadres", "General email address"), section="general", widget="email",
          example="info@voorbeeld.nl", import_label=("E-mailadres", "Email address"), export="E-mailadres",
          description="algemeen e-mailadres / general email address", columns=(
              "e-mailadres", "e-mail", "email", "emailadres", "mail", "email address", "e-mail address",
              "algemeen e-mailadres", "algemeen emailadres", "e-mail organisatie", "general email")),
    Field("phone", ("Algemeen telefoonnummer", "General phone number"), section="general", widget="tel",
          example="038 123 45 67", import_label=("Telefoon", "Phone"), export="Telefoon",
          description="algemeen telefoonnummer / general phone number", columns=(
              "telefoon", "telefoonnummer", "tel", "tel nr", "telefoon algemeen", "algemeen telefoonnummer",
              "phone", "phone number", "telephone", "general phone")),
    Field("street", ("Straat en huisnummer", "Street and number"), section="address", max_length=200,
          import_label=("Adres (straat en nummer)", "Address (street and number)"), export="Adres", columns=(
              "adres", "straat", "straat en huisnummer", "straatnaam", "bezoekadres", "vestigingsadres", "address",
              "street", "street address")),
    Field("postcode", ("Postcode", "Postcode"), section="address", example="7411 AB", export="Postcode",
          columns=("postcode", "zip", "zipcode", "zip code", "postal code", "post code")),
    Field("city", ("Plaats", "City"), listed=True, section="address", export="Plaats", max_length=100,
          columns=("plaats", "woonplaats", "vestigingsplaats", "stad", "city", "town", "place")),
    Field("municipality", ("Gemeente", "Municipality"), section="address", export="Gemeente", max_length=100,
          columns=("gemeente", "municipality")),
    Field("region", ("Regio", "Region"), listed=True, section="address", widget="select", vocabulary=vocab.REGIONS,
          empty="org.region_auto", export="Regio", columns=("regio", "region")),
    Field("status", ("Netwerkstatus", "Network status"), required=True, default="prospect", listed=True,
          section="network", widget="select", vocabulary=vocab.STATUSES, export="Netwerkstatus",
          columns=("status", "netwerkstatus", "network status")),
    Field("status_since", ("Status sinds", "Status since"), section="network", widget="date",
          prompt="common.date_hint", hint="org.status_since_hint", shown=False, export="Status sinds",
          columns=("status sinds", "sinds", "status since", "since")),
    Field("themes", ("Thema's", "Themes"), many=True, listed=True, section="network", widget="checkboxes",
          vocabulary=vocab.THEMES, export="Thema's", columns=("thema", "themas", "thema's", "themes", "theme")),
    Field("tags", ("Tags", "Tags"), many=True, listed=True, section="network", hint="org.tags_hint",
          export="Tags", columns=("tags", "tag", "labels", "label", "trefwoorden")),
    Field("notes", ("Notities", "Notes"), section="network", widget="long", export="Notities", columns=(
        "notities", "notitie", "opmerkingen", "opmerking", "toelichting", "notes", "note", "remarks", "comments")),
)
FIELDS = names(DECLARED)

_KVK = re.compile(r"^\d{8}$")
# a host name in its ASCII (IDNA) form: labels of letters, digits and hyphens, a top-level
# domain of letters or an internationalised one ('xn--...')
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_NL_POSTCODE = re.compile(r"^([1-9]\d{3})\s?([a-zA-Z]{2})$")

SORTS = ("name", "-name", "-updated", "city")
# sorts whose next page is read after the last row seen (keyset); '-updated' pages by offset
KEYSET_SORTS = ("name", "-name", "city")


def normalise_kvk(value: object) -> str:
    return re.sub(r"[\s.\-]", "", clean(value))


def normalise_website(value: object) -> tuple[str, str | None]:
    """(website, error). 'www.Example.nl/' -> 'https://www.example.nl'."""
    text = clean(value)
    if not text:
        return "", None
    m = re.match(r"^(?:(https?)://)?([^/\s?#]+)(\S*)$", text, re.IGNORECASE)
    if not m:
        return text, msg("org.website.invalid")
    scheme = (m.group(1) or "https").lower()
    host = canonical_host(m.group(2))
    if host is None:
        return text, msg("org.website.invalid")
    rest = m.group(3).rstrip("/")
    return f"{scheme}://{host}{rest}", None


@functools.lru_cache(maxsize=65536)
def canonical_host(text: str) -> str | None:
    """A web host in the one form stored and shown: lower case, Unicode labels ('www.wübbels.nl'
    whether typed so, in capitals or as 'www.xn--wbbels-3ya.nl'); None when it is no valid host
    name. Checked by the IDNA rules (UTS #46 mapping, then IDNA 2008) of the ``idna`` package.
    Kept per host (a pure function): an import validates each row's website more than once
    (its check and its import), and the IDNA rules were a fifth of an import's time."""
    try:
        ascii_host = idna.encode(text.rstrip("."), uts46=True).decode("ascii")
        if not _DOMAIN.match(ascii_host):
            return None
        return idna.decode(ascii_host)
    except (idna.IDNAError, UnicodeError):
        return None


@checks_text
def validate(raw: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """Check and normalise an organisation's fields; raise ValidationError naming each bad field.

    Returns the properties as the graph stores them, search keys included."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}

    name = required_text(errors, "name", clean(raw.get("name")), msg("common.name.required"), most=200,
                         too_long=msg("org.name.too_long"))
    out["name"] = name

    kind = one_of(errors, "kind", clean(raw.get("kind")), vocab.KINDS, msg("org.kind.required"))
    out["kind"] = kind

    company_type = clean(raw.get("company_type"))
    if kind == "company":
        if company_type and company_type not in vocab.COMPANY_TYPES:
            errors["company_type"] = msg("org.company_type.unknown")
        out["company_type"] = company_type or "other"
    else:
        out["company_type"] = ""

    size_class = clean(raw.get("size_class"))  # companies only; empty = unknown
    if kind == "company":
        if size_class and size_class not in vocab.SIZE_CLASSES:
            errors["size_class"] = msg("org.size_class.unknown", detail=size_class)
        out["size_class"] = size_class
    else:
        out["size_class"] = ""

    kvk = normalise_kvk(raw.get("kvk"))
    if kvk and (not _KVK.match(kvk) or kvk == "00000000"):
        errors["kvk"] = msg("org.kvk.digits")
    out["kvk"] = kvk

    website, website_error = normalise_website(raw.get("website"))
    if website_error:
        errors["website"] = website_error
    out["website"] = website

    # the organisation's general address and number, checked as a person's are
    out.update(contact_details(raw, errors))

    postcode = clean(raw.get("postcode"))
    if m := _NL_POSTCODE.match(postcode):
        postcode = f"{m.group(1)} {m.group(2).upper()}"
    elif len(postcode) > 12:
        errors["postcode"] = msg("org.postcode.too_long")
    out["postcode"] = postcode

    for field in DECLARED:  # plain text, checked by its declaration alone
        if field.max_length:
            out[field.name] = at_most(errors, field.name, clean(raw.get(field.name)), field.max_length)

    region = clean(raw.get("region")) or vocab.region_for_municipality(
        out["municipality"] or out["city"]
    ) or ""
    if region and region not in vocab.REGIONS:
        errors["region"] = msg("common.unknown_region")
    out["region"] = region

    themes_raw = raw.get("themes") or []
    if not isinstance(themes_raw, (list, tuple, set)):  # a string, or (found by hypothesis) a number
        themes_raw = [t for t in re.split(r"[,;]", str(themes_raw)) if t.strip()]
    themes = sorted({clean(t) for t in themes_raw if clean(t)})
    unknown = [t for t in themes if t not in vocab.THEMES]
    if unknown:
        errors["themes"] = msg("common.unknown_theme", detail=", ".join(unknown))
    out["themes"] = themes

    out["status"] = one_of(errors, "status", clean(raw.get("status")) or "prospect", vocab.STATUSES,
                           msg("org.status.unknown"))

    try:
        since = parse_date(raw.get("status_since"))
    except ValueError as exc:
        errors["status_since"] = reason(exc)
        since = None
    today = today or date.today()
    if since and since > today:
        errors["status_since"] = msg("common.in_future")
    out["status_since"] = iso(since or today)

    out["tags"] = tags(raw.get("tags"))
    out["notes"] = at_most(errors, "notes", multiline(raw.get("notes")), 5000)

    if errors:
        raise ValidationError(errors)
    out["name_key"] = fold(name)
    out["search_key"] = search_key(name, out["kvk"], out["city"], out["website"].split("://")[-1])
    out.update(duplicates.organisation_keys(out))  # keys of duplicate detection
    return out


def search_text(text: object) -> str:
    """What the user typed, folded the way search keys are; a KvK number typed with
    spaces or dots ("1234 5678") is searched as its digits."""
    folded = fold(text)[:100]
    if re.fullmatch(r"\d[\d .]*\d", folded):
        return re.sub(r"[ .]", "", folded)
    return folded


def merge_update(current: dict[str, Any], changes: dict[str, Any], *, today: date | None = None) -> dict[str, Any]:
    """The editable fields of ``current`` with ``changes`` laid over them, ready to validate.

    A status change without a new date of its own starts today. A region that was the
    one suggested by the old municipality (or city) follows a new municipality, unless the
    change sets another region itself; a region chosen by hand stays."""
    merged = {field: current.get(field) for field in FIELDS}
    merged.update({k: v for k, v in changes.items() if k in FIELDS})
    old_place = current.get("municipality") or current.get("city") or ""
    new_place = merged.get("municipality") or merged.get("city") or ""
    region_set = (changes.get("region") or "") != (current.get("region") or "") if "region" in changes else False
    if not region_set and fold(new_place) != fold(old_place) and (
        current.get("region") == (vocab.region_for_municipality(old_place) or "")
    ):
        merged["region"] = ""  # validate() suggests it again from the new place
    status_changed = merged.get("status") != current.get("status")
    if status_changed and merged.get("status_since") == current.get("status_since"):
        merged["status_since"] = (today or date.today()).isoformat()
    return merged
