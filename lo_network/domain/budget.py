"""The programme's money: amounts in euros as people type them, the split of the programme
budget over the three programme lines, and planned / spent per line and year.

Amounts are stored in the graph as euros with at most two decimals (a float property) and
added up here in whole cents (integers), so a total never drifts by a rounding error.
Every amount shown to a person goes through ``format_eur`` (the one euro formatter)."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Iterable

from lo_network.domain import vocab
from lo_network.domain.checks import at_most, one_of
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import checks_text, clean, multiline
from lo_network.messages import msg, reason

# The programme budget's split over the programme lines (the total and the years are settings:
# LO_PROGRAMME_BUDGET_EUR, LO_PROGRAMME_YEARS). Declared here once; the dashboard reads it.
LINE_SHARES: dict[str, float] = {"regional": 0.40, "international": 0.25, "themes": 0.35}

# The programme line an activity belongs to when none is chosen, by its kind: fairs, symposia
# (congresses) and missions are international business; network meetings, logistics days and
# lobby meetings support the regional network; webinars, living labs and projects are theme work.
KIND_LINES: dict[str, str] = {
    "trade_mission": "international", "fair": "international", "congress": "international",
    "cafe": "regional", "logistics_day": "regional", "lobby_meeting": "regional",
    "webinar": "themes", "living_lab": "themes", "project": "themes",
}
GRANT_LINE = "regional"  # support to a regional network organisation: line 1 unless chosen otherwise

MAX_EUROS = Decimal("100000000")  # an amount above this is a typing error
CENT = Decimal("0.01")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


def default_line(kind: object) -> str:
    """The programme line of an activity of this kind when none is chosen ('' for an unknown kind)."""
    return KIND_LINES.get(str(kind or ""), "")


def parse_euros(value: object) -> Decimal | None:
    """An amount in euros as typed -> a Decimal with two decimals; '' / None -> None.

    Takes Dutch ("1.250,50", "1250,50", "€ 1.250"), international ("1250.50", "1,250.50")
    and numbers. A lone dot followed by three digits is a Dutch thousands separator
    ("1.250" = 1250). Raises ValueError with the reason in Dutch and English."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueError(msg("budget.amount.not_an_amount"))
    if isinstance(value, (int, float, Decimal)):
        text = format(Decimal(str(value)), "f")
    else:
        text = clean(value).replace("€", "").replace("EUR", "").replace("eur", "")
        text = re.sub(r"[\s\u00a0\u202f']", "", text)
    if not text:
        return None
    if text.startswith("-"):
        raise ValueError(msg("budget.amount.negative"))
    if text.startswith("+"):
        text = text[1:]
    if not _NUMBER.match(text):
        raise ValueError(msg("budget.amount.not_euros_example"))
    last_dot, last_comma = text.rfind("."), text.rfind(",")
    decimal_mark = ""
    if last_dot >= 0 and last_comma >= 0:
        decimal_mark = "." if last_dot > last_comma else ","
    elif last_comma >= 0:
        # a comma is the Dutch decimal mark, unless it only groups thousands ("1,250,000")
        decimal_mark = "" if text.count(",") > 1 and re.fullmatch(r"\d{1,3}(,\d{3})+", text) else ","
    elif last_dot >= 0:
        # one dot with exactly three digits after it (and at most three before) groups thousands
        # (Dutch "1.250"); "1250.500" has a decimal point
        single_group = text.count(".") == 1 and len(text) - last_dot - 1 == 3 and last_dot <= 3
        decimal_mark = "" if text.count(".") > 1 or single_group else "."
    if decimal_mark:
        whole, _, cents = text.rpartition(decimal_mark)
        thousands = "," if decimal_mark == "." else "."
        if decimal_mark in whole or not re.fullmatch(r"\d{1,3}(\%s\d{3})*|\d+" % thousands, whole):
            raise ValueError(msg("budget.amount.not_euros_example"))
        whole = whole.replace(thousands, "")
    else:
        if not re.fullmatch(r"\d+|\d{1,3}([.,]\d{3})+", text):
            raise ValueError(msg("budget.amount.not_euros_example"))
        whole, cents = re.sub(r"[.,]", "", text), ""
    if len(cents.rstrip("0")) > 2:
        raise ValueError(msg("budget.amount.cents"))
    try:
        amount = Decimal(f"{whole}.{cents or '0'}").quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueError(msg("budget.amount.not_euros")) from None
    if amount > MAX_EUROS:
        raise ValueError(msg("budget.amount.too_large"))
    return amount


def stored(amount: Decimal | None) -> float | None:
    """The value kept in the graph: euros as a number with at most two decimals."""
    return float(amount) if amount is not None else None


def cents(value: object) -> int:
    """A stored amount (euros, float or text) in whole cents; missing -> 0."""
    if value is None or value == "":
        return 0
    try:
        return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return 0


def format_eur(value: object, lang: str = "nl", *, whole: bool = False) -> str:
    """Euros for people: '€ 1.234,50' (Dutch) / '€1,234.50' (English); '' for no amount.
    ``whole``: without cents (rounded), for large totals in charts and tables."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value)).quantize(Decimal(1) if whole else CENT, rounding=ROUND_HALF_UP)
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if lang == "nl":
        return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")
    return "€" + text


def input_text(value: object) -> str:
    """A stored amount as the form shows it to edit: '1.250,50' ('' for none)."""
    return format_eur(value, "nl").removeprefix("€ ") if value not in (None, "") else ""


def amount_field(raw: dict[str, Any], name: str, errors: dict[str, str]) -> float | None:
    """Read and check the amount ``raw[name]``; a problem is put in ``errors`` under ``name``."""
    try:
        return stored(parse_euros(raw.get(name)))
    except ValueError as exc:
        errors[name] = reason(exc)
        return None


# ---------------------------------------------------------------- grants
GRANT_FIELDS = ("amount", "granted_on", "description", "line")


@checks_text
def validate_grant(raw: dict[str, Any]) -> dict[str, Any]:
    """A grant to an organisation: amount (required, above zero), date, description, line."""
    from lo_network.domain.dates import parse_date

    errors: dict[str, str] = {}
    out: dict[str, Any] = {"amount": amount_field(raw, "amount", errors)}
    if "amount" not in errors and not out["amount"]:
        errors["amount"] = msg("budget.amount.required")
    try:
        day = parse_date(raw.get("granted_on"))
    except ValueError as exc:
        errors["granted_on"], day = reason(exc), None
    if day is None and "granted_on" not in errors:
        errors["granted_on"] = msg("common.date.required")
    out["granted_on"] = day.isoformat() if day else None
    out["description"] = at_most(errors, "description", multiline(raw.get("description")), 1000,
                                 too_long=msg("budget.description.too_long"))
    out["line"] = one_of(errors, "line", clean(raw.get("line")) or GRANT_LINE, vocab.PROGRAMME_LINES,
                         msg("common.unknown_programme_line"))
    if errors:
        raise ValidationError(errors)
    return out


# ---------------------------------------------------------------- planned and spent
def line_of(line: object, kind: object) -> str:
    """The line an amount counts for: its own, else its kind's default, else 'none'."""
    value = str(line or "") or default_line(kind)
    return value if value in vocab.PROGRAMME_LINES else "none"


def budget_lines(items: Iterable[dict[str, Any]], total_eur: int, years: tuple[int, int]) -> dict[str, Any]:
    """Planned and spent per programme line and year, against the split.

    ``items``: one per amount: {line, kind, year, planned, spent} (euros; an activity has
    both, a grant's amount is planned and spent). The target of a line is the total times
    its share; of a line in a year, that divided evenly over the programme's years. Amounts
    outside the programme's years count under the year they fall in but not in a target.
    Returns {"years": [(year, line, target, planned, spent)...], "lines": [(line, target,
    planned, spent)], "total": (target, planned, spent)} in cents."""
    first, last = years
    n_years = last - first + 1
    per: dict[tuple[int, str], list[int]] = {}
    for item in items:
        year = item.get("year")
        if year is None:
            continue
        key = (int(year), line_of(item.get("line"), item.get("kind")))
        sums = per.setdefault(key, [0, 0])
        sums[0] += cents(item.get("planned"))
        sums[1] += cents(item.get("spent"))
    total_cents = int(total_eur) * 100
    target_line = {line: round(total_cents * share) for line, share in LINE_SHARES.items()}
    all_years = sorted(set(range(first, last + 1)) | {y for y, _ in per})
    lines = list(vocab.PROGRAMME_LINES) + (["none"] if any(line == "none" for _, line in per) else [])
    rows, line_rows = [], []
    for year in all_years:
        for line in lines:
            planned, spent = per.get((year, line), [0, 0])
            target = round(target_line.get(line, 0) / n_years) if first <= year <= last else 0
            rows.append({"year": year, "line": line, "target": target, "planned": planned, "spent": spent})
    for line in lines:
        mine = [r for r in rows if r["line"] == line]
        line_rows.append({"line": line, "target": target_line.get(line, 0),
                          "planned": sum(r["planned"] for r in mine), "spent": sum(r["spent"] for r in mine)})
    return {"years": rows, "lines": line_rows,
            "total": {"target": total_cents, "planned": sum(r["planned"] for r in line_rows),
                      "spent": sum(r["spent"] for r in line_rows)},
            "range": [first, last]}


def year_of(value: object) -> int | None:
    """The year of a local date or ISO date text."""
    if isinstance(value, date):
        return value.year
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else None
