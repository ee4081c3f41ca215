"""Imported first in the fork server of the guarded worker pool (archiv/guard.py), never elsewhere.

The server is started by the ingest and lives as long as that process; the workers forked from it
die with the server (guard.die_with_parent). Here the server itself is made to die with the process
that started it, so that killing an ingest (even with SIGKILL) stops the server and every worker; and
Ctrl-C, which a terminal sends to every process of the group, is left to the ingest (it stops the
workers and says so in one line; the server would print a traceback while it is still loading).
"""

from __future__ import annotations

import signal

from .guard import die_with_parent

die_with_parent()
signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the ingest handles it
