"""Every setting of lo_network, read from the environment in one place.

See the README's configuration table; each ``LO_*`` variable is read here and nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _int(name: str, default: int) -> int:
    raw = _env(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:  # a clear message naming the variable
        raise SystemExit(f"{name}: expected a whole number, got {raw!r}") from exc


def origin(name: str, raw: str) -> str:
    """``raw`` as a browser writes an origin: ``scheme://host[:port]``, lower case, without
    the scheme's default port; anything else (another scheme, a path, a query) is refused
    with a message naming the variable. The app is served at the root of its address."""
    parts = urlsplit(raw.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or port == -1 \
            or parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise SystemExit(f"{name}: verwacht een adres als https://crm.example.nl (schema en host, geen pad) / "
                         f"expected an address like https://crm.example.nl (scheme and host, no path), got {raw!r}")
    scheme = parts.scheme.lower()
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    default = {"http": 80, "https": 443}[scheme]
    return f"{scheme}://{host}" + (f":{port}" if port not in (None, default) else "")


def _origins(name: str) -> tuple[str, ...]:
    return tuple(origin(name, item) for item in _env(name).split(",") if item.strip())


def _years(name: str, default: tuple[int, int]) -> tuple[int, int]:
    """'2024-2027' -> (2024, 2027); a message naming the variable otherwise."""
    raw = _env(name)
    if not raw:
        return default
    try:
        first, last = (int(part) for part in raw.replace(" ", "").split("-"))
        if not 1900 < first <= last < 2200:
            raise ValueError
    except ValueError as exc:
        raise SystemExit(f"{name}: expected two years like 2024-2027, got {raw!r}") from exc
    return first, last


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    neo4j_uri: str
    neo4j_user: str
    neo4j_password: str
    neo4j_database: str
    database_url: str
    graph_bolt_port: int
    graph_heap: str
    port: int
    session_hours: int
    default_language: str
    demo_admin_email: str
    redis_url: str
    extra: dict = field(default_factory=dict)
    # activities and registration
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = "activiteiten@logistiek-overijssel.example"
    smtp_starttls: bool = True
    public_url: str = ""  # LO_PUBLIC_URL, an origin (see ``origin``) or ""
    public_rate_limit: int = 60
    cors_origins: tuple[str, ...] = ()  # LO_CORS_ORIGINS: other sites' pages that may call the app
    graph_pagecache: str = "256m"  # LO_GRAPH_PAGECACHE: Neo4j's page cache (store files in memory)

    @property
    def smtp_configured(self) -> bool:
        """True when emails go out through SMTP; otherwise they wait in the outbox."""
        return bool(self.smtp_host)

    @property
    def base_url(self) -> str:
        """Where links in emails and calendar files point (LO_PUBLIC_URL, else this machine)."""
        return (self.public_url or f"http://127.0.0.1:{self.port}").rstrip("/")

    @property
    def app_url(self) -> str:
        """The address the built frontend dials for its websocket and uploads (Reflex's
        ``api_url``). Without LO_PUBLIC_URL it names ``localhost``: the Reflex client puts the
        page's own host in place of ``localhost``, so a browser on this machine works however
        it writes the address (127.0.0.1 or localhost)."""
        return self.public_url or f"http://localhost:{self.port}"

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """Origins whose pages may use the app's websocket and get CORS answers: the app's own
        (public, and on this machine) and LO_CORS_ORIGINS. Never every origin."""
        own = [self.public_url] if self.public_url else []
        local = [f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}"]
        return tuple(dict.fromkeys([*own, *local, *self.cors_origins]))
    retention_years: int = 7  # LO_RETENTION_YEARS
    login_rate_limit: int = 30  # LO_LOGIN_RATE_LIMIT, login attempts a minute per address
    # the coordinators' follow-up lists (lo_network/domain/followup.py)
    followup_dormant_months: int = 12  # LO_FOLLOWUP_DORMANT_MONTHS
    kpi_cache_seconds: int = 120  # LO_KPI_CACHE_SECONDS: the dashboard's facts are read again after this
    consent_valid_months: int = 24  # LO_CONSENT_VALID_MONTHS
    followup_consent_days: int = 60  # LO_FOLLOWUP_CONSENT_DAYS
    # import files (lo_network/domain/imports.py): what an upload may hold before it is refused
    import_max_bytes: int = 50 * 1024 * 1024  # LO_IMPORT_MAX_BYTES: the file (and the upload request)
    import_max_rows: int = 500_000  # LO_IMPORT_MAX_ROWS
    import_max_columns: int = 200  # LO_IMPORT_MAX_COLUMNS
    import_max_cell: int = 10_000  # LO_IMPORT_MAX_CELL: characters in one cell
    import_max_xlsx_bytes: int = 300 * 1024 * 1024  # LO_IMPORT_MAX_XLSX_BYTES: an XLSX unpacked
    import_max_xlsx_ratio: int = 100  # LO_IMPORT_MAX_XLSX_RATIO: unpacked / packed size of a part
    # the programme's money (domain/budget.py): the total in whole euros and the years it covers;
    # its split over the programme lines is declared once, in domain/budget.py (LINE_SHARES)
    programme_budget_eur: int = 1_800_000  # LO_PROGRAMME_BUDGET_EUR
    programme_years: tuple[int, int] = (2024, 2027)  # LO_PROGRAMME_YEARS, "2024-2027" (first and last)

    @property
    def embedded(self) -> bool:
        """True when no external Neo4j is configured: the app runs its own graph server."""
        return not self.neo4j_uri

    @property
    def graph_dir(self) -> Path:
        return self.data_dir / "graph"

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.graph_bolt_port}"

    @property
    def sql_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'lo_network.db').resolve()}"


def load() -> Settings:
    data_dir = Path(_env("LO_DATA_DIR", ".lo_data")).expanduser().resolve()
    return Settings(
        data_dir=data_dir,
        neo4j_uri=_env("LO_NEO4J_URI"),
        neo4j_user=_env("LO_NEO4J_USER", "neo4j"),
        neo4j_password=_env("LO_NEO4J_PASSWORD"),
        neo4j_database=_env("LO_NEO4J_DATABASE", "neo4j"),
        database_url=_env("LO_DATABASE_URL"),
        graph_bolt_port=_int("LO_GRAPH_BOLT_PORT", 7697),
        graph_heap=_env("LO_GRAPH_HEAP", "1g"),
        graph_pagecache=_env("LO_GRAPH_PAGECACHE", "256m"),
        port=_int("LO_PORT", 3000),
        session_hours=_int("LO_SESSION_HOURS", 8),
        default_language=_env("LO_LANGUAGE", "nl"),
        demo_admin_email=_env("LO_ADMIN_EMAIL", "admin@logistiek-overijssel.example"),
        redis_url=_env("REDIS_URL"),
        smtp_host=_env("LO_SMTP_HOST"),
        smtp_port=_int("LO_SMTP_PORT", 587),
        smtp_user=_env("LO_SMTP_USER"),
        smtp_password=_env("LO_SMTP_PASSWORD"),
        smtp_from=_env("LO_SMTP_FROM", "activiteiten@logistiek-overijssel.example"),
        smtp_starttls=_env("LO_SMTP_STARTTLS", "true").lower() not in ("0", "false", "no", "off"),
        public_url=origin("LO_PUBLIC_URL", _env("LO_PUBLIC_URL")) if _env("LO_PUBLIC_URL") else "",
        public_rate_limit=_int("LO_PUBLIC_RATE_LIMIT", 60),
        cors_origins=_origins("LO_CORS_ORIGINS"),
        retention_years=_int("LO_RETENTION_YEARS", 7),
        login_rate_limit=_int("LO_LOGIN_RATE_LIMIT", 30),
        followup_dormant_months=_int("LO_FOLLOWUP_DORMANT_MONTHS", 12),
        kpi_cache_seconds=_int("LO_KPI_CACHE_SECONDS", 120),
        consent_valid_months=_int("LO_CONSENT_VALID_MONTHS", 24),
        followup_consent_days=_int("LO_FOLLOWUP_CONSENT_DAYS", 60),
        import_max_bytes=_int("LO_IMPORT_MAX_BYTES", 50 * 1024 * 1024),
        import_max_rows=_int("LO_IMPORT_MAX_ROWS", 500_000),
        import_max_columns=_int("LO_IMPORT_MAX_COLUMNS", 200),
        import_max_cell=_int("LO_IMPORT_MAX_CELL", 10_000),
        import_max_xlsx_bytes=_int("LO_IMPORT_MAX_XLSX_BYTES", 300 * 1024 * 1024),
        import_max_xlsx_ratio=_int("LO_IMPORT_MAX_XLSX_RATIO", 100),
        programme_budget_eur=_int("LO_PROGRAMME_BUDGET_EUR", 1_800_000),
        programme_years=_years("LO_PROGRAMME_YEARS", (2024, 2027)),
    )


_settings: Settings | None = None


def get() -> Settings:
    """The process-wide settings, read once."""
    global _settings
    if _settings is None:
        _settings = load()
    return _settings


def reset() -> None:
    """Forget the cached settings (tests change the environment)."""
    global _settings
    _settings = None
