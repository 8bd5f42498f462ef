"""/api/v1/imports: upload a CSV or XLSX file as a new import job (the page's first step).

The file is read within the LO_IMPORT_MAX_* limits in a worker thread (a plain ``def``
route runs in FastAPI's thread pool); a file that is too large, too wide, binary or no
readable spreadsheet answers 422 naming the file and the problem. The request itself is
checked before its body is read (``api.upload_guard``)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile

from lo_network.api.auth import NetworkEditor
from lo_network.api.errors import documented
from lo_network.domain import imports as domain
from lo_network.services import imports as service

router = APIRouter(tags=["import"])


@router.post("/imports", status_code=201, responses=documented(401, 403, 413, 422))
def upload_import(
    actor: NetworkEditor,
    file: Annotated[UploadFile, File(description="CSV (; , of tab) of XLSX / CSV (; , or tab) or XLSX")],
    kind: Annotated[str, Query(description="organisations, people of/or attendances")] = "organisations",
    map_: Annotated[list[str] | None, Query(alias="map", description="KOLOM=VELD / COLUMN=FIELD")] = None,
) -> dict:
    """Keep the file as a new job with its columns recognised (``map`` overrides a column's
    field, as ``lo-network import --map``); the dry run and the import follow on the page."""
    overrides = domain.parse_map_options(map_ or []) or None
    limit = domain.Limits.from_settings().max_bytes
    data = file.file.read(limit + 1)  # one byte past the limit is enough to refuse it
    job = service.create_job(actor, file.filename or "bestand.csv", data, kind, "api", overrides)
    return {"id": job.id, "filename": job.filename, "kind": job.kind, "status": job.status,
            "total_rows": job.total_rows, "columns": json.loads(job.columns), "mapping": json.loads(job.mapping)}
