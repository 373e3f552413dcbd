"""Issue 15, "done when": the hostile release folder scans in one command, whatever it holds.

The folder (``tests/support/hostile_release.py``) holds every case of the issue beside the issue-8
folder. One scan, run as an archivist runs it (from inside the folder, so the folder's own
``.redactcheck.toml`` is the nearest configuration), must exit 2 with a complete report, name
each broken file once under ``errors``, find what used to be silently missed, print no
traceback and no raw control character, write nothing but its ``--output``, start nothing
from the tree and connect nowhere. Time and memory at full size:
``bench/robustness/hostile_scan.py``.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import threading

import pytest

from tests.support.cli import cli_env, run_cli
from tests.support.hostile_release import SCAN_ARGS, ZW_MARKING, build, snapshot

#: raw characters no terminal or CI log line may receive from a scanned file's name
_RAW_CONTROL = {chr(c) for c in range(32) if c != 10} | {"\x7f", "\u202e", "\u2066", "\u2067"}


class Listener:
    """A TCP port that records every connection made to it (nothing may connect)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile15")
    root = base / "release"
    expected = build(root, git_config=True)
    listener = Listener()
    config = root / ".redactcheck.toml"
    config.write_text(config.read_text().replace("PORT", str(listener.port)))
    yield root, expected, listener
    listener.close()


@pytest.fixture(scope="module")
def json_run(release):
    root, _, listener = release
    before = snapshot(root)
    out = root.parent / "out"
    out.mkdir()
    proc = run_cli(
        "scan", ".", "-f", "json", "-o", str(out / "report.json"), "--no-cache",
        *SCAN_ARGS, cwd=root, timeout=600,
    )  # fmt: skip
    return proc, json.loads((out / "report.json").read_text(encoding="utf-8")), before, out


def _matches(path: str, key: str) -> bool:
    path = path.removeprefix("./")
    return path == key or (key.startswith("long-path/") and path.startswith("long-path/"))


def test_exit_2_complete_report_no_traceback(json_run):
    proc, report, _, _ = json_run
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "internal error" not in proc.stderr
    assert report["summary"]["files_scanned"] > 40


def test_every_broken_file_is_named_once(json_run, release):
    _, report, _, _ = json_run
    _, expected, _ = release
    paths = [e["path"] for e in report["errors"]]
    for key, word in expected["errors"].items():
        hits = [e for e in report["errors"] if _matches(e["path"], key)]
        assert len(hits) == 1, (key, paths)
        assert word in hits[0]["message"], (key, hits[0]["message"])
        assert "\n" not in hits[0]["message"]
    unexpected = [p for p in paths if not any(_matches(p, k) for k in expected["errors"])]
    assert not unexpected, unexpected


def test_what_was_silently_missed_is_found(json_run, release):
    _, report, _, _ = json_run
    _, expected, _ = release
    by_path: dict[str, set[str]] = {}
    for f in report["findings"]:
        by_path.setdefault(f["path"].removeprefix("./"), set()).add(f["text"])
    missing = {
        name: text for name, text in expected["found"].items() if text not in by_path.get(name, ())
    }
    assert not missing, {name: sorted(by_path.get(name, ()))[:5] for name in missing}
    # the marking behind a right-to-left override and in look-alike letters is reported
    assert any("TERCES" in t for t in by_path["rlo.txt"]), by_path["rlo.txt"]
    assert "S\u0415CR\u0415T//NOFORN" in by_path["rlo.txt"]


def test_clean_files_have_no_error(json_run, release):
    _, report, _, _ = json_run
    _, expected, _ = release
    failed = {e["path"].removeprefix("./") for e in report["errors"]}
    assert not failed & set(expected["clean"]) - {"memo.txt"}


def test_stderr_has_no_raw_control_characters(json_run):
    proc, _, _, _ = json_run
    assert not _RAW_CONTROL & set(proc.stderr)
    # a file name holding "\n::error::" cannot start a GitHub Actions command line
    assert not any(line.startswith("::") for line in proc.stderr.splitlines())


def test_files_left_out_by_a_planted_gitignore_are_counted(json_run):
    proc, _, _, _ = json_run
    assert "left out by .gitignore rules" in proc.stderr


def test_nothing_is_written_started_or_connected(json_run, release):
    root, expected, listener = release
    _, _, before, out = json_run
    assert snapshot(root) == before  # nothing written in the tree (no cache-in-tree either)
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]  # no temporary file left
    assert not expected["marker"].exists()
    assert listener.connections == 0
    assert not (root / "cache-in-tree").exists()


@pytest.mark.parametrize("fmt", ["sarif", "csv", "html", "table"])
def test_every_format_is_complete_and_safe(release, fmt, tmp_path):
    root, expected, _ = release
    target = tmp_path / f"report.{fmt}"
    proc = run_cli(
        "scan", ".", "-f", fmt, "-o", str(target), "--no-names", "--no-cache", *SCAN_ARGS,
        cwd=root, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr + proc.stdout
    text = target.read_text(encoding="utf-8")
    if fmt == "sarif":
        run = json.loads(text)["runs"][0]
        notes = run["invocations"][0]["toolExecutionNotifications"]
        named = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
        for key in expected["errors"]:
            assert any(_matches(p, key) for p in named), key
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 100
        for row in rows[1:]:
            for cell in row:
                # a spreadsheet computes nothing: no cell starts a formula
                assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert [r[0] for r in rows if "2+3" in r[0]][:1] == ["'=2+3.txt"]
    elif fmt == "html":
        assert "Files that could not be read" in text
        assert "text-runs.pdf" in text and "\\xff\\xfe-not-utf8.txt" in text
    else:
        assert not _RAW_CONTROL & set(text)
        assert "[/].txt" in text  # a markup-like attachment name, shown as it is
        assert "file(s) scanned" in text


@pytest.fixture(scope="module")
def rules_run(release):
    root, _, _ = release
    args = ("scan", ".", "-f", "json", "--no-cache", "--no-names", *SCAN_ARGS)
    return args, run_cli(*args, cwd=root, timeout=600)


def test_same_report_without_any_network(release, rules_run):
    """Under ``unshare -rn`` (no network at all) the hostile folder gives the same report."""
    from tests.integration.test_offline import _unshare_usable

    reason = _unshare_usable()
    if reason:
        pytest.skip(f"offline namespace test skipped: {reason}")
    root, _, _ = release
    args, plain = rules_run
    isolated = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "redactcheck", *args],
        capture_output=True, text=True, env=cli_env(), cwd=root, timeout=600,
    )  # fmt: skip
    assert isolated.returncode == plain.returncode == 2, isolated.stderr[-2000:]

    def essence(report: dict) -> tuple:
        findings = sorted(
            (f["path"], f["rule_id"], f["start"], f["end"]) for f in report["findings"]
        )
        errors = sorted((e["path"], e["message"]) for e in report["errors"])
        return findings, errors

    assert essence(json.loads(isolated.stdout)) == essence(json.loads(plain.stdout))


def test_redact_and_debug_leak_no_planted_token(release, rules_run):
    """Tokens planted in the folder (a zero-width marking the issue's message quoted, the
    names of the e-mail) are reported without --redact, and never appear with it: in any
    format, on stderr, or in --debug output."""
    root, _, _ = release
    _, plain = rules_run
    texts = {f["text"] for f in json.loads(plain.stdout)["findings"]}
    planted = {ZW_MARKING, "ZYXQUILL", "TOP SECRET//SI//NOFORN"}
    assert planted <= texts, planted - texts
    variants = planted | {ZW_MARKING.replace("\u200b", ""), "SEC\\u200bRET"}
    for fmt in ("json", "sarif", "csv", "html", "table", "jsonl"):
        proc = run_cli(
            "scan", ".", "-f", fmt, "--redact", "--debug", "--no-cache", "--no-names", *SCAN_ARGS,
            cwd=root, timeout=600,
        )  # fmt: skip
        assert proc.returncode == 2
        for token in variants:
            assert token not in proc.stdout, (fmt, token)
            assert token not in proc.stderr, (fmt, token)


def test_a_worker_that_dies_is_one_error_and_the_rest_is_scanned(tmp_path):
    """A worker over --max-memory is killed; its file is named under errors, the others that
    shared its work unit are scanned, and the report is written (issue 15, item 2)."""
    from tests.support.hostile_pdf import inflating_pdf

    folder = tmp_path / "pool"
    folder.mkdir()
    (folder / "bomb.pdf").write_bytes(inflating_pdf(700 * 1024 * 1024))
    for i in range(150):  # enough files for several work units, so a pool is used
        (folder / f"note{i:03d}.txt").write_text(f"(S) SECRET//NOFORN note {i}\n")
    proc = run_cli(
        "scan", str(folder), "-f", "json", "--no-names", "--no-cache", "--jobs", "2",
        "--max-member-size", "0", "--max-memory", "400MB", cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    assert [e["path"] for e in report["errors"]] == ["pool/bomb.pdf"]
    assert "--max-memory" in report["errors"][0]["message"]
    assert report["summary"]["files_scanned"] == 151
    scanned = {f["path"] for f in report["findings"]}
    assert len(scanned) == 150


def test_html_after_a_text_node_over_the_parser_buffer_is_read():
    """libxml2 drops everything after a node over 10 MB; the page is read again without that
    limit, so the marking after it is not silently lost."""
    from redactcheck.extract.html import html_segments

    page = "<html><body><p>" + "harbour ledger line\n" * 600_000 + "</p>"
    page += "<p>TOP SECRET//NOFORN after the long node</p></body></html>"
    texts = [segment.text for segment, _ in html_segments(page.encode())]
    assert any("TOP SECRET//NOFORN after the long node" in t for t in texts)
