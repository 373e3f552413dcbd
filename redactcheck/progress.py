"""A progress bar for long scans: files done, MB/s and time left, on stderr.

Shown only when stderr is a terminal (never in CI logs or pipes), and only once a scan has run
for ``delay`` seconds, so short scans stay silent. The session calls the hook once per finished
file (``Session.scan(paths, on_file_done=…)``), whichever way the files are scheduled.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)


def wanted(stream: TextIO | None = None) -> bool:
    """Whether to show progress by default: only on an interactive terminal."""
    stream = stream or sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ScanProgress:
    """The hook: ``start(files)`` then one call per finished file; ``close()`` at the end."""

    def __init__(self, console: Console | None = None, delay: float = 1.0):
        self.console = console or Console(stderr=True)
        self.delay = delay
        self.total_files = 0
        self.total_bytes = 0
        self.done_files = 0
        self.done_bytes = 0
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._files_task = None
        self._bytes_task = None

    def start(self, files: list[Path]) -> None:
        self.total_files = len(files)
        total = 0
        for f in files:
            with contextlib.suppress(OSError):
                total += f.stat().st_size
        self.total_bytes = total
        self.started = time.monotonic()
        if self.delay <= 0:
            self._show()

    def _show(self) -> None:
        self._progress = Progress(
            TextColumn("scanning"),
            BarColumn(),
            TextColumn("{task.fields[files]} files"),
            TaskProgressColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self._task = self._progress.add_task(
            "scan", total=self.total_bytes or None, files=f"0/{self.total_files}"
        )
        self._progress.start()

    def __call__(self, result) -> None:
        self.done_files += 1
        self.done_bytes += result.size
        if self._progress is None:
            if time.monotonic() - self.started < self.delay or self.done_files >= self.total_files:
                return
            self._show()
        assert self._progress is not None
        # the bar advances by bytes (MB/s, time left); the count column shows files
        self._progress.update(
            self._task,
            completed=self.done_bytes,
            files=f"{self.done_files}/{self.total_files}",
        )

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
