"""The page functions. Each registers itself where it is defined, with ``@page(route,
title, on_load)`` (a page shown at two routes, new and existing, has two); the app
(lo_network/lo_network.py) imports every module of this package and adds what registered."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx


@dataclass(frozen=True)
class Page:
    render: Callable[[], rx.Component]
    route: str
    title: Any
    on_load: Any = None


_REGISTERED: list[Page] = []


def page(route: str, title: Any, on_load: Any = None) -> Callable:
    """Register the decorated function as the page at ``route``."""

    def register(render: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        _REGISTERED.append(Page(render, route, title, on_load))
        return render

    return register


def registered() -> list[Page]:
    """Every page of the app: the modules of this package are imported, so each registers."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return list(_REGISTERED)
