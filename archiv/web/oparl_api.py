"""OParl 1.1 over HTTP: the System at /oparl/system (``/oparl`` leads there), Bodies, list pages,
Papers, Files, Consultations, Organizations, and the Files' access and download URLs.

Every id comes from the configured base URL, never from the request's Host header. The object
graph is built once from the records and built again when the record store changes.
"""

from __future__ import annotations

import threading
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..oparl.lists import ListQuery, ListQueryError
from ..oparl.site import Site, store_stamp
from .view import ArchiveView

CORS = (b"access-control-allow-origin", b"*")


class OparlCors:
    """``Access-Control-Allow-Origin: *`` on every response under /oparl, errors included (spec 2.6)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not (scope["path"] == "/oparl" or scope["path"].startswith("/oparl/")):
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), CORS]
            await send(message)

        await self.app(scope, receive, send_with_cors)


class _SiteCache:
    """One Site per state of the record store (its row count and the files' modification times)."""

    def __init__(self, view: ArchiveView, base_url: str) -> None:
        self.view = view
        self.base_url = base_url
        self._lock = threading.Lock()
        self._marker: tuple[Any, ...] | None = None
        self._site: Site | None = None

    def _state(self) -> tuple[Any, ...]:
        files = [self.view.index_dir / n for n in ("records.sqlite3", "records.sqlite3-wal")]
        return tuple(f.stat().st_mtime_ns if f.exists() else None for f in files)

    def get(self) -> Site:
        state = self._state()
        with self._lock:
            if self._site is None or state != self._marker:
                self._site = Site(
                    self.view.records(),
                    self.base_url,
                    original_of=self.view.original,
                    texts=lambda ids: {i: v.text for i, v in self.view.get_many(ids).items()},
                    web=True,
                    fallback=store_stamp(self.view.index_dir),
                )
                self._marker = state
            return self._site


def oparl_routes(view: ArchiveView, base_url: str | None) -> list[Route]:
    cache = _SiteCache(view, base_url) if base_url else None

    def site() -> Site:
        if cache is None:
            raise HTTPException(503, "OParl needs a base URL for its ids: start with 'archiv serve --base-url URL'.")
        return cache.get()

    def json(data: dict[str, Any]) -> Response:
        return JSONResponse(data, media_type="application/json")

    def entry(request: Request) -> Response:
        return RedirectResponse(site().urls.system(), status_code=307)

    def system(request: Request) -> Response:
        return json(site().system())

    def listing(request: Request) -> Response:
        p = request.path_params
        try:
            query = ListQuery.parse(request.query_params)
        except ListQueryError as e:
            raise HTTPException(400, str(e)) from e
        page = site().list_page(p.get("kind", "bodies"), p.get("body"), p["page"], query)
        if page is None:
            raise HTTPException(404, "Diese Liste oder Listenseite gibt es nicht.")
        return json(page)

    def obj(request: Request) -> Response:
        kind, key = request.path_params["kind"], request.path_params["key"]
        s = site()
        canonical = s.canonical(kind, key)
        if canonical:  # another record of the same Paper: its one URL
            return RedirectResponse(s.urls.obj(kind, canonical), status_code=308)
        found = s.object(kind, key)
        if found is None:
            raise HTTPException(404, "Dieses Objekt gibt es im Archiv nicht.")
        return json(found)

    def serve_file(request: Request, disposition: str) -> Response:
        key, name = request.path_params["key"], request.path_params["name"]
        content = site().content(key, name)
        if content is None:
            raise HTTPException(404, "Diese Datei gibt es im Archiv nicht (mehr).")
        headers = {
            "content-disposition": f'{disposition}; filename="{content.file_name}"',
            # An HTML original could carry scripts: never let it run under this site's origin.
            "content-security-policy": "sandbox; default-src 'none'",
            "content-type": content.media_type,
        }
        if content.path is not None:
            return FileResponse(content.path, media_type=content.media_type, headers=headers)
        return Response(content.data, media_type=content.media_type, headers=headers)

    def access(request: Request) -> Response:
        return serve_file(request, "inline")  # the spec forbids 'attachment' here

    def download(request: Request) -> Response:
        return serve_file(request, "attachment")

    return [
        Route("/oparl", entry),
        Route("/oparl/", entry),
        Route("/oparl/system", system),
        Route("/oparl/bodies/{page:int}", listing),
        Route("/oparl/access/{key}/{name}", access),
        Route("/oparl/download/{key}/{name}", download),
        Route("/oparl/{kind}/{body}/{page:int}", listing),
        Route("/oparl/{kind}/{key}", obj),
    ]
