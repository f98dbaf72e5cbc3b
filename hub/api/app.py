"""The hub's ASGI application: routers, problem handlers and the protocol gate, wired to
one database and one blob store. Building the app never migrates the database; `serve`
and the embedded hub do that first."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from fieldnote.wire import SUPPORTED_PROTOCOLS
from hub import releases
from hub.api import admin, auth, blobs, leads, problems, shared, sharing, sync
from hub.api.deps import Hub
from hub.blobs import BlobStore
from hub.db.engine import make_engine
from hub.feed import read_epoch
from hub.logs import hide_queries
from hub.mail_sender import MailWorker
from hub.retention import RetentionWorker
from hub.settings import (
    HubSettings,
    resolve_blobs_dir,
    resolve_db_pool,
    resolve_db_url,
    resolve_retention_first_s,
)
from hub.webhook_sender import DeliveryWorker
from resources.version import app_version


def create_app(settings: HubSettings, *, retention_first_s: float | None = None) -> FastAPI:
    """The app; its webhook delivery and mail workers (`app.state.deliveries`, `.mails`) run
    while the app's
    lifespan does (`serve`); a host without lifespan events starts and stops it itself
    (`hub.embedded`). With `retention_first_s` the daily retention job (`hub.retention`) runs
    too, first that many seconds after start-up."""
    engine = make_engine(settings.db_url, max_connections=settings.db_pool)
    deliveries = DeliveryWorker(engine)
    retention = (RetentionWorker(engine, settings.blobs_dir, first_s=retention_first_s)
                 if retention_first_s is not None else None)
    mails = MailWorker(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        deliveries.start()
        mails.start()
        if retention is not None:
            retention.start()
        try:
            yield
        finally:
            if retention is not None:
                retention.stop()
            mails.stop()
            deliveries.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="Fieldnote hub",
        version=app_version(),
        summary="Sync endpoint for the Fieldnote desktop app (protocol version 1)",
        openapi_url="/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = Hub(
        settings=settings, engine=engine, epoch=read_epoch(engine),
        blobs=BlobStore(settings.blobs_dir),
    )
    app.state.deliveries = deliveries
    app.state.retention = retention
    app.state.mails = mails
    problems.install(app)
    app.add_middleware(problems.ProtocolGate)

    @app.get("/v1/health", tags=["health"])
    def health() -> dict[str, Any]:
        # `desktop_release` (docs/protocol-extensions.md): what IT published, or null.
        release = releases.published_release(engine)
        return {"status": "ok", "protocol": list(SUPPORTED_PROTOCOLS), "hub_version": app_version(),
                "desktop_release": release.as_wire() if release else None}

    app.include_router(auth.router)
    app.include_router(sync.router)
    app.include_router(blobs.router)
    app.include_router(admin.router)
    app.include_router(leads.router)
    app.include_router(sharing.router)
    app.include_router(sharing.links)
    app.include_router(shared.router)
    _describe_problems(app)
    return app


def _describe_problems(app: FastAPI) -> None:
    """Serve an OpenAPI document that lists the problem answers every route gives."""
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, summary=app.summary,
                              routes=app.routes)
            app.openapi_schema = problems.describe_problems(doc)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` and worker processes: settings from the environment."""
    db_url = resolve_db_url(None)
    # Access lines name paths without their queries (an email address looked up).
    hide_queries()
    app = create_app(HubSettings(db_url=db_url, blobs_dir=resolve_blobs_dir(None),
                                 db_pool=resolve_db_pool()),
                     retention_first_s=resolve_retention_first_s())
    # The modules and objects made so far live as long as the process: keep them out of the
    # cyclic collector's full passes, which otherwise walk them over and over while requests
    # allocate rows (this halves pull time). Only the serving process does this; an
    # embedded hub leaves its host's collector alone.
    gc.freeze()
    # A push of 500 leads allocates a few hundred thousand containers that live until its
    # answer; with the default threshold (700) the collector walks the young ones again and
    # again, about an eighth of the push's CPU. Almost all of them are freed by reference
    # counting, so collecting young objects every 10,000 allocations is plenty.
    gc.set_threshold(10_000, 20, 20)
    return app
