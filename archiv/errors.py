"""Exit codes and the exceptions that carry them.

Every failure a user can cause or fix has its own class with an exit code and a
message that says what to do. Only the CLI turns these into process exit codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    USAGE = 2
    PARTIAL_FAILURE = 3
    INPUT_FILE = 4
    NOT_FOUND = 5
    INDEX = 6
    MISSING_DEPENDENCY = 7


class ArchivError(Exception):
    """Base class: a failure with a user-facing message and an exit code."""

    exit_code: ExitCode = ExitCode.INTERNAL


class InputFileError(ArchivError):
    """A file cannot be read or parsed. The message names the file and the reason."""

    exit_code = ExitCode.INPUT_FILE

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmptyFileError(InputFileError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "empty file (0 bytes)")


class UnsupportedFormatError(InputFileError):
    pass


class SkippedFileError(InputFileError):
    """A path that is no document to ingest (not a regular file, over the size limit, JSON that
    holds no OParl Paper, a manifest): ``ingest`` names it as skipped, not as failed."""


class EncryptedPdfError(InputFileError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "PDF is encrypted with a user password; decrypt it first (e.g. qpdf --decrypt)")


class ParseTimeoutError(InputFileError):
    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(path, f"parsing took longer than {seconds:g} s and was stopped (hostile or damaged file?)")


class ParseCrashError(InputFileError):
    """The guarded worker died (memory limit, native crash) while parsing the file."""


class MissingDependencyError(ArchivError):
    exit_code = ExitCode.MISSING_DEPENDENCY

    def __init__(self, what: str, install: str) -> None:
        super().__init__(f"{what} is not installed; install it with: {install}")
        self.install = install


class NotFoundError(ArchivError):
    exit_code = ExitCode.NOT_FOUND


class IndexStateError(ArchivError):
    """The index folder is missing, from another schema version, or unusable."""

    exit_code = ExitCode.INDEX


class QueryError(ArchivError):
    """A malformed search query. The message shows the position of the problem."""

    exit_code = ExitCode.USAGE

    def __init__(self, query: str, position: int, reason: str) -> None:
        pointer = " " * position + "^"
        super().__init__(f"invalid query: {reason} at position {position + 1}\n  {query}\n  {pointer}")
        self.query = query
        self.position = position
        self.reason = reason
