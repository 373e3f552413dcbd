"""The quality harness on the project's own labelled cases: CI fails when recall drops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run_cli

EVAL = Path(__file__).resolve().parent / "eval"
RECORDED = json.loads((EVAL / "recorded.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.nlp


def test_gold_offsets_match_the_documents():
    for line in (EVAL / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        span = json.loads(line)
        text = (EVAL / "docs" / span["doc"]).read_text(encoding="utf-8")
        assert text[span["start"] : span["end"]] == span["text"], span


def test_recall_and_precision_stay_at_the_recorded_figures():
    minimums = [f"{label}={value}" for label, value in RECORDED["recall"].items()]
    args = [x for m in minimums for x in ("--min-recall", m)]
    proc = run_cli("eval", str(EVAL / "docs"), str(EVAL / "gold.jsonl"), "--json", *args)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)["scores"]
    for label, minimum in RECORDED["recall"].items():
        assert scores[label]["recall"] >= minimum, (label, scores[label])
    for label, minimum in RECORDED["precision"].items():
        assert scores[label]["precision"] >= minimum, (label, scores[label])


def test_min_recall_above_the_measured_figure_fails_with_exit_1(tmp_path):
    # drop one document's predictions by scoring against a gold set with an extra,
    # impossible person span: recall falls below 1.0 and --min-recall PERSON=1.0 must fail
    gold = (EVAL / "gold.jsonl").read_text(encoding="utf-8")
    doc = "schedule-deputy.txt"
    text = (EVAL / "docs" / doc).read_text(encoding="utf-8")
    start = text.index("STAFF MEETING")
    extra = {"doc": doc, "start": start, "end": start + 5, "label": "PERSON"}
    bad_gold = tmp_path / "gold.jsonl"
    bad_gold.write_text(gold + json.dumps(extra) + "\n", encoding="utf-8")
    proc = run_cli("eval", str(EVAL / "docs"), str(bad_gold), "--min-recall", "PERSON=1.0")
    assert proc.returncode == 1
    assert "PERSON recall" in proc.stderr and "below the recorded 1.000" in proc.stderr
