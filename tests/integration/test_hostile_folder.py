"""Issue 8, "done when": a folder of broken and hostile files beside one real memo.

The scan must finish with no traceback, report the memo's findings, name each broken file under
``errors`` with a one-line reason, list the non-documents only with ``--verbose``, and exit 2.
Time and peak memory are measured by ``bench/robustness/hostile_scan.py``, not here.
"""

from __future__ import annotations

import json

import pytest

from tests.support.cli import run_cli
from tests.support.hostile import DEEP_TEXT, MEMO, build


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "release"
    expected = build(root)
    return root, expected


@pytest.fixture(scope="module")
def json_run(hostile):
    root, _ = hostile
    proc = run_cli("scan", str(root), "--format", "json", "--verbose", cwd=root.parent)
    return proc


def _rel(path: str) -> str:
    return path.split("release/", 1)[1] if "release/" in path else path


def test_exit_status_is_2_and_no_traceback(json_run):
    assert json_run.returncode == 2, json_run.stderr
    assert "Traceback" not in json_run.stderr
    assert "Traceback" not in json_run.stdout


def test_each_broken_file_is_named_once_with_a_one_line_reason(json_run, hostile):
    _, expected = hostile
    report = json.loads(json_run.stdout)
    errors = {_rel(e["path"]): e["message"] for e in report["errors"]}
    assert set(errors) == set(expected["errors"]), errors
    for name, word in expected["errors"].items():
        message = errors[name]
        assert "\n" not in message and message.strip() == message
        assert word in message, (name, message)
        assert len(message) < 200


def test_the_memo_and_the_clean_files_are_scanned(json_run, hostile):
    _, expected = hostile
    report = json.loads(json_run.stdout)
    by_file: dict[str, set[tuple[str, str]]] = {}
    for f in report["findings"]:
        by_file.setdefault(_rel(f["path"]), set()).add((f["rule_id"], f["text"]))
    memo = by_file["memo.txt"]
    memo_texts = {text for _, text in memo}
    assert "SECRET//NOFORN" in memo_texts
    assert "(S)" in memo_texts and "(C)" in memo_texts
    assert any(rule == "PII-PERSON" and "Marrowby" in text for rule, text in memo)
    assert any(rule == "PII-PHONE" for rule, _ in memo)
    for f in report["findings"]:
        if _rel(f["path"]) == "memo.txt":
            lines = MEMO.splitlines(keepends=True)
            assert f["text"] in lines[f["line"] - 1], f
    # the 40-level-deep file was reached and scanned
    deep = by_file[expected["deep"]]
    assert ("US-PORTION-MARK", "(C)") in deep
    assert "(C)" in DEEP_TEXT
    # the legacy-encoded file was decoded, not refused
    assert "legacy-cp1252.txt" in by_file
    assert report["summary"]["errors"] == len(expected["errors"])


def test_non_documents_are_listed_only_with_verbose(json_run, hostile):
    root, expected = hostile
    skipped = [
        _rel(line.split(": ", 3)[2])
        for line in json_run.stderr.splitlines()
        if line.startswith("redactcheck: skipped: ")
    ]
    assert sorted(skipped) == sorted(expected["skipped"])
    quiet = run_cli("scan", str(root), "--format", "json", "--no-names", cwd=root.parent)
    assert "skipped:" not in quiet.stderr
    assert quiet.returncode == 2


def test_table_output_names_the_errors_on_stderr(hostile):
    root, expected = hostile
    proc = run_cli("scan", str(root), "--no-names", cwd=root.parent)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    named = {
        _rel(line.split(": ", 3)[2])
        for line in proc.stderr.splitlines()
        if line.startswith("redactcheck: error: ")
    }
    assert named == set(expected["errors"])
