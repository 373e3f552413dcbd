"""``redactcheck review``: interactive accept/skip/quit fed through stdin, and --accept-all."""

from __future__ import annotations

import subprocess
import sys

from redactcheck.suppress.baseline import load_baseline
from tests.support.cli import cli_env
from tests.support.review_docs import MEMO

DOC = "(S) First portion.\n(C) Second portion.\n(S) Third portion.\n"


def _review(tmp_path, answers: str, *extra: str):
    return subprocess.run(
        [sys.executable, "-m", "redactcheck", "review", "--no-names", "--reviewer", "R. Tester",
         *extra],
        input=answers, capture_output=True, text=True, cwd=tmp_path, env=cli_env(), timeout=120,
    )  # fmt: skip


def test_accept_skip_quit_and_resume(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    # only the three portion marks are to be reviewed, not the document-level checks
    (tmp_path / ".redactcheck.toml").write_text(
        'disable = ["STRUCTURE-PORTION-WITHOUT-BANNER", "STRUCTURE-MISSING-AUTHORITY-BLOCK"]\n'
    )
    first = _review(tmp_path, "a\nreleased in 2019 FOIA batch\ns\nq\n")
    assert first.returncode == 0, first.stderr
    assert all(f"{n}/3" in first.stdout for n in (1, 2, 3))  # quit at the third
    assert "First portion" in first.stdout  # each finding is shown in its context
    assert "accepted 1, skipped 1, not yet reviewed 1" in first.stdout
    baseline = load_baseline(tmp_path / ".redactcheck-baseline.json")
    (entry,) = baseline.entries.values()
    assert (entry.path, entry.rule_id) == ("doc.txt", "US-PORTION-MARK")
    assert entry.reviewer == "R. Tester" and entry.reason == "released in 2019 FOIA batch"
    assert entry.date and len(entry.date) == 10

    # resume: the accepted one is gone, the skipped one comes back first
    second = _review(tmp_path, "a\n\na\n\n")
    assert second.returncode == 0, second.stderr
    assert "2 finding(s) to review" in second.stdout
    assert "Second portion" in second.stdout
    assert "accepted 2, skipped 0, not yet reviewed 0" in second.stdout
    baseline = load_baseline(tmp_path / ".redactcheck-baseline.json")
    assert len(baseline.entries) == 3
    assert sum(1 for e in baseline.entries.values() if e.reason) == 1  # empty reason not stored

    third = _review(tmp_path, "")
    assert third.returncode == 0 and "Nothing new to review." in third.stdout


def test_end_of_input_saves_what_was_accepted(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    proc = _review(tmp_path, "a\n\n")  # stdin closes at the second prompt
    assert proc.returncode == 0, proc.stderr
    assert len(load_baseline(tmp_path / ".redactcheck-baseline.json").entries) == 1


def test_accept_all_for_scripts(tmp_path):
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    proc = _review(tmp_path, "", "--accept-all", "--reason", "historical release")
    assert proc.returncode == 0, proc.stderr
    baseline = load_baseline(tmp_path / ".redactcheck-baseline.json")
    assert len(baseline.entries) > 5
    assert {(e.reviewer, e.reason) for e in baseline.entries.values()} == {
        ("R. Tester", "historical release")
    }
