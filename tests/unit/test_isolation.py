"""Per-file isolation and limits: one bad file is one line under ``errors``; the rest goes on."""

from __future__ import annotations

import errno
import os
import threading
import zipfile

import pytest

from redactcheck import extract as extract_pkg
from redactcheck import limits
from redactcheck.config import Config
from redactcheck.document import Document, Segment
from redactcheck.engine import Scanner
from redactcheck.extract import ExtractError
from tests.support.cli import run_cli

SECRET_LINE = "Ambassador Corvina Steelhaven wrote: SECRET//NOFORN\n"


@pytest.fixture
def fake_format(monkeypatch):
    """Register an extractor for ``.fake`` files that runs the given function."""

    def register(func):
        module = type(os)("redactcheck_fake_extractor")
        module.run = func
        monkeypatch.setitem(__import__("sys").modules, "redactcheck_fake_extractor", module)
        monkeypatch.setitem(
            extract_pkg.EXTRACTORS, "application/x-fake", "redactcheck_fake_extractor:run"
        )
        monkeypatch.setitem(extract_pkg._EXTENSIONS, ".fake", "application/x-fake")

    return register


def _scanner(**overrides) -> Scanner:
    return Scanner(Config(names=False, **overrides))


def test_any_extractor_exception_becomes_a_one_line_error_without_content(write, fake_format):
    def explode(path: str, data: bytes) -> Document:
        # a library error that quotes the document: the message must not reach the report
        raise ValueError(f"unexpected token near {data.decode()!r}")

    fake_format(explode)
    bad = write("broken.fake", SECRET_LINE)
    good = write("good.txt", SECRET_LINE)
    report = _scanner().scan([bad.parent])
    assert [e.path.rsplit("/", 1)[-1] for e in report.errors] == ["broken.fake"]
    error = report.errors[0]
    assert "ValueError" in error.message  # the type only: extract() or the engine's guard
    assert "\n" not in error.message
    assert "Corvina" not in error.message and "SECRET" not in error.message
    assert "Traceback" in (error.detail or "")  # kept for --debug
    assert {f.path.rsplit("/", 1)[-1] for f in report.findings} == {good.name}
    assert report.exit_code("low") == 2


def test_a_detector_exception_is_isolated_too(write, monkeypatch):
    scanner = _scanner()
    calls = []

    def flaky(segment: Segment):
        calls.append(segment.text)
        if "boom" in segment.text:
            raise RuntimeError("detector bug")
        return []

    monkeypatch.setattr(scanner.rule_detector, "detect", flaky)
    a = write("a.txt", "boom\n")
    write("b.txt", "fine\n")
    report = scanner.scan([a.parent])
    assert len(calls) == 2
    assert [e.path.rsplit("/", 1)[-1] for e in report.errors] == ["a.txt"]
    assert "detecting" in report.errors[0].message


def test_debug_prints_the_traceback_and_plain_runs_do_not(tmp_path):
    (tmp_path / "zeros.txt").write_bytes(b"\0" * 100)
    (tmp_path / "fake.docx").write_text("plain text saved as .docx\n")
    plain = run_cli("scan", str(tmp_path), "--no-names", "--format", "json")
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr
    assert "fake.docx: not a valid DOCX" in plain.stderr
    debug = run_cli("scan", str(tmp_path), "--no-names", "--format", "json", "--debug")
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr and "BadZipFile" in debug.stderr


def test_a_file_that_vanishes_during_the_scan_is_reported(write):
    a = write("a.txt", "(S) first\n")
    b = write("b.txt", "(S) second\n")
    scanner = _scanner()
    files = list(scanner.iter_files([a.parent], []))
    b.unlink()
    results = list(scanner.scan_results(files))
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in results}
    assert by_name["a.txt"].findings
    assert by_name["b.txt"].errors[0].message == "file vanished during the scan (no such file)"


def test_an_unreadable_file_is_reported(write, monkeypatch):
    target = write("locked.txt", "(S) text\n")
    write("open.txt", "(S) text\n")
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    report = _scanner().scan([target.parent])
    assert [(e.path.rsplit("/", 1)[-1], e.message) for e in report.errors] == [
        ("locked.txt", "cannot read: permission denied")
    ]
    assert len(report.findings) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_reported_for_real(write):
    target = write("locked.txt", "(S) text\n")
    target.chmod(0)
    try:
        report = _scanner().scan([target])
    finally:
        target.chmod(0o644)
    assert report.errors[0].message == "cannot read: permission denied"


def test_a_fifo_is_skipped_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "memo.txt").write_text("(S) text\n")
    report = _scanner().scan([tmp_path])  # would block forever if the pipe were opened to read
    assert not report.errors
    assert [s.path.rsplit("/", 1)[-1] for s in report.skipped] == ["pipe.txt"]
    assert len(report.findings) == 1


def test_max_file_size_refuses_larger_files(write):
    big = write("big.txt", "(S) " + "x" * 5000 + "\n")
    small = write("small.txt", "(S) ok\n")
    report = _scanner(max_file_size=1000).scan([big, small])
    assert [e.message for e in report.errors] == [
        "file is larger than the limit of 1000 bytes (--max-file-size)"
    ]
    assert [f.path.rsplit("/", 1)[-1] for f in report.findings] == ["small.txt"]


def test_max_file_size_flag_takes_units(tmp_path):
    (tmp_path / "big.txt").write_text("(S) " + "x" * 3000 + "\n")
    proc = run_cli("scan", str(tmp_path), "--no-names", "--max-file-size", "2KB", "-f", "json")
    assert proc.returncode == 2
    assert "larger than the limit of 2048 bytes" in proc.stderr
    bad = run_cli("scan", str(tmp_path), "--no-names", "--max-file-size", "lots")
    assert bad.returncode == 2 and "--max-file-size takes a size" in bad.stderr


def test_a_line_over_the_limit_is_an_error_and_shorter_lines_scan(write):
    long_line = write("long.txt", "word " * 400 + "SECRET//NOFORN\n")
    lines = write("lines.txt", ("word " * 40 + "\n") * 10 + "SECRET//NOFORN\n")
    report = _scanner(max_line_length=1000).scan([long_line, lines])
    assert [e.path.rsplit("/", 1)[-1] for e in report.errors] == ["long.txt"]
    assert "longer than 1000 characters" in report.errors[0].message
    assert {f.path.rsplit("/", 1)[-1] for f in report.findings} == {"lines.txt"}


def test_check_line_length_edges():
    lim = limits.Limits(max_line_length=5)
    limits.check_line_length("12345\n12345\n12345", lim)
    limits.check_line_length("12345", lim)
    with pytest.raises(limits.LimitExceeded):
        limits.check_line_length("12345\n123456", lim)
    with pytest.raises(limits.LimitExceeded):
        limits.check_line_length("123456\n1", lim)
    limits.check_line_length("x" * 100, limits.Limits(max_line_length=0))


def test_time_budget_stops_a_runaway_extractor_and_the_scan_goes_on(write, fake_format):
    def spin(path: str, data: bytes) -> Document:
        while True:  # pure Python that never returns: only the budget can stop it
            pass

    fake_format(spin)
    stuck = write("stuck.fake", "x")
    ok = write("ok.txt", "(S) fine\n")
    report = _scanner(file_timeout=0.5).scan([stuck, ok])
    assert [e.message for e in report.errors] == [limits.timeout_message(0.5)]
    assert [f.path.rsplit("/", 1)[-1] for f in report.findings] == ["ok.txt"]


def test_time_budget_is_cooperative_outside_the_main_thread(write, fake_format):
    def patient(path: str, data: bytes) -> Document:
        while True:
            limits.check_deadline()  # what extractors and chunkers call between pieces

    fake_format(patient)
    stuck = write("stuck.fake", "x")
    out = []
    worker = threading.Thread(
        target=lambda: out.append(_scanner(file_timeout=0.3).scan_file(stuck))
    )
    worker.start()
    worker.join(60)
    assert not worker.is_alive()
    assert out[0].errors[0].message == limits.timeout_message(0.3)


def test_no_budget_outside_a_scan_and_scope_is_restored():
    limits.check_deadline()  # no scope: never raises
    assert limits.remaining() is None
    with limits.file_scope(limits.Limits(file_timeout=100)):
        left = limits.remaining()
        assert left is not None and 0 < left <= 100
    assert limits.remaining() is None


# --- zip bombs ---------------------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_open_zip_bounds_member_size_before_reading():
    data = _zip({"word/document.xml": b" " * 5_000_000})
    assert len(data) < 50_000
    with pytest.raises(limits.LimitExceeded, match="word/document.xml inflates to 5 MB"):
        limits.open_zip(data, limits.Limits(max_member_size=1_000_000))
    limits.open_zip(data, limits.Limits(max_member_size=10_000_000)).close()


def test_open_zip_bounds_member_count_and_total():
    many = _zip({f"part{i}.xml": b"x" for i in range(30)})
    with pytest.raises(limits.LimitExceeded, match="30 members"):
        limits.open_zip(many, limits.Limits(max_members=20))
    total = _zip({f"part{i}.xml": b" " * 400_000 for i in range(5)})
    with pytest.raises(limits.LimitExceeded, match="in all"):
        limits.open_zip(total, limits.Limits(max_archive_size=1_000_000))


def test_open_zip_refuses_what_is_not_a_zip():
    with pytest.raises(ExtractError, match="not a valid DOCX file"):
        limits.open_zip(b"plain text", what="DOCX file")


def test_read_member_counts_inflated_bytes():
    data = _zip({"big.xml": b"a" * 3_000_000, "small.xml": b"ok"})
    archive = limits.open_zip(data)
    lim = limits.Limits(max_member_size=1_000_000)
    with pytest.raises(limits.LimitExceeded, match="big.xml inflates past"):
        limits.read_member(archive, "big.xml", lim)
    assert limits.read_member(archive, "small.xml", lim) == b"ok"


def test_read_member_reports_a_damaged_member():
    data = bytearray(_zip({"doc.xml": b"hello world " * 1000}))
    start = data.index(b"doc.xml") + len(b"doc.xml")
    for i in range(start, start + 40):
        data[i] ^= 0x5A  # corrupt the deflate stream
    archive = zipfile.ZipFile(__import__("io").BytesIO(bytes(data)))
    with pytest.raises(ExtractError, match="doc.xml is damaged"):
        limits.read_member(archive, "doc.xml")


def test_engine_checks_a_docx_bomb_before_any_extractor(write, tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 3_000_000})
    )
    report = _scanner(max_member_size=1_000_000).scan([bomb])
    assert len(report.errors) == 1
    assert "word/document.xml inflates to 3 MB" in report.errors[0].message
    assert "--max-member-size" in report.errors[0].message


def test_config_rejects_negative_limits():
    from redactcheck.config import ConfigError, config_from_table

    with pytest.raises(ConfigError, match="file_timeout"):
        config_from_table({"file_timeout": -1}, "")
    assert config_from_table({"max_line_length": 0}, "").max_line_length == 0


def test_a_tree_deeper_than_the_recursion_limit_is_walked(tmp_path):
    import sys

    levels = sys.getrecursionlimit() + 100
    folders = [tmp_path]
    for _ in range(levels):  # pathlib's mkdir(parents=True) itself recurses
        folders.append(folders[-1] / "d")
        folders[-1].mkdir()
    (folders[-1] / "bottom.txt").write_text("(S) found at the bottom\n")
    (tmp_path / "top.txt").write_text("(S) found at the top\n")
    try:
        report = _scanner().scan([tmp_path])
    finally:  # shutil.rmtree recurses too: remove the tree bottom-up here
        (folders[-1] / "bottom.txt").unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()
    assert not report.errors
    names = sorted(f.path.rsplit("/", 1)[-1] for f in report.findings)
    assert names == ["bottom.txt", "top.txt"]


def test_an_unreadable_folder_is_an_error_not_silence(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("(S) text\n")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text("(S) text\n")
    real_scandir = os.scandir

    def deny(path):
        if str(path).endswith("closed"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    report = _scanner().scan([tmp_path])
    assert [(e.path.rsplit("/", 1)[-1], e.message) for e in report.errors] == [
        ("closed", "cannot read folder: permission denied")
    ]
    assert [f.path.rsplit("/", 1)[-1] for f in report.findings] == ["a.txt"]


def test_default_budget_grows_with_file_size_and_an_explicit_one_does_not():
    mb = limits.MB
    default = Scanner(Config(names=False)).limits
    assert default.budget_for(0) == 600
    assert default.budget_for(10 * mb) == 600 + 10 * 120  # a 10 MB text is not cut short
    explicit = Scanner(Config(names=False, file_timeout=30)).limits
    assert explicit.budget_for(10 * mb) == 30
    assert Scanner(Config(names=False, file_timeout=0)).limits.budget_for(mb) is None
    assert limits.watchdog_seconds(explicit) == 30 * 1.5 + 30


def test_open_zip_turns_an_unsupported_zip_version_into_a_clean_error():
    # found by bench/robustness/fuzz.py: zipfile raises NotImplementedError for "version needed" 8.4
    data = bytearray(_zip({"word/document.xml": b"<w:document/>"}))
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (84).to_bytes(2, "little")
    with pytest.raises(ExtractError, match="not a valid zip archive"):
        limits.open_zip(bytes(data))


def test_time_budget_timer_is_disarmed_and_the_handler_restored_after_a_scan(write):
    """One timer serves every file of a batch (limits._Ticker); after the scan neither it nor
    its handler may stay behind in the caller's process."""
    import signal

    def mine(signum, frame):  # noqa: ARG001
        pass

    before = signal.signal(signal.SIGALRM, mine)
    try:
        files = [write(f"m{i}.txt", "(S) one\n") for i in range(3)]
        report = _scanner(file_timeout=30).scan(files)
        assert len(report.findings) == 3
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, before)


def test_a_scope_used_on_its_own_leaves_no_timer_behind():
    import signal

    with limits.file_scope(limits.Limits(file_timeout=100)):
        assert signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_read_bounded_reads_whole_files_and_refuses_big_ones(tmp_path):
    from redactcheck.isolation import read_bounded

    for size in (0, 1, 4095, 3 * 1024 * 1024 + 7):
        path = tmp_path / f"f{size}"
        data = bytes(i % 251 for i in range(size))
        path.write_bytes(data)
        assert read_bounded(path, limits.Limits(max_file_size=10 * 1024 * 1024)) == data
        assert read_bounded(path, limits.Limits(max_file_size=0)) == data
    big = tmp_path / "big"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(limits.LimitExceeded, match="larger than the limit of 1000 bytes"):
        read_bounded(big, limits.Limits(max_file_size=1000))


def test_read_bounded_reads_on_when_the_file_grew_after_fstat(tmp_path, monkeypatch):
    """fstat gives the size to ask for; a file that is longer by the time it is read must be
    read to its end (or refused over the limit), never cut at the old size."""
    import os as real_os

    from redactcheck import isolation

    path = tmp_path / "growing.txt"
    data = b"(S) grown\n" * 300_000  # 3 MB: past the first read and the 1 MB steps
    path.write_bytes(data)
    fstat = real_os.fstat

    def stale_fstat(fd):
        info = fstat(fd)
        return real_os.stat_result((*info[:6], 10, *info[7:]))  # st_size as it was: 10 bytes

    monkeypatch.setattr(isolation.os, "fstat", stale_fstat)
    assert isolation.read_bounded(path, limits.Limits(max_file_size=0)) == data
    with pytest.raises(limits.LimitExceeded):
        isolation.read_bounded(path, limits.Limits(max_file_size=1_000_000))
