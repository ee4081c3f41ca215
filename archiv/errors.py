"""Exit codes and the exceptions that carry them.

Every failure a user can cause or fix has its own class with an exit code and a
message that says what to do. Only the CLI turns these into process exit codes.
``EXIT_CODES`` is the table the README documents (a test holds the two together).
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
    INTERRUPTED = 130


# What each exit code means, as the README's table says it.
EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "success (`ingest`: every document was ingested or skipped)",
    ExitCode.INTERNAL: "internal error (a bug: please report it)",
    ExitCode.USAGE: "usage error: an unknown option, a bad value, an invalid query",
    ExitCode.PARTIAL_FAILURE: "`ingest`: some documents failed (in this run or before)",
    ExitCode.INPUT_FILE: "a file that cannot be read or parsed (`extract`), a timeout, a crashed parser",
    ExitCode.NOT_FOUND: "nothing found under that id, Vorlage-Nr. or Aktenzeichen",
    ExitCode.INDEX: "index missing, from another version, busy or damaged (`check`)",
    ExitCode.MISSING_DEPENDENCY: "a program archiv needs is not installed (e.g. Tesseract for a scan)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C or SIGTERM); what was added is kept",
}


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
    """The guarded worker ran out of time on the file and was stopped."""


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
    """A malformed search query. The message shows the position of the problem; ``code`` names the
    problem for callers that word it themselves (the web says it in German)."""

    exit_code = ExitCode.USAGE

    def __init__(self, query: str, position: int, code: str, reason: str | None = None, detail: str = "") -> None:
        reason = reason or QUERY_PROBLEMS[code]
        pointer = " " * position + "^"
        super().__init__(f"invalid query: {reason} at position {position + 1}\n  {query}\n  {pointer}")
        self.query = query
        self.position = position
        self.code = code
        self.reason = reason
        self.detail = detail  # the word at fault (a field name, a value), for a caller's own wording


# The problems a query can have: code -> English wording (the web has its German one per code).
QUERY_PROBLEMS = {
    "unclosed-quote": "unclosed quotation mark",
    "unclosed-parenthesis": "unclosed parenthesis",
    "unmatched-parenthesis": "unmatched closing parenthesis",
    "empty-group": "empty group",
    "or-operand": "OR needs a term on both sides",
    "nothing-to-exclude": "nothing to exclude after '-'",
    "unexpected-input": "unexpected input",
    "unexpected-character": "unexpected character",
    "unknown-field": "unknown field",
    "needs-value": "a field needs a value",
    "bad-value": "not a valid value",
    "open-range": "a range needs at least one end",
    "too-long": "query too long",
}


def _subclasses(cls: type[ArchivError]) -> dict[str, type[ArchivError]]:
    found = {cls.__name__: cls}
    for sub in cls.__subclasses__():
        found.update(_subclasses(sub))
    return found


def rebuild_error(name: str, path: str, message: str, exit_code: int = ExitCode.INPUT_FILE) -> ArchivError:
    """The error a worker reported by class name, raised again in the parent with its own type.

    ``message`` is the reason for an InputFileError (the path is added), else the whole message
    (the path is put in front, so the one line still names the file)."""
    cls = _subclasses(ArchivError).get(name)
    if cls is None:  # a class the parent does not know (another version): keep its exit code
        error = ArchivError(f"{path}: {message}")
        error.exit_code = ExitCode(exit_code)
        return error
    error = cls.__new__(cls)  # constructors differ in their arguments; the message is already made
    if issubclass(cls, InputFileError):
        InputFileError.__init__(error, path, message)
    else:
        ArchivError.__init__(error, f"{path}: {message}")
    return error
