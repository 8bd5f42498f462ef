"""Answers that are a file to download: a list as CSV or XLSX, an activity's calendar file."""

from __future__ import annotations

from fastapi.responses import Response

from lo_network.domain.sheets import MEDIA_TYPES

# the OpenAPI entry of the answer of a route that sends a list as a sheet
SHEET = {200: {"content": {"text/csv": {}, MEDIA_TYPES["xlsx"]: {}}, "description": "het bestand / the file"}}


def download(content: bytes | str, media_type: str, filename: str) -> Response:
    """A file a browser saves under ``filename`` rather than shows."""
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
