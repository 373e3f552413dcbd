"""Issue 15, piece by piece: the helpers behind the hostile-folder promises, tested directly."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from redactcheck.config import Config, distrust_scanned_config
from redactcheck.finding import Finding
from redactcheck.safetext import valid_text, visible


def test_visible_escapes_what_a_terminal_or_log_would_act_on():
    name = "a\x1b[2J\n::error::x\u202etxt.exe\x07" + "\udcff\udcfe"
    shown = visible(name)
    assert shown == "a\\x1b[2J\\x0a::error::x\\u202etxt.exe\\x07\\xff\\xfe"
    shown.encode("utf-8")  # surrogates gone: every report format can write it
    assert visible("Président [/].txt") == "Président [/].txt"  # printable text stays


def test_valid_text_keeps_length_so_offsets_hold():
    text = "J\udcf6rg SECRET"
    fixed = valid_text(text)
    assert len(fixed) == len(text) and fixed[5:] == "SECRET"
    fixed.encode("utf-8")


def test_display_path_never_recurses_or_raises(tmp_path, monkeypatch):
    from redactcheck.paths import display_path

    def broken(self):
        raise OSError(36, "File name too long")

    monkeypatch.setattr(Path, "is_symlink", broken)
    monkeypatch.setattr(Path, "resolve", broken)
    shown = display_path(tmp_path / "x\nname.txt")
    assert shown.endswith("x\\x0aname.txt")


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("  =1", "'  =1"),
        ("SECRET//NOFORN", "SECRET//NOFORN"),
        (7, 7),
    ],
)
def test_csv_cells_are_neutralised(cell, shown):
    from redactcheck.report.csv_report import neutralise

    assert neutralise(cell) == shown


def _finding(rule: str, start: int, end: int, score: float) -> Finding:
    return Finding(rule, "marking", "X", "high", score, start, end, "t", "m")


def _dedupe_reference(findings):
    """The quadratic algorithm before issue 15, kept to prove the fast one equal."""
    best = {}
    for f in findings:
        key = (f.rule_id, f.start, f.end)
        if key not in best or f.score > best[key].score:
            best[key] = f
    kept, spans = [], {}
    for f in sorted(best.values(), key=lambda f: (-f.score, f.start - f.end, f.start)):
        taken = spans.setdefault(f.rule_id, [])
        if any(f.start < end and start < f.end for start, end in taken):
            continue
        taken.append((f.start, f.end))
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule_id))


def test_linear_dedupe_keeps_exactly_what_the_quadratic_one_kept():
    from redactcheck.detect.markings.rules import _dedupe

    rng = random.Random(15)
    for _ in range(400):
        findings = []
        for _ in range(rng.randint(0, 25)):
            start = rng.randint(0, 60)
            findings.append(
                _finding(
                    rng.choice("AB"), start, start + rng.randint(1, 12), rng.choice([0.5, 0.8, 1])
                )
            )
        fast = [(f.rule_id, f.start, f.end, f.score) for f in _dedupe(findings)]
        slow = [(f.rule_id, f.start, f.end, f.score) for f in _dedupe_reference(findings)]
        assert fast == slow


def test_css_hiding_rules_read_lists_and_media_blocks():
    from redactcheck.extract.html import html_segments

    page = (
        b"<style>.a{color:red} #b, .c { display : none } @media print { .d { visibility:hidden }"
        b" }</style><p class=a>shown</p><p id=b>one</p><p class=c>two</p><p class=d>three</p>"
    )
    parts = {segment.part: segment.text for segment, _ in html_segments(page)}
    assert parts["body"] == "shown"
    assert parts["hidden-text"].split("\n") == ["one", "two", "three"]


def test_config_inside_the_scanned_folder_cannot_redirect(tmp_path):
    folder = tmp_path / "release"
    folder.mkdir()
    config = Config(
        dask_scheduler="tcp://198.51.100.7:8786",
        cache_dir=str(folder / "cache"),
        model=str(folder / "model"),
        fail_on="high",
        source=str(folder / ".redactcheck.toml"),
    )
    trusted, dropped = distrust_scanned_config(config, [folder])
    assert dropped == ["dask_scheduler", "cache_dir", "model"]
    assert trusted.dask_scheduler is None and trusted.cache_dir is None
    assert trusted.model == Config().model
    assert trusted.fail_on == "high"  # settings that only shape the report stay
    assert config.dask_scheduler == "tcp://198.51.100.7:8786"  # a copy: the original is kept
    # scanning one file of the folder from inside it: the folder's file is not trusted either
    (folder / "memo.txt").write_text("x")
    again = Config(dask_scheduler="tcp://198.51.100.7:8786", source=config.source)
    assert distrust_scanned_config(again, [folder / "memo.txt"])[1] == ["dask_scheduler"]
    own = Config(dask_scheduler="tcp://10.0.0.1:8786", source=str(tmp_path / "mine.toml"))
    kept, none = distrust_scanned_config(own, [folder])
    assert none == [] and kept.dask_scheduler == "tcp://10.0.0.1:8786"


def test_cache_folder_inside_a_scanned_path_is_refused(tmp_path):
    from tests.support.cli import run_cli

    (tmp_path / "memo.txt").write_text("SECRET//NOFORN\n")
    proc = run_cli(
        "scan", str(tmp_path), "--no-names", "--cache-dir", str(tmp_path / "c"), cwd=tmp_path
    )
    assert proc.returncode == 2
    assert "inside a scanned folder" in proc.stderr
    assert not (tmp_path / "c").exists()


def test_content_free_trace_drops_messages_keeps_frames():
    from redactcheck.isolation import content_free_trace

    def parse():
        raise ValueError("line 3: 'Quillon Farthingdale, SECRET//NOFORN'")

    try:
        try:
            parse()
        except ValueError as exc:
            raise RuntimeError("Quillon again") from exc
    except RuntimeError as exc:
        trace = content_free_trace(exc)
    assert "Quillon" not in trace and "NOFORN" not in trace
    assert "in parse" in trace and "builtins.ValueError" in trace
    assert "builtins.RuntimeError" in trace


def test_redact_masks_escaped_and_quoted_forms():
    from redactcheck.engine import Report
    from redactcheck.report.redact import redact_report

    text = "SEC\u200bRET//NOFORN//ZYX"
    message = f"{'ZYX'!r} in {text!r} is no known marking; also {text}"
    f = replace(_finding("US-X", 0, len(text), 1.0), text=text, path="a.txt", message=message)
    shown = redact_report(Report(findings=[f])).findings[0]
    assert "ZYX" not in shown.message and "SEC" not in shown.message


def test_pdf_page_limit_is_an_error_the_findings_stand(monkeypatch, tmp_path):
    from redactcheck.engine import Scanner
    from redactcheck.extract import pdf
    from tests.support.hostile_pdf import pdf_with_streams, text_page

    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    data = pdf_with_streams([text_page("SECRET//NOFORN page one"), text_page("TOP SECRET")])
    (tmp_path / "long.pdf").write_bytes(data)
    result = Scanner(Config(names=False, cache=False)).scan_file(tmp_path / "long.pdf")
    assert [e.message for e in result.errors] == ["only the first 1 of 2 pages were scanned"]
    assert any(f.text == "SECRET//NOFORN" for f in result.findings)


def test_text_file_with_a_nul_is_read_and_a_binary_named_txt_is_an_error():
    from redactcheck.extract import ExtractError, NotADocument
    from redactcheck.extract.text import decode

    assert decode(b"memo\x00\nSECRET//NOFORN\n", "m.txt")[0].endswith("SECRET//NOFORN\n")
    noise = bytes(range(256)) * 16
    with pytest.raises(ExtractError) as caught:
        decode(noise, "m.txt")
    assert not isinstance(caught.value, NotADocument)
    with pytest.raises(NotADocument):
        decode(noise, "m.bin")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    ["Доклад о порте.\nSECRET//NOFORN\n", "港口报告 第三号。\nSECRET\n", "تقرير الميناء\nSECRET\n"],
)
def test_utf16_without_bom_in_any_script(text, codec):
    from redactcheck.extract.text import decode

    assert decode(text.encode(codec), "x.txt") == (text, codec)


@pytest.mark.parametrize(
    "text",
    [
        "Routine.\n\u202eNROFON//TERCES\u202c\n",
        "\U0001d412\U0001d404\U0001d402\U0001d411\U0001d404\U0001d413//NOFORN\n",
        "\u13da\u13ac\u13df\u13a1\u13ac\u13a2//NOFORN\n",
    ],
)
def test_bidi_override_and_look_alikes_do_not_hide_a_banner(rules_scanner, text):
    from redactcheck.document import Segment

    found = rules_scanner.rule_detector.detect(Segment(text))
    banners = [f for f in found if f.rule_id == "US-BANNER-CLASSIFIED"]
    assert banners, found
    assert all(text[f.start : f.end] == f.text for f in found)


def test_malformed_scheduler_address_is_a_config_error_not_a_hang(tmp_path):
    from tests.support.cli import run_cli

    (tmp_path / "memo.txt").write_text("SECRET//NOFORN\n")
    proc = run_cli(
        "scan", str(tmp_path / "memo.txt"), "--no-names", "--dask-scheduler", "tcp://host:PORT",
        cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.startswith("redactcheck: error: dask_scheduler must be an address")


def test_terminal_text_shows_controls_as_symbols_one_for_one():
    from redactcheck.safetext import terminal_text

    text = "memo\x1b[2J\u202eSECRET\x07\n\tend"
    shown = terminal_text(text)
    assert len(shown) == len(text)  # the review view's highlight offsets still hold
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert shown.endswith("SECRET\u2407\n\tend")


def test_report_written_atomically_gets_an_ordinary_files_mode(tmp_path):
    """The temporary file behind the atomic write is private; the report must not stay so."""
    import os
    import stat

    from redactcheck.report import write_atomically

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "report.json"
        write_atomically(fresh, "{}")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomically(kept, "new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
        assert kept.read_text() == "new"
    finally:
        os.umask(old)


def test_report_to_a_fifo_or_device_is_written_into_not_replaced(tmp_path):
    """`-o /dev/null` (or a pipe) must stay what it is: a rename would swap the device itself
    for a regular file when the scan runs as root, breaking every later write to it."""
    import os
    import stat
    import threading

    from redactcheck.report import write_atomically

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    write_atomically(fifo, '{"findings": []}')
    reader.join(timeout=10)
    assert got == ['{"findings": []}']
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary left beside it


def test_report_through_a_symlink_replaces_the_file_it_names(tmp_path):
    """A link to the report keeps pointing where it did; the report it names is rewritten."""
    from redactcheck.report import write_atomically

    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
