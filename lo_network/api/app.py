"""Placeholder: the API helper fills this in."""

from fastapi import FastAPI


def create_api() -> FastAPI:
    return FastAPI(title="lo_network API", docs_url="/api/v1/docs", openapi_url="/api/v1/openapi.json")
