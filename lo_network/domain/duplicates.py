"""Duplicate detection and merge rules: the stored keys, the score and reasons of a candidate
pair, and the merged record chosen field by field.

Keys are computed here once and stored on each record (``dedupe_name``, ``website_domain``,
``email_key``, ``phone_key``)
so the graph finds candidates with indexed equality, never by loading every record."""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from lo_network.domain import text
from lo_network.domain.contact import email_key, phone_key
from lo_network.domain.text import clean, fold

ORGANISATION = "organisation"
PERSON = "person"

# Legal forms (domain.text) and words that do not tell two organisations apart (after folding,
# dots removed).
LEGAL_FORMS = text.LEGAL_FORMS | {
    "holding", "holdings", "stichting", "vereniging", "cooperatie", "group", "groep", "eenmanszaak", "maatschap",
}
# Hosts many organisations share: a same-domain match means nothing there.
SHARED_HOSTS = frozenset({
    "linkedin.com", "facebook.com", "instagram.com", "google.com", "sites.google.com", "wordpress.com",
    "wix.com", "gmail.com", "hotmail.com", "outlook.com", "kvk.nl", "twitter.com", "x.com",
})

# reason -> (weight, nl, en)
REASONS: dict[str, tuple[float, str, str]] = {
    "same_kvk": (0.9, "zelfde KvK-nummer", "same KvK number"),
    "same_name": (0.7, "zelfde naam (rechtsvorm, hoofdletters, accenten en spaties genegeerd)",
                  "same name (legal form, case, accents and spacing ignored)"),
    "same_domain": (0.6, "zelfde websitedomein", "same website domain"),
    "same_email": (0.9, "zelfde e-mailadres", "same email address"),
    "same_phone": (0.7, "zelfde telefoonnummer", "same phone number"),
    "same_name_organisation": (0.75, "zelfde naam bij dezelfde organisatie", "same name at the same organisation"),
}

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def organisation_name_key(name: object) -> str:
    """'Transport  Twente B.V.' and 'transport-twente BV' -> 'transporttwente'."""
    text = fold(name).replace(".", "")
    words = [w for w in _NOT_WORD.split(text) if w]
    kept = [w for w in words if w not in LEGAL_FORMS]
    return "".join(kept or words)


def website_domain(website: object) -> str:
    """'https://www.Example.nl/contact' -> 'example.nl'; '' for none or a shared host."""
    text = clean(website).lower()
    if not text:
        return ""
    host = re.sub(r"^[a-z]+://", "", text).split("/")[0].split("?")[0].split("#")[0].split(":")[0]
    host = host.removeprefix("www.").rstrip(".")
    if "." not in host or host in SHARED_HOSTS:
        return ""
    return host


def person_name_key(first_name: object, last_name: object) -> str:
    """'Jan de  Vries' and 'jan devries' -> 'jandevries'."""
    return _NOT_WORD.sub("", fold(f"{clean(first_name)} {clean(last_name)}"))


def organisation_keys(props: dict[str, Any]) -> dict[str, str]:
    return {"dedupe_name": organisation_name_key(props.get("name")),
            "website_domain": website_domain(props.get("website")),
            "email_key": email_key(props.get("email")),
            "phone_key": phone_key(props.get("phone"))}


def person_keys(props: dict[str, Any]) -> dict[str, str]:
    return {"dedupe_name": person_name_key(props.get("first_name"), props.get("last_name"))}


def score(reasons: list[str] | set[str]) -> int:
    """0-100: the chance-like combination of the reasons' weights (1 - Π(1 - w))."""
    miss = 1.0
    for reason in set(reasons):
        miss *= 1 - REASONS[reason][0]
    return round(100 * (1 - miss))


def reason_words(reasons: list[str] | set[str]) -> tuple[str, str]:
    ordered = sorted(set(reasons), key=lambda r: -REASONS[r][0])
    return ", ".join(REASONS[r][1] for r in ordered), ", ".join(REASONS[r][2] for r in ordered)


def combine(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows {a_id, b_id, reason, a_name, b_name} from the graph -> one candidate per pair
    with its reasons, score and words, best first."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        a, b = sorted((row["a_id"], row["b_id"]))
        names = (row["a_name"], row["b_name"]) if a == row["a_id"] else (row["b_name"], row["a_name"])
        entry = pairs.setdefault((a, b), {"a_id": a, "b_id": b, "a_name": names[0] or "", "b_name": names[1] or "",
                                          "reasons": []})
        if row["reason"] not in entry["reasons"]:
            entry["reasons"].append(row["reason"])
    out = []
    for entry in pairs.values():
        entry["score"] = score(entry["reasons"])
        entry["reasons_nl"], entry["reasons_en"] = reason_words(entry["reasons"])
        out.append(entry)
    return sorted(out, key=lambda e: (-e["score"], e["a_name"].casefold(), e["a_id"], e["b_id"]))


def clusters(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Candidate pairs (as :func:`combine` gives them) grouped into clusters: the connected
    components of the pairs, so five records that match each other are one cluster, not ten
    pairs. Each: {members: [{id, name}] by name, pairs: best first, score: its best pair's};
    the clusters best first."""
    graph = nx.Graph()
    names: dict[str, str] = {}
    for pair in pairs:
        graph.add_edge(pair["a_id"], pair["b_id"])
        names[pair["a_id"]], names[pair["b_id"]] = pair["a_name"], pair["b_name"]
    out = []
    for component in nx.connected_components(graph):
        inside = [p for p in pairs if p["a_id"] in component]
        members = sorted(({"id": i, "name": names[i]} for i in component), key=lambda m: (m["name"].casefold(), m["id"]))
        out.append({"members": members, "pairs": inside, "score": max(p["score"] for p in inside)})
    return sorted(out, key=lambda c: (-c["score"], c["members"][0]["name"].casefold(), c["members"][0]["id"]))


def merged_fields(fields: tuple[str, ...], keep: dict[str, Any], drop: dict[str, Any],
                  choice: dict[str, str]) -> dict[str, Any]:
    """The editable fields of the kept record, each from ``keep`` or ``drop`` as ``choice``
    says ('keep' by default; an empty kept value takes the other's). Lists (tags, themes)
    chosen 'both' are joined."""
    out: dict[str, Any] = {}
    for field in fields:
        pick = choice.get(field)
        a, b = keep.get(field), drop.get(field)
        if pick == "drop":
            out[field] = b
        elif pick == "both" and isinstance(a, list):
            out[field] = sorted(set(a or []) | set(b or []))
        elif pick is None and a in (None, "", []) and b not in (None, "", []):
            out[field] = b
        else:
            out[field] = a
    return out
