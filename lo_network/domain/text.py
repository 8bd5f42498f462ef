"""Text normalisation shared by validation, search keys and (later) duplicate detection."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(value: object) -> str:
    """Trimmed text with inner whitespace collapsed; None becomes ''."""
    if value is None:
        return ""
    return _SPACES.sub(" ", str(value)).strip()


def fold(value: object) -> str:
    """Lower case without accents: 'Hengelo Ö' -> 'hengelo o'. Used for search keys."""
    text = unicodedata.normalize("NFKD", clean(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def search_key(*parts: object) -> str:
    """One folded string of every searchable part, joined by a separator never typed."""
    return " | ".join(fold(p) for p in parts if clean(p))


def tags(value: object) -> list[str]:
    """Tags from a list or a comma/semicolon separated string: cleaned, lower case, unique, sorted."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple, set)) else re.split(r"[,;]", str(value))
    return sorted({clean(t).lower() for t in items if clean(t)})
