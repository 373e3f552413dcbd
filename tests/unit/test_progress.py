"""Progress: drawn on a terminal for long scans, silent in pipes and CI logs."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from redactcheck.progress import ScanProgress, wanted
from tests.support.cli import run_cli


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_on_a_terminal():
    assert wanted(_Tty()) is True
    assert wanted(io.StringIO()) is False


def test_engine_calls_the_hook_per_file_and_bar_shows_files_rate_and_eta(
    rules_scanner, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    for n in range(5):
        (tmp_path / f"f{n}.txt").write_text("(S) text\n" * 50, encoding="utf-8")
    out = _Tty()
    console = Console(file=out, force_terminal=True, width=120)
    bar = ScanProgress(console=console, delay=0)
    seen: list[str] = []

    class Hook:
        def start(self, files: list[Path]) -> None:
            bar.start(files)

        def __call__(self, result) -> None:
            seen.append(result.path)
            bar(result)

    report = rules_scanner.scan([tmp_path], on_file_done=Hook())
    bar.close()
    assert seen == [f"f{n}.txt" for n in range(5)]
    assert report.files_scanned == 5
    assert bar.done_files == 5 and bar.done_bytes == bar.total_bytes == 5 * 450
    drawn = out.getvalue()
    assert "5/5 files" in drawn and "/s" in drawn  # files done and the transfer rate


def test_silent_when_stderr_is_not_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text("(S) text\n", encoding="utf-8")
    proc = run_cli("scan", "--no-names", "a.txt", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == ""
