"""Resource limits for one file: size, archive members, line length and a time budget.

A hostile or damaged file must cost a bounded amount of memory and time, then become one line
under ``errors``; the scan goes on. The pipeline opens a :func:`file_scope` around each file;
code deeper down (extractors, detectors, chunkers, pool workers) reads the limits in force with
:func:`current` and calls :func:`check_deadline` between pages, parts or chunks.

The time budget is enforced twice:

* cooperatively: :func:`check_deadline` raises :class:`FileTimeout` once the budget is spent;
* preemptively, when the scope runs in a process's main thread on a POSIX system: a
  ``SIGALRM`` timer raises :class:`FileTimeout` in whatever Python code is running, including a
  regular-expression match (CPython's ``re`` checks for signals). C code that never returns to
  the interpreter cannot be interrupted this way; a process pool that kills its worker is the
  only cure for that, and such a pool can call :func:`file_scope` inside the worker.

Everything here raises subclasses of :class:`~redactcheck.errors.ExtractError` with one-line,
content-free messages, so the pipeline reports them like any other unreadable file.
"""

from __future__ import annotations

import contextvars
import io
import signal
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from redactcheck.errors import ExtractError

try:  # the C function behind signal.signal, without its enum conversions (per-file cost)
    from _signal import SIG_DFL as _SIG_DFL
    from _signal import getsignal as _raw_getsignal
    from _signal import signal as _raw_signal
except ImportError:  # pragma: no cover - not CPython
    _raw_signal, _raw_getsignal, _SIG_DFL = signal.signal, signal.getsignal, signal.SIG_DFL

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost. ``0`` switches a limit off."""

    max_file_size: int = 100 * MB
    max_member_size: int = 100 * MB  # uncompressed size of one archive member
    max_archive_size: int = 500 * MB  # uncompressed size of all members together
    max_members: int = 10_000
    max_line_length: int = 1_000_000  # characters; spaCy's own limit for one text
    file_timeout: float = 600.0  # seconds
    timeout_per_mb: float = 0.0  # extra seconds per MB of input, so big files are not cut short

    def budget_for(self, size: int) -> float | None:
        """Seconds allowed for a file of ``size`` bytes (``None``: no budget)."""
        if not self.file_timeout or self.file_timeout <= 0:
            return None
        return self.file_timeout + self.timeout_per_mb * size / MB


class LimitExceeded(ExtractError):
    """A file is over one of the limits; the message names the limit and its flag."""


class FileTimeout(LimitExceeded):
    """The file used up its time budget."""


@dataclass(slots=True)
class _Scope:
    limits: Limits
    deadline: float | None  # time.monotonic() value, or None for no budget
    budget: float | None  # seconds, for messages
    alarm: bool = False  # the shared timer may interrupt this scope (main thread, budget set)


_SCOPE: contextvars.ContextVar[_Scope | None] = contextvars.ContextVar(
    "redactcheck_limits", default=None
)


def current() -> Limits:
    """The limits in force for the file being scanned (defaults outside a scan)."""
    scope = _SCOPE.get()
    return scope.limits if scope else Limits()


def timeout_message(seconds: float) -> str:
    return f"scan took longer than its time budget of {round(seconds, 1):g} s (--file-timeout)"


def check_deadline() -> None:
    """Raise :class:`FileTimeout` if the current file has used up its time budget.

    Cheap: call it between pages, segments or chunks.
    """
    scope = _SCOPE.get()
    if scope is not None and scope.deadline is not None and time.monotonic() > scope.deadline:
        raise FileTimeout(timeout_message(scope.budget or 0))


def remaining() -> float | None:
    """Seconds left in the current file's budget (``None`` when there is no budget)."""
    scope = _SCOPE.get()
    if scope is None or scope.deadline is None:
        return None
    return max(0.0, scope.deadline - time.monotonic())


def watchdog_seconds(limits: Limits, size: int = 0) -> float | None:
    """How long a process pool should wait for one file before killing its worker.

    The in-process budget stops Python code; a worker stuck in C code (a PDF library on a
    crafted file) never returns, so a pool that sees no answer after this long should kill
    the worker, report the file with :func:`timeout_message`, and start a new one.
    """
    budget = limits.budget_for(size)
    return None if budget is None else budget * 1.5 + 30.0


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Ticker:
    """One repeating ``SIGALRM`` timer shared by consecutive file scopes.

    Arming a timer and installing a handler for each file cost two system calls on the way in
    and two on the way out, a sizeable share of a rules-only scan of many small files. The
    ticker is armed once; each tick checks the deadline of the scope in force and raises
    :class:`FileTimeout` once it has passed (so a file overruns its budget by at most one
    tick, a quarter of the budget and never more than a second). Ticks go on while the file
    runs, so code that swallows one ``FileTimeout`` is hit again. The pipeline holds it across a
    batch of files (:func:`timer_held`); otherwise the end of the outermost scope stops it,
    and the previous handler is put back.
    """

    armed = False
    interval = 0.0
    previous = None
    held = 0  # > 0 while the pipeline runs a batch: scopes leave the timer running

    @classmethod
    def need(cls, budget: float) -> None:
        interval = max(0.01, min(1.0, budget / 4))
        if cls.armed and _raw_getsignal(signal.SIGALRM) is not cls.on_tick:
            cls.armed = False  # someone put their own handler in meanwhile: start afresh
        if cls.armed and cls.interval <= interval:
            return
        if not cls.armed:
            cls.previous = _raw_signal(signal.SIGALRM, cls.on_tick)
            cls.armed = True
        cls.interval = interval
        signal.setitimer(signal.ITIMER_REAL, interval, interval)

    @staticmethod
    def on_tick(signum, frame) -> None:  # noqa: ARG004
        scope = _SCOPE.get()
        if scope is None:
            stop_timer()
        elif scope.alarm and scope.deadline is not None and time.monotonic() >= scope.deadline:
            raise FileTimeout(timeout_message(scope.budget or 0))


def stop_timer() -> None:
    """Disarm the shared time-budget timer, if this thread armed it, and put the handler that
    was there before back (unless someone else's handler has replaced ours since)."""
    if not _Ticker.armed or not _can_use_alarm():
        return
    signal.setitimer(signal.ITIMER_REAL, 0)
    if _raw_getsignal(signal.SIGALRM) is _Ticker.on_tick:
        previous = _Ticker.previous
        _raw_signal(signal.SIGALRM, _SIG_DFL if previous is None else previous)
    _Ticker.armed, _Ticker.previous, _Ticker.interval = False, None, 0.0


@contextmanager
def timer_held() -> Iterator[None]:
    """Keep the time-budget timer running across the file scopes opened inside (one batch),
    instead of stopping it when each outermost scope ends; stopped at the end."""
    _Ticker.held += 1
    try:
        yield
    finally:
        _Ticker.held -= 1
        if not _Ticker.held:
            stop_timer()


class file_scope:  # noqa: N801 - used as ``with file_scope(...)``, like the function it was
    """Apply ``limits`` and start the time budget for a file of ``size`` bytes.

    A class rather than a generator, with no system call once the shared timer runs (see
    :class:`_Ticker`): it runs twice per file, and on a rules-only scan of many small files
    the per-file overhead of the friendlier spellings was a tenth of a millisecond per file.
    """

    __slots__ = ("_scope", "_token", "limits", "size")

    def __init__(self, limits: Limits, size: int = 0):
        self.limits = limits
        self.size = size

    def __enter__(self) -> None:
        budget = self.limits.budget_for(self.size)
        deadline = time.monotonic() + budget if budget else None
        alarm = budget is not None and _can_use_alarm()
        self._scope = _Scope(self.limits, deadline, budget, alarm)
        self._token = _SCOPE.set(self._scope)
        if alarm and budget is not None:  # alarm implies a budget; said again for mypy
            _Ticker.need(budget)

    def __exit__(self, *exc) -> None:
        self._scope.alarm = False  # a late tick during clean-up must not escape the scope
        _SCOPE.reset(self._token)
        if _Ticker.armed and not _Ticker.held and _SCOPE.get() is None:
            stop_timer()  # a scope used on its own leaves nothing behind


# --- text ------------------------------------------------------------------------------------


def check_line_length(text: str, limits: Limits | None = None) -> None:
    """Refuse text with a line longer than ``max_line_length`` characters.

    Such a "line" is data (base64, minified markup, a dump), not prose; detectors would spend
    minutes on it and the NER model refuses it. The check walks newlines without copying.
    """
    limit = (limits or current()).max_line_length
    if not limit or len(text) <= limit:
        return
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos, pos + limit + 1)
        if nl == -1:
            if n - pos > limit:
                raise LimitExceeded(
                    f"a line is longer than {limit} characters (--max-line-length); not scanned"
                )
            return
        pos = nl + 1


# --- zip containers (DOCX, XLSX, ODT, EPUB …) -------------------------------------------------


def open_zip(
    data: bytes, limits: Limits | None = None, *, what: str = "zip archive"
) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive after checking its directory against the limits.

    Call this before handing the bytes to a library that inflates every member (python-docx
    does): the member count and the declared sizes are bounded here, before anything is read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, NotImplementedError (unknown version), struct errors…
        raise ExtractError(f"not a valid {what} (damaged or another format)") from exc
    check_zip(archive, limits)
    return archive


def check_zip(archive: zipfile.ZipFile, limits: Limits | None = None) -> None:
    """Bound member count, each member's declared size and the total, before reading."""
    limits = limits or current()
    members = archive.infolist()
    if limits.max_members and len(members) > limits.max_members:
        raise LimitExceeded(
            f"archive has {len(members)} members, over the limit of {limits.max_members}"
        )
    total = 0
    for info in members:
        if limits.max_member_size and info.file_size > limits.max_member_size:
            raise LimitExceeded(
                f"archive member {_safe_name(info.filename)} inflates to {_mb(info.file_size)}, "
                f"over the limit of {_mb(limits.max_member_size)} (--max-member-size)"
            )
        total += info.file_size
    if limits.max_archive_size and total > limits.max_archive_size:
        raise LimitExceeded(
            f"archive inflates to {_mb(total)} in all, over the limit of "
            f"{_mb(limits.max_archive_size)}"
        )


def read_member(
    archive: zipfile.ZipFile, name: str | zipfile.ZipInfo, limits: Limits | None = None
) -> bytes:
    """Read one member, stopping as soon as it inflates past ``max_member_size``.

    Declared sizes can lie; this counts the bytes actually inflated.
    """
    limits = limits or current()
    limit = limits.max_member_size or None
    label = _safe_name(name.filename if isinstance(name, zipfile.ZipInfo) else name)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(name) as member:
            while True:
                chunk = member.read(1 * MB)
                if not chunk:
                    break
                size += len(chunk)
                if limit is not None and size > limit:
                    raise LimitExceeded(
                        f"archive member {label} inflates past the limit of {_mb(limit)} "
                        "(--max-member-size)"
                    )
                chunks.append(chunk)
                check_deadline()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise ExtractError(f"archive member {label} is damaged or encrypted") from exc
    return b"".join(chunks)


def _safe_name(name: str) -> str:
    """A member name fit for a one-line message (names are structure, not document text)."""
    cleaned = "".join(c if c.isprintable() else "?" for c in name)
    return cleaned if len(cleaned) <= 80 else cleaned[:77] + "..."


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size} bytes"
