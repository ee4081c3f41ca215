"""The base URL OParl ids are made from, kept in the index folder beside the records.

An OParl id is a URL that must stay the same for ever, so it comes from configuration (``--base-url``)
and never from the Host header of a request: a server behind a proxy, or reached under two names,
would otherwise hand out ids that change with the client.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ArchivError, ExitCode

SETTINGS_FILE = "archiv-settings.json"


class BaseUrlError(ArchivError):
    exit_code = ExitCode.USAGE


def check_base_url(url: str) -> str:
    """The URL without a trailing slash; BaseUrlError unless it is an absolute http(s) URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BaseUrlError(
            f"--base-url '{url}' is not an absolute http(s) URL without query (e.g. https://archiv.example.org)"
        )
    return url.strip().rstrip("/")


def recorded_base_url(index_dir: Path) -> str | None:
    try:
        value = json.loads((index_dir / SETTINGS_FILE).read_text(encoding="utf-8")).get("base_url")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value else None


def record_base_url(index_dir: Path, url: str) -> None:
    path = index_dir / SETTINGS_FILE
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(settings, dict):
            settings = {}
    except (OSError, ValueError):
        settings = {}
    if settings.get("base_url") == url:
        return
    settings["base_url"] = url
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def resolve_base_url(index_dir: Path, given: str | None) -> str | None:
    """``given`` (checked, and recorded in the index) or else the recorded one; None if neither."""
    if given:
        url = check_base_url(given)
        record_base_url(index_dir, url)
        return url
    return recorded_base_url(index_dir)
