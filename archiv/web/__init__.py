"""The web interface: German search pages, a JSON API, OParl Papers and Atom feeds over one Archive.

Started by ``archiv serve``; ``create_app(index_dir, public=...)`` gives the ASGI app for any server.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
