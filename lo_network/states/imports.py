"""/importeren: upload a file, map its columns, see the dry run, import the good rows, follow
the progress, download the failed rows.

The job lives in SQL (lo_network.sqlstore.models.ImportJob) and runs in a background thread
of the backend; this state only shows it. After a page reload ``load`` finds the user's
newest job again, and while the job runs the page polls it once a second."""

from __future__ import annotations

import dataclasses
import json

import reflex as rx

from lo_network.domain import imports as domain
from lo_network.domain.permissions import Permission
from lo_network.i18n import split_message
from lo_network.services import imports as service
from lo_network.states.downloads import sheet_download
from lo_network.states.form_values import from_select
from lo_network.states.session import SessionState, requires

ROUTE = "/importeren"
UPLOAD_ID = "import-upload"
BUSY = ("analysing", "running")


@dataclasses.dataclass
class MappingRow:
    column: str = ""
    field: str = ""
    sample: str = ""


@dataclasses.dataclass
class ErrorRow:
    line: int = 0
    column: str = ""
    reason: list[str] = dataclasses.field(default_factory=list)   # [nl, en]


@dataclasses.dataclass
class KvkMatch:
    """Rows whose KvK number an organisation in the network holds: they update it."""

    lines: str = ""
    id: str = ""
    name: str = ""


@dataclasses.dataclass
class Count:
    key: str = ""        # i18n key of the label
    value: int = 0
    detail: str = ""     # e.g. "KvK-nummer: 3, naam: 1" (rules as codes, labelled in the page)
    id: str = ""


class ImportState(SessionState):
    kind: str = "organisations"
    job_id: int = 0
    status: str = ""
    filename: str = ""
    total_rows: int = 0
    mapping_rows: list[MappingRow] = []
    counts: list[Count] = []
    matched: dict[str, int] = {}
    kvk_matches: list[KvkMatch] = []
    errors: list[ErrorRow] = []
    failed_rows: int = 0
    progress: int = 0
    progress_text: str = ""
    job_error: str = ""
    has_report: bool = False
    loaded: bool = False  # the page knows which job to show (before that, choosing a file would race it)

    # ------------------------------------------------------------ display
    @rx.var
    def busy(self) -> bool:
        return self.status in BUSY

    @rx.var
    def can_map(self) -> bool:
        return self.status in ("uploaded", "ready")

    @rx.var
    def can_import(self) -> bool:
        return self.status in ("ready", "interrupted") or (self.status == "failed" and self.has_report)

    @rx.var
    def more_errors(self) -> bool:
        return self.failed_rows > len(self.errors)

    # ------------------------------------------------------------ showing a job
    def _clear(self) -> None:
        self.job_id = 0
        self.status = self.filename = self.job_error = self.progress_text = ""
        self.total_rows = self.failed_rows = self.progress = 0
        self.mapping_rows, self.counts, self.errors, self.matched = [], [], [], {}
        self.has_report = False

    def _show(self, job) -> None:
        self.job_id = job.id
        self.kind = job.kind
        self.status = service.status_of(job)
        self.filename = job.filename
        self.total_rows = job.total_rows
        self.job_error = service.shorten(job.error, 2 * service.PREVIEW_TEXT)
        # only a bounded preview reaches the browser (a job stored before the limits may
        # hold a hundred thousand columns): such a job is shown as stopped, with the reason
        shown = service.preview(job)
        if shown.refused:
            self.status, self.job_error = "failed", shown.refused
        mapping = json.loads(job.mapping)
        if self.status in ("uploaded", "ready") or not self.mapping_rows:
            full = json.loads(job.columns)[:len(shown.columns)]
            self.mapping_rows = [MappingRow(column=c, field=mapping.get(name, ""))
                                 for c, name in zip(shown.columns, full)]
        done = job.status == "done"
        report = json.loads(job.result if done else job.report)
        self.has_report = bool(json.loads(job.report))
        if report.get("rows") is not None:
            keys = ["rows", "records", "create", "update", "unchanged"]
            if job.kind == "people":
                keys += ["organisations_create", "links_create"]
            if job.kind == "attendances":
                keys += ["people_create", "organisations_create", "links_create"]
            self.counts = [Count(key=f"import.count.{k}", value=int(report.get(k, 0)), id=f"import-count-{k}")
                           for k in keys]
            self.counts.append(Count(key="import.count.failed", value=int(report.get("failed_rows", 0)),
                                     id="import-count-failed"))
            self.matched = dict(report.get("matched", {}))
            self.kvk_matches = [KvkMatch(lines=", ".join(str(n) for n in m.get("lines") or []), id=m["id"],
                                         name=m.get("name") or "") for m in report.get("kvk_matches") or []]
        else:
            self.counts, self.matched, self.kvk_matches = [], {}, []
        self.failed_rows = job.failed_rows
        if self.status in ("ready", "done", "interrupted", "failed"):
            self.errors = [ErrorRow(line=e.line, column=service.shorten(e.column or e.field),
                                    reason=[service.shorten(m) for m in split_message(e.reason)])
                           for e in service.errors_of(job)]
        else:
            self.errors = []
        total = job.total_records or 0
        self.progress = int(job.records_done * 100 / total) if total else (100 if done else 0)
        self.progress_text = f"{job.records_done} / {total}" if total else ""

    # ------------------------------------------------------------ events
    @requires(Permission.EDIT_NETWORK)
    def load(self):
        """on_load of /importeren: the job named in ?job=, else the user's newest one."""
        self._clear()
        actor = self.signed_in_actor()
        wanted = self.router.url.query_parameters.get("job", "")
        job = service.get_job(actor, int(wanted)) if wanted.isdigit() else service.latest_job(actor)
        if job is not None and job.actor == actor.email:
            self._show(job)
        self.loaded = True

    @requires(Permission.VIEW)
    def set_kind(self, kind: str):
        """Draft: what the next upload holds (organisations or people)."""
        if kind in domain.KINDS and not self.job_id:
            self.kind = kind

    @requires(Permission.EDIT_NETWORK)
    async def upload(self, files: list[rx.UploadFile]):
        """Keep the chosen file as a new job and show its columns for the mapping step."""
        if not files:
            return rx.toast.error(self.ui_text("import.no_file"), close_button=True)
        upload = files[0]
        data = await upload.read()  # at most LO_IMPORT_MAX_BYTES: the upload guard refuses a larger body
        # read in a worker thread: the other users' events go on meanwhile
        job = await service.create_job_async(self.signed_in_actor(), upload.filename or "bestand.csv", data,
                                             self.kind, "ui")
        self._show(job)
        return rx.clear_selected_files(UPLOAD_ID)

    @requires(Permission.VIEW)
    def set_column(self, column: str, value: str):
        """Draft: the field a column maps to ('' = ignored); saved by check_file."""
        value = from_select(value)
        if value and value not in domain.COLUMNS.get(self.kind, {}):
            return
        rows = []
        for row in self.mapping_rows:
            if row.column == column:
                row = MappingRow(column=row.column, field=value)
            elif value and row.field == value:
                row = MappingRow(column=row.column, field="")  # a field maps from one column
            rows.append(row)
        self.mapping_rows = rows

    @requires(Permission.EDIT_NETWORK)
    def check_file(self):
        """Save the mapping and start the dry run in the background."""
        actor = self.signed_in_actor()
        # by position: the page shows shortened column names
        columns = json.loads(service.get_job(actor, self.job_id).columns)
        service.set_mapping(actor, self.job_id, {c: r.field for c, r in zip(columns, self.mapping_rows)})
        self._show(service.start_analysis(actor, self.job_id))

    @requires(Permission.EDIT_NETWORK)
    def import_rows(self):
        """Import the good rows in the background (also resumes an interrupted import)."""
        self._show(service.start_import(self.signed_in_actor(), self.job_id))

    @requires(Permission.VIEW)
    def refresh(self, now: str = ""):  # noqa: ARG002 (the timer sends the time)
        """Poll the job while it runs (the service checks the import permission)."""
        if self.job_id:
            self._show(service.get_job(self.signed_in_actor(), self.job_id))

    @requires(Permission.EDIT_NETWORK)
    def download_failed(self):
        return sheet_download(*service.failed_rows(self.signed_in_actor(), self.job_id))

    @requires(Permission.EDIT_NETWORK)
    def new_import(self):
        """Leave the shown job (it stays in the list of jobs) and start with a new file."""
        self._clear()
