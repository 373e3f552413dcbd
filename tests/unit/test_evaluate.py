"""The evaluation harness: the same overlap convention as the development set's scorer, and a
command line that reports, explains and gates on recall."""

from __future__ import annotations

import json

import pytest

from redactcheck.evaluate import (
    EvalError,
    Span,
    below,
    label_of,
    load_gold,
    match,
    parse_thresholds,
    score,
)
from redactcheck.finding import Finding
from tests.support.cli import run_cli


def _span(start, end, label="PERSON", doc="a.txt"):
    return Span(doc, start, end, label)


def test_overlap_matches_and_each_gold_span_is_matched_once():
    gold = [_span(0, 3), _span(5, 8)]
    # one prediction covering both gold spans matches only one of them
    pairs, misses, false_alarms = match(gold, [_span(0, 8)])
    assert len(pairs) == 1 and len(misses) == 1 and not false_alarms
    # two predictions on one gold span: the second is a false alarm
    pairs, misses, false_alarms = match([_span(0, 10)], [_span(0, 4), _span(5, 9)])
    assert len(pairs) == 1 and len(false_alarms) == 1 and not misses


def test_a_wrong_label_or_document_never_counts():
    gold = [_span(0, 5)]
    assert not match(gold, [_span(0, 5, "MARKING")])[0]
    assert not match(gold, [_span(0, 5, doc="b.txt")])[0]


def test_touching_spans_do_not_overlap():
    pairs, misses, false_alarms = match([_span(0, 5)], [_span(5, 9)])
    assert not pairs and misses and false_alarms


def test_precision_recall_f1():
    gold = [_span(0, 3), _span(10, 13), _span(20, 23), _span(30, 33)]
    pred = [_span(1, 2), _span(10, 12), _span(40, 45)]
    result = score(gold, pred)
    person = result.scores["PERSON"]
    assert (person.gold, person.predicted, person.tp) == (4, 3, 2)
    assert person.precision == pytest.approx(2 / 3)
    assert person.recall == pytest.approx(0.5)
    assert person.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    # a label with no gold and no prediction is perfect, not a division by zero
    assert result.scores["CONTACT"].recall == 1.0 and result.scores["CONTACT"].precision == 1.0


def test_findings_map_to_labels():
    def finding(category, entity):
        return Finding("X", category, entity, "low", 1.0, 0, 1, "x", "m")

    assert label_of(finding("marking", "PORTION_MARK")) == "MARKING"
    assert label_of(finding("pii", "PERSON")) == "PERSON"
    assert label_of(finding("pii", "EMAIL_ADDRESS")) == "CONTACT"
    assert label_of(finding("pii", "PHONE_NUMBER")) == "CONTACT"
    assert label_of(finding("hidden", "DOCX_COMMENT")) is None
    assert label_of(finding("structure", "NO_TEXT_LAYER")) is None


def test_thresholds_parse_and_gate():
    assert parse_thresholds(["person=0.9", "MARKING=1"]) == {"PERSON": 0.9, "MARKING": 1.0}
    for bad in ("PERSON", "PERSON=x", "PERSON=1.5", "=0.5"):
        with pytest.raises(EvalError):
            parse_thresholds([bad])
    result = score([_span(0, 3), _span(10, 13)], [_span(0, 3)])
    assert below(result, {"PERSON": 0.5}) == []
    assert below(result, {"PERSON": 0.6}) == ["PERSON recall 0.500 is below the recorded 0.600"]


def test_bad_gold_line_names_file_and_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.txt", "start": 0, "end": 3, "label": "PERSON"}\n{"doc": 1}\n')
    with pytest.raises(EvalError, match=r"gold.jsonl:2: not a gold span"):
        load_gold(gold)


@pytest.fixture
def tiny_set(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "SECRET\n\nThe meeting is on Monday.\n(S) Nothing else.\n"
    (docs / "memo.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    spans = [
        {"doc": "memo.txt", "start": 0, "end": 6, "label": "MARKING"},
        {"doc": "memo.txt", "start": text.index("(S)"), "end": text.index("(S)") + 3,
         "label": "MARKING"},
        {"doc": "memo.txt", "start": text.index("Monday"), "end": text.index("Monday") + 6,
         "label": "PERSON"},
    ]  # fmt: skip
    gold.write_text("".join(json.dumps(s) + "\n" for s in spans), encoding="utf-8")
    return docs, gold


def test_cli_prints_table_misses_and_json(tiny_set):
    docs, gold = tiny_set
    proc = run_cli("eval", str(docs), str(gold), "--no-names", "--show")
    assert proc.returncode == 0, proc.stderr
    assert "MARKING" in proc.stdout and "PERSON" in proc.stdout
    assert "MISS PERSON" in proc.stdout and "[[Monday]]" in proc.stdout
    proc = run_cli("eval", str(docs), str(gold), "--no-names", "--json", "--show")
    data = json.loads(proc.stdout)
    assert data["scores"]["MARKING"]["recall"] == 1.0
    assert data["scores"]["PERSON"]["recall"] == 0.0
    assert data["misses"][0]["text"] == "Monday"


def test_cli_min_recall_fails_with_exit_1(tiny_set):
    docs, gold = tiny_set
    proc = run_cli("eval", str(docs), str(gold), "--no-names", "--min-recall", "PERSON=0.5")
    assert proc.returncode == 1
    assert "PERSON recall 0.000 is below the recorded 0.500" in proc.stderr
    proc = run_cli("eval", str(docs), str(gold), "--no-names", "--min-recall", "MARKING=1.0")
    assert proc.returncode == 0


def test_cli_bad_input_is_one_line_with_exit_2(tiny_set, tmp_path):
    docs, gold = tiny_set
    proc = run_cli("eval", str(tmp_path / "missing"), str(gold), "--no-names")
    assert proc.returncode == 2 and "documents folder not found" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run_cli("eval", str(docs), str(gold), "--no-names", "--min-recall", "PERSON")
    assert proc.returncode == 2 and "LABEL=X" in proc.stderr
