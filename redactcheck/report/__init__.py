"""Renderers: every output format, reached through :func:`render`.

Under ``--redact`` the report is masked once, in :mod:`redactcheck.report.redact`, before any
renderer sees it, so no format can forget to mask.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from redactcheck.report.redact import redact_report
from redactcheck.results import Report

FORMATS: dict[str, str] = {
    "table": "redactcheck.report.table:render",
    "json": "redactcheck.report.json_report:render",
    "jsonl": "redactcheck.report.jsonl:render",
    "sarif": "redactcheck.report.sarif:render",
    "csv": "redactcheck.report.csv_report:render",
    "html": "redactcheck.report.html:render",
}


def get_renderer(fmt: str) -> Callable[[Report], str]:
    module, _, func = FORMATS[fmt].partition(":")
    return getattr(import_module(module), func)


def shown_report(report: Report, *, redact: bool) -> Report:
    """The report every output shows: masked under ``--redact`` (renderers, stderr, --debug)."""
    if redact:
        return redact_report(report)
    return report


def render(report: Report, fmt: str, *, redact: bool) -> str:
    return get_renderer(fmt)(shown_report(report, redact=redact))


def _report_mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it and a rename, so a reader
    (or a CI step) never sees half a report, and a failed run leaves the old file whole.

    Only a regular file (or a new one) is replaced: ``-o /dev/null``, a FIFO or a terminal is
    written into, never swapped for a file (as root, a rename would replace the device itself),
    and a symbolic link keeps pointing where it did: the file it names is the one replaced.
    """
    path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            fh.write(text)
        return
    folder = path.parent
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a report is read and shared like any file the
        # user writes, so it gets the mode an ordinary write would give (or the old file's)
        os.fchmod(fd, _report_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
            fh.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
