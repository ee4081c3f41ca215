"""The web app: routes over ArchiveView, German pages from templates, JSON for the API and OParl.

Read-only by construction: every route is GET (HEAD), nothing writes to the index. Responses
carry a Content-Security-Policy that allows no script at all, so even a mistake in escaping
could not run code; the pages need none.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..models import ENTITY_KINDS, Vorlage
from ..names import ROLE_LABELS
from ..oparl import file_name, mime_type
from ..oparl.settings import recorded_base_url
from ..search.query import MAX_QUERY_LENGTH
from .feed import atom_feed
from .oparl_api import OparlCors, oparl_routes
from .params import (
    DEFAULT_PAGE_SIZE,
    FEED_SIZE,
    MAX_RESULT_WINDOW,
    SORT_LABELS,
    BadRequest,
    SearchRequest,
    parse_search,
)
from .render import render
from .view import ArchiveView
from .zeitverlauf import chart_for, statistik_context, vorgang_of, vorlage_context, without_hidden_decisions

STATIC = Path(__file__).parent / "static"
FACET_LABELS = {"gremium": "Gremium", "jahr": "Jahr", "art": "Art", "fachbereich": "Fachbereich"}
FACET_LABELS |= {"koerperschaft": "Körperschaft", "einreicher": "Einreicher", "ergebnis": "Ergebnis"}
ENTITY_LABELS = dict(
    zip(
        ENTITY_KINDS,
        ("Gremien", "Personen", "Orte", "Organisationen", "Beträge", "Rechtsnormen", "Vorlagen", "Daten"),
        strict=True,
    )
)
SEARCH_CONTEXT = {"sort_labels": SORT_LABELS, "facet_labels": FACET_LABELS, "facets_shown": 8}
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
     b"base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]  # fmt: skip


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response (a plain ASGI middleware: streaming stays intact)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (n, v) for n, v in SECURITY_HEADERS if n not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    index_dir: Path | str, *, public: bool = False, backend: str | None = None, base_url: str | None = None
) -> Starlette:
    """The app over the archive in ``index_dir``; raises IndexStateError at once if there is none.

    ``backend``: None for the one the index was built with. ``base_url``: where the archive is
    served, the prefix of every OParl id (None: the one recorded in the index; without one, the
    OParl routes answer 503).
    """
    view = ArchiveView(Path(index_dir), backend=backend, public=public)
    oparl_base = base_url or recorded_base_url(Path(index_dir))

    def base_url(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def record(request: Request) -> Vorlage:
        v = view.get(request.path_params["id"])
        if v is None:  # unknown, malformed or (in public mode) not public: all look alike
            raise HTTPException(404, "Diese Vorlage gibt es im Archiv nicht.")
        return without_hidden_decisions(view, v)

    def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("feed_url", None)
        body = render(template, public=public, max_query_length=MAX_QUERY_LENGTH, **SEARCH_CONTEXT, **context)
        return HTMLResponse(body, status_code=status_code)

    # -- HTML ---------------------------------------------------------------------------------

    def search_page(request: Request) -> Response:
        try:
            req = parse_search(request.query_params)
        except BadRequest as e:
            empty = SearchRequest(q=(request.query_params.get("q") or "")[:MAX_QUERY_LENGTH])
            return page("search.html", 400, req=empty, error=str(e), result=None)
        result = view.search(req)
        records = view.get_many([h.id for h in result.hits])
        hits = [(h, records[h.id]) for h in result.hits if h.id in records]
        last_page = max(1, -(-min(result.total, MAX_RESULT_WINDOW) // req.pro_seite))
        return page(
            "search.html",
            req=req,
            error=None,
            result=result,
            hits=hits,
            facets=_facets(result.facets),
            last_page=last_page,
            feed_url=req.url("/feed"),
            chart=chart_for(view, req, result) if result.total else None,
        )

    def vorlage_page(request: Request) -> Response:
        requested = record(request)
        group = view.group(requested)
        role = group.role(requested.id)
        # A file of the paper shows the Vorlage (its fields from all its files); an Anlage or a
        # revised version shows itself, and leads to its Vorlage.
        v = group.merged if role == "datei" else requested
        return page(
            "vorlage.html",
            v=v,
            requested=requested,
            group=group,
            role=role,
            role_labels=ROLE_LABELS,
            file_name=lambda r: file_name(r) if public else r.source.path,
            gremien=_gremien(v),
            entities=[(ENTITY_LABELS[k], v.entities.get(k, ())) for k in ENTITY_KINDS if v.entities.get(k)],
            same_az=view.same_aktenzeichen(v),
            cited=view.cited(v),
            similar=view.similar(v),
            has_file=view.original(requested) is not None,
            source_name=file_name(requested) if public else requested.source.path,
            **vorlage_context(view, v),
        )

    def vorgang_page(request: Request) -> Response:
        return page("vorgang.html", g=vorgang_of(view, record(request)))

    def statistik_page(request: Request) -> Response:
        return page("statistik.html", **statistik_context(view))

    def datei(request: Request) -> Response:
        v = record(request)
        path = view.original(v)
        if path is None:
            raise HTTPException(404, "Die Originaldatei dieser Vorlage ist nicht mehr vorhanden.")
        headers = {
            # Set here, so Starlette adds no charset: the original's encoding is its own (often Latin-1).
            "content-type": mime_type(v),
            "content-disposition": _content_disposition(file_name(v)),
            # An HTML original could carry scripts: never let it run under this site's origin.
            "content-security-policy": "sandbox; default-src 'none'",
        }
        return FileResponse(path, media_type=mime_type(v), headers=headers)

    # -- JSON, OParl, Atom --------------------------------------------------------------------

    def api_search(request: Request) -> Response:
        try:
            req = parse_search(request.query_params)
        except BadRequest as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        return JSONResponse(view.search(req).to_dict())

    def api_vorlage(request: Request) -> Response:
        v = record(request)
        data = v.to_dict()
        if public:
            data["source"]["path"] = file_name(v)  # the server's folders are nobody's business
        return JSONResponse(data)

    def feed(request: Request) -> Response:
        try:
            req = replace(parse_search(request.query_params), seite=1, pro_seite=DEFAULT_PAGE_SIZE)
        except BadRequest as e:
            return Response(str(e) + "\n", status_code=400, media_type="text/plain; charset=utf-8")
        result = view.search(replace(req, sortierung="neueste", pro_seite=FEED_SIZE))
        records = view.get_many([h.id for h in result.hits])
        base = base_url(request)
        body = atom_feed(
            title=f"archiv: {_describe(req)}",
            self_url=base + replace(req, sortierung=None).url("/feed"),
            page_url=base + replace(req, sortierung="neueste").url("/"),
            base_url=base,
            hits=[(h, records[h.id]) for h in result.hits if h.id in records],
        )
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    # -- errors -------------------------------------------------------------------------------

    def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else "Diese Seite gibt es nicht."
        if exc.status_code == 405:
            message = "Das Archiv kann hier nur gelesen werden."
        if request.url.path.startswith(("/api/", "/oparl/")):
            return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)
        return page("error.html", exc.status_code, message=message, status=exc.status_code)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        view.close()

    routes = [
        Route("/", search_page),
        Route("/vorlage/{id}", vorlage_page),
        Route("/vorgang/{id}", vorgang_page),
        Route("/statistik", statistik_page),
        Route("/datei/{id}", datei),
        Route("/api/search", api_search),
        Route("/api/vorlagen/{id}", api_vorlage),
        Route("/feed", feed),
        *oparl_routes(view, oparl_base),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error}, lifespan=lifespan)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(OparlCors)
    app.state.view = view
    return app


def _facets(raw: dict[str, dict[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    out = []
    for name in FACET_LABELS:
        counts = list(raw.get(name, {}).items())
        if name == "jahr":
            counts.sort(key=lambda kv: kv[0], reverse=True)
        if counts:
            out.append((name, counts))
    return out


def _gremien(v: Vorlage) -> list[str]:
    return list(dict.fromkeys(r.gremium for r in v.beschlusslauf))


def _describe(req: SearchRequest) -> str:
    parts = [f"„{req.q}“" if req.q else "alle Vorlagen"]
    parts += [f"{FACET_LABELS[f]}: {value}" for f, value in req.active_filters]
    if req.von or req.bis:
        parts.append(f"Datum {req.von or '…'} bis {req.bis or '…'}")
    return ", ".join(parts)


def _content_disposition(name: str) -> str:
    """attachment with an ASCII fallback name and the exact name in RFC 5987 form."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name) or "datei"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
