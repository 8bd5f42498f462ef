"""A table the browser saves as a file: its media type follows from the file name."""

from __future__ import annotations

import reflex as rx

from lo_network.domain.sheets import MEDIA_TYPES


def sheet_download(name: str, data: bytes | str) -> rx.event.EventSpec:
    """A CSV or XLSX file named ``name`` (its extension says which) as a download; a name
    with another extension (an upload's own) is sent as plain bytes."""
    media = MEDIA_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream").split(";")[0]
    return rx.download(data=data, filename=name, mime_type=media)
