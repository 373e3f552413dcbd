"""Per-file isolation: whatever goes wrong with one file becomes one line, and the scan goes on.

The pipeline runs each file inside :func:`guard`. Any exception, from reading, an extractor, a
detector or a limit, is turned into an :class:`Outcome`: *skipped* (not a document, e.g. a
binary; listed with ``--verbose``) or *error* (a one-line reason that never quotes the file's
content, plus the traceback for ``--debug``). ``KeyboardInterrupt`` and ``SystemExit`` pass.
"""

from __future__ import annotations

import errno
import os
import stat
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from redactcheck.errors import ExtractError, NotADocument
from redactcheck.limits import LimitExceeded, Limits


@dataclass(slots=True)
class Outcome:
    """What went wrong with one file, if anything."""

    error: str | None = None
    skipped: str | None = None
    detail: str | None = None  # traceback, shown only with --debug
    frames: str | None = None  # the same without exception messages (--debug under --redact)
    stage: list[str] = field(default_factory=lambda: ["reading"])

    def at(self, stage: str) -> None:
        """Name the step now running, so an unexpected failure says where it happened."""
        self.stage[0] = stage


def describe_os_error(exc: OSError) -> str:
    """A one-line reason for an operating-system error (no content, no traceback)."""
    code = exc.errno
    if code == errno.ENOENT:
        return "file vanished during the scan (no such file)"
    if code in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    if code == errno.ELOOP:
        return "symbolic-link loop"
    if code == errno.ENAMETOOLONG:
        return "path is too long for the operating system"
    if code == errno.EISDIR:
        return "is a folder, not a file"
    reason = exc.strerror or type(exc).__name__
    return f"cannot read: {reason[:1].lower() + reason[1:]}"


class guard:  # noqa: N801 - used as ``with guard(outcome):``, like the function it was
    """Turn any failure inside the block into ``outcome.error`` or ``outcome.skipped``.

    A class rather than a ``@contextmanager`` generator: it runs for every file, twice, and
    the generator machinery cost more than scanning a small file's marking keywords."""

    __slots__ = ("outcome",)

    def __init__(self, outcome: Outcome):
        self.outcome = outcome

    def __enter__(self) -> Outcome:
        return self.outcome

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, Exception):
            return False  # clean, or KeyboardInterrupt / SystemExit: let it through
        outcome = self.outcome
        if isinstance(exc, NotADocument):
            outcome.skipped = str(exc)
        elif isinstance(exc, LimitExceeded):
            outcome.error = str(exc)
        elif isinstance(exc, ExtractError):
            outcome.error = str(exc)
            outcome.detail, outcome.frames = _trace(exc), content_free_trace(exc)
        elif isinstance(exc, OSError):
            outcome.error = describe_os_error(exc)
            outcome.detail, outcome.frames = _trace(exc), content_free_trace(exc)
        elif isinstance(exc, MemoryError):
            outcome.error = f"ran out of memory while {outcome.stage[0]}; not scanned"
        elif isinstance(exc, RecursionError):
            outcome.error = f"structure nested too deeply while {outcome.stage[0]}; not scanned"
            outcome.detail, outcome.frames = _trace(exc), content_free_trace(exc)
        else:
            outcome.error = (
                f"internal error while {outcome.stage[0]} ({type(exc).__name__}); not scanned "
                "(--debug shows the traceback)"
            )
            outcome.detail, outcome.frames = _trace(exc), content_free_trace(exc)
        return True


def _trace(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))


def content_free_trace(exc: BaseException) -> str:
    """The traceback of ``exc`` and its causes as frames (file, line, function) and exception
    type names only: a message may quote the document (a parser's complaint about a line, a
    ``KeyError`` of a word), so ``--redact --debug`` shows this."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    out: list[str] = []
    for item in reversed(chain):
        out.append("Traceback (most recent call last):\n")
        out.extend(
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(item.__traceback__)
        )
        name = f"{type(item).__module__}.{type(item).__qualname__}"
        out.append(f"{name} (message hidden: --redact)\n")
    return "".join(out)


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file, refusing anything over ``max_file_size``.

    The size is checked before reading and again while reading (a file may grow), and only
    regular files are opened: a FIFO or a device would block or never end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotADocumentFile("not a regular file (device, pipe or socket); skipped")
        limit = limits.max_file_size
        if limit and info.st_size > limit:
            raise LimitExceeded(_too_large(limit))
        data = _read_all(fd, info.st_size, limit + 1 if limit else None)
    finally:
        os.close(fd)
    if limit and len(data) > limit:
        raise LimitExceeded(_too_large(limit))
    return data


def _read_all(fd: int, size: int, cap: int | None) -> bytes:
    """Up to ``cap`` bytes of ``fd``, asking first for the size ``fstat`` gave plus one byte.

    Asking a buffered file for ``cap`` bytes (100 MB by default) made it allocate that much
    for every small file: on a tree of small files, more time than scanning them.
    """
    parts: list[bytes] = []
    total = 0
    want = size + 1  # one byte more than expected: a file that grew is read on, not cut
    while cap is None or total < cap:
        asked = want if cap is None else min(want, cap - total)
        chunk = os.read(fd, asked)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        if len(chunk) < asked and total >= size:
            break  # all that fstat promised, and the read stopped short of more: the end
        want = 1 << 20  # the file grew, or the read was short: go on in 1 MB steps
    return parts[0] if len(parts) == 1 else b"".join(parts)


class NotADocumentFile(NotADocument):
    """A path that is not a regular file."""


def _too_large(limit: int) -> str:
    return f"file is larger than the limit of {limit} bytes (--max-file-size)"
