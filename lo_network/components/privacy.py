"""The privacy sections of a person page (issue 7): consent per purpose, access request,
erasure. Filled in step by step; each section only appears when it works."""

from __future__ import annotations

import reflex as rx


def person_privacy_sections() -> list[rx.Component]:
    return []
