"""Checking OParl output against the official OParl 1.1 schemas (../shared/oparl-1.1) and the
rules of the specification's text that no schema can express.

The schema files describe an embedded object with a keyword of their own, ``"schema": "File.json"``,
which a validator ignores; here it becomes a ``$ref`` to the sibling file, so embedded Files,
Consultations and Locations are checked as well. ``format: url`` (not a JSON Schema format) is
checked as an absolute http(s) URL, ``date`` and ``date-time`` strictly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import SHARED

OPARL_DIR = SHARED / "oparl-1.1"
SCHEMA_BASE = "https://schema.oparl.org/1.1/"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"

needs_schemas = pytest.mark.skipif(
    not (OPARL_DIR / "schema" / "Paper.json").exists(), reason="../shared/oparl-1.1 (the OParl schemas) is absent"
)


def _with_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: _with_refs(v) for k, v in node.items() if k != "schema"}
        if isinstance(node.get("schema"), str) and node["schema"].endswith(".json"):
            out["$ref"] = node["schema"]
        return out
    if isinstance(node, list):
        return [_with_refs(v) for v in node]
    return node


def _is_url(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


class OparlValidator:
    def __init__(self, folder: Path = OPARL_DIR / "schema") -> None:
        from jsonschema import Draft202012Validator, FormatChecker
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        schemas = {}
        for path in sorted(folder.glob("*.json")):
            schema = _with_refs(json.loads(path.read_text(encoding="utf-8")))
            schema["$id"] = SCHEMA_BASE + path.name
            schemas[path.stem] = schema
        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas.values()
        )
        checker = FormatChecker(formats=())
        checker.checks("url")(_is_url)
        checker.checks("date")(_is_date)
        checker.checks("date-time")(_is_date_time)
        self.validators = {
            name: Draft202012Validator(schema, registry=registry, format_checker=checker)
            for name, schema in schemas.items()
        }

    def errors(self, obj: dict[str, Any]) -> list[str]:
        """Every schema violation of ``obj`` (and of the objects embedded in it), as readable lines."""
        kind = str(obj.get("type", "")).removeprefix(TYPE_PREFIX)
        validator = self.validators.get(kind)
        if validator is None:
            return [f"{obj.get('id')}: unknown type {obj.get('type')!r}"]
        return [
            f"{obj.get('id')}: {'/'.join(map(str, e.absolute_path)) or '(object)'}: {e.message}"
            for e in validator.iter_errors(obj)
        ]


def objects_in(obj: Any) -> Iterator[dict[str, Any]]:
    """An object and every OParl object embedded in it (a dict with an OParl type), depth first."""
    if isinstance(obj, dict):
        if str(obj.get("type", "")).startswith(TYPE_PREFIX):
            yield obj
        for value in obj.values():
            yield from objects_in(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from objects_in(value)


def links_in(obj: Any) -> Iterator[str]:
    """Every string value that is a URL (ids included)."""
    if isinstance(obj, dict):
        for value in obj.values():
            yield from links_in(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from links_in(value)
    elif isinstance(obj, str) and obj.startswith(("http://", "https://")):
        yield obj


def spec_problems(obj: dict[str, Any], base: str) -> list[str]:
    """Rules of the specification's text for an object of the archive and its embedded objects:
    created/modified on every object, ids under the configured base URL."""
    problems = []
    for o in objects_in(obj):
        if not o["id"].startswith(base + "/"):
            if o["type"].endswith("/Location"):
                continue  # a Location kept as the OParl source embedded it
            problems.append(f"{o['id']}: id not under the base URL {base}")
        for prop in ("created", "modified"):
            if prop not in o:
                problems.append(f"{o['id']}: no {prop}")
    return problems


def crawl(client: Any, base: str) -> tuple[dict[str, Any], set[str]]:
    """Everything reachable from the entry point /oparl: {URL: JSON} of objects and list pages
    (links.next followed, every object URL fetched), and the Files' access and download URLs.

    Asserts on the way what every OParl response must do: 200, JSON, CORS header."""
    entry = client.get("/oparl", follow_redirects=False)
    assert entry.status_code == 307 and entry.headers["access-control-allow-origin"] == "*"
    queue = [entry.headers["location"]]
    found: dict[str, Any] = {}
    files: set[str] = set()
    while queue:
        url = queue.pop()
        if url in found:
            continue
        response = client.get(url.removeprefix(base))
        assert response.status_code == 200, (url, response.text)
        assert response.headers["content-type"].startswith("application/json"), url
        assert response.headers["access-control-allow-origin"] == "*", url
        found[url] = data = response.json()
        for link in links_in(data):
            if not link.startswith(base + "/oparl/"):
                continue
            if link.startswith((base + "/oparl/access/", base + "/oparl/download/")):
                files.add(link)
            elif link not in found:
                queue.append(link)
    return found, files


def pages_and_objects(found: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    pages = {u: d for u, d in found.items() if "data" in d and "links" in d}
    return pages, {u: d for u, d in found.items() if u not in pages}
