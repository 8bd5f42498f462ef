"""The compact fact tables and aggregates the growth measures are computed from
(one function per query in graph/queries/kpis/)."""

from __future__ import annotations

from neo4j import ManagedTransaction

from lo_network.store.queries import q
from lo_network.store.records import columns, rows


def organisations(tx: ManagedTransaction) -> dict[str, list]:
    """Every organisation's facts, as columns (domain.kpis.ORG_COLUMNS)."""
    return columns(tx.run(q("kpis/organisations")), blank_is_none=("kind", "region", "status", "size_class"))


def activities(tx: ManagedTransaction, until: str) -> list[dict]:
    return rows(tx.run(q("kpis/activities"), until=until))


def budget_activities(tx: ManagedTransaction) -> list[dict]:
    """Every activity with a planned budget or a realised cost (future ones too)."""
    return rows(tx.run(q("kpis/budget_activities")))


def grants(tx: ManagedTransaction) -> list[dict]:
    return rows(tx.run(q("kpis/grants")))


def registrations(tx: ManagedTransaction, until: str) -> dict[str, list]:
    """The registrations for activities begun before ``until``, as columns (domain.kpis.REG_COLUMNS)."""
    return columns(tx.run(q("kpis/registrations"), until=until), blank_is_none=("organisation_id", "attendance"))


def partners(tx: ManagedTransaction) -> list[dict]:
    return rows(tx.run(q("kpis/partners")))


def link_groups(tx: ManagedTransaction, today: str) -> list[dict]:
    return rows(tx.run(q("kpis/link_groups"), today=today))


def aggregate_status(tx: ManagedTransaction) -> list[dict]:
    return rows(tx.run(q("kpis/aggregate_status")))


def aggregate_registrations(tx: ManagedTransaction, until: str) -> list[dict]:
    return rows(tx.run(q("kpis/aggregate_registrations"), until=until))
