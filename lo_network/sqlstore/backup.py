"""Every SQL table out and in again (lo-network export --all / restore), generic over the
tables: whatever table the application declares travels, column by column. The files and
their value format: services.backup."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import Table, func, select
from sqlmodel import SQLModel

from lo_network.sqlstore import sql


def tables() -> list[Table]:
    """Every table of the application, parents before the tables that refer to them."""
    sql.init()  # registers every table of the application
    return SQLModel.metadata.sorted_tables


def table_names() -> set[str]:
    return {t.name for t in tables()}


def dialect() -> str:
    """The SQL database in use: "sqlite" or "postgresql"."""
    return sql.engine().dialect.name


def table_rows() -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Each table's name and its rows (column name -> value) in key order, all read through
    one connection; each table's rows are to be read before the next table's."""
    with sql.engine().connect() as conn:
        for table in tables():
            yield table.name, ({c.name: row._mapping[c.name] for c in table.columns}
                               for row in conn.execute(select(table).order_by(*table.primary_key.columns)))


def row_counts() -> dict[str, int]:
    """How many rows each table holds."""
    with sql.engine().connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables()}


def restore_rows(rows_of: Callable[[str], Iterable[dict[str, Any]] | None], batch: int,
                 on_table: Callable[[str, int], None] = lambda _name, _count: None) -> dict[str, int]:
    """Insert the rows ``rows_of(table name)`` gives (None: the table has none to restore),
    ``batch`` rows per INSERT, every table in one transaction; a column the table does not
    have is left out. Returns how many rows went into each table."""
    counts: dict[str, int] = {}
    with sql.engine().begin() as conn:
        for table in tables():
            rows = rows_of(table.name)
            if rows is None:
                continue
            count = 0
            chunk: list[dict] = []
            for row in rows:
                chunk.append({k: v for k, v in row.items() if k in table.columns})
                if len(chunk) >= batch:
                    conn.execute(table.insert(), chunk)
                    count += len(chunk)
                    chunk = []
            if chunk:
                conn.execute(table.insert(), chunk)
                count += len(chunk)
            counts[table.name] = count
            on_table(table.name, count)
        _advance_sequences(conn)
    return counts


def _advance_sequences(conn) -> None:
    """PostgreSQL numbers new rows from a sequence per table, which rows inserted with their
    own ids leave where it was: set each past the highest restored id, so the next new row
    does not take a restored one's id. (SQLite numbers from the table's highest id itself.)"""
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or key[0].type.python_type is not int:
            continue
        highest = select(func.coalesce(func.max(key[0]), 0)).scalar_subquery()
        # pg_get_serial_sequence is NULL for a key without a sequence, and setval(NULL) does nothing
        conn.execute(select(func.setval(func.pg_get_serial_sequence(table.name, key[0].name), highest + 1, False)))
