"""A finding's life: a detector's frozen hit with its explanation, one locate pass, a frozen
finding. Reviewers and tools rely on the explanation saying why a span was reported, and on a
finding never changing once made (memoised and cached results are shared)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from redactcheck.config import Config
from redactcheck.document import Document, Placed, Segment
from redactcheck.finding import Explanation, Finding, Hit
from redactcheck.locate import locate
from redactcheck.pipeline import Pipeline
from redactcheck.report.json_report import render as render_json
from redactcheck.results import Report


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(names=False))


def _findings(pipeline: Pipeline, text: str) -> list[Finding]:
    return pipeline.detect_document(Document("memo.txt", "text/plain", [Segment(text)]))


def test_a_context_word_that_raised_the_score_is_named(pipeline):
    """The banner rule's context words ("classified" …) raise its score; the explanation
    keeps the score before the raise and the word that raised it."""
    raised = _findings(pipeline, "SECRET\nThe memo was classified by the office.\n")
    plain = _findings(pipeline, "SECRET\nThe memo about the budget.\n")
    (banner,) = [f for f in raised if f.rule_id == "US-BANNER-CLASSIFIED"]
    (same,) = [f for f in plain if f.rule_id == "US-BANNER-CLASSIFIED"]
    assert banner.explanation == Explanation("rules:own-line", same.score, "classified")
    assert banner.score > banner.explanation.base_score
    assert same.explanation is not None and same.explanation.context_word is None
    assert same.score == same.explanation.base_score


def test_every_finding_says_which_mechanism_made_it(pipeline):
    found = _findings(pipeline, "CONFIDENTIAL//NOFORN\n(S) A paragraph marked higher.\n")
    mechanisms = {f.rule_id: f.explanation.mechanism for f in found if f.explanation}
    assert mechanisms["US-PORTION-MARK"].startswith("rules:")
    assert mechanisms["STRUCTURE-BANNER-PORTION-MISMATCH"] == "structure"
    assert len(mechanisms) == len(found)


def test_the_explanation_stays_out_of_reports(pipeline):
    """Reports keep their documented fields (schemas/report.schema.json)."""
    found = _findings(pipeline, "SECRET//NOFORN\n")
    data = json.loads(render_json(Report(findings=found)))
    assert data["findings"] and all("explanation" not in f for f in data["findings"])


def test_hits_and_findings_cannot_be_changed():
    hit = Hit("R", "marking", "E", "high", 0.9, 0, 3, "(S)", "m")
    (finding,) = locate([Placed(Segment("(S) text"), hit)], "a.txt", b"k")
    for record in (hit, finding):
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.severity = "info"  # type: ignore[misc]


def test_records_take_their_fields_as_the_dataclass_declares_them():
    """Hits and findings are built by a faster ``__init__`` (finding.quick_init): the same
    parameters, defaults and fresh default dicts, every field stored, and still frozen."""
    hit = Hit("R", "marking", "E", "high", 0.9, 0, 3, "(S)", "m", detector="rules:p")
    assert hit == Hit(
        rule_id="R", category="marking", entity="E", severity="high", score=0.9, start=0,
        end=3, text="(S)", message="m", system=None, exemption=None, detector="rules:p",
        details={}, explanation=None, roles=frozenset(),
    )  # fmt: skip
    other = Hit("R", "marking", "E", "high", 0.9, 0, 3, "(S)", "m")
    assert hit.details == {} and hit.details is not other.details  # a fresh dict each
    assert Finding("R", "marking", "E", "high", 0.9, 0, 3, "(S)", "m").part == "body"
    with pytest.raises(TypeError):
        Hit("R", "marking")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Hit("R", "marking", "E", "high", 0.9, 0, 3, "(S)", "m", colour="red")  # type: ignore
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.score = 0.1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Explanation("rules:p", 0.9).base_score = 0.1  # type: ignore[misc]


def test_one_locate_pass_places_every_hit_of_a_document_in_its_own_segment():
    body = Segment("line one\n(S) two\n", "body", 1)
    comment = Segment("(S) in a comment", "comment", 1)
    placed = [
        Placed(body, Hit("R", "marking", "E", "high", 0.9, 9, 12, "(S)", "m")),
        Placed(comment, Hit("R", "marking", "E", "high", 0.9, 0, 3, "(S)", "m")),
    ]
    first, second = locate(placed, "a.txt", b"k")
    assert (first.part, first.line, first.column) == ("body", 2, 1)
    assert (second.part, second.line, second.column) == ("comment", 1, 1)
    assert first.fingerprint != second.fingerprint


def test_a_scan_leaves_the_garbage_collectors_settings_as_they_were(pipeline, tmp_path):
    """A batch runs with fewer young collections (pipeline.fewer_collections); a program
    embedding redactcheck gets its own settings back, and a threshold it set higher, or a
    collector it turned off, is left alone."""
    import gc

    memo = tmp_path / "memo.txt"
    memo.write_text("SECRET//NOFORN\n(S) Lunch is at noon.\n", encoding="utf-8")
    before = gc.get_threshold()
    try:
        for threshold in ((700, 10, 10), (50_000, 5, 5), (0, 10, 10)):
            gc.set_threshold(*threshold)
            (result,) = pipeline.scan([memo])
            assert result.findings and gc.get_threshold() == threshold
    finally:
        gc.set_threshold(*before)


def test_a_whole_scan_holds_the_batch_threshold_and_then_gives_it_back(pipeline, tmp_path):
    """Between units too (``parallel.run``): a program's own settings come back once the
    last result is read, and a collector it turned off stays off."""
    import gc

    from redactcheck.parallel import InlineRunner, run
    from redactcheck.pipeline import BATCH_GC_THRESHOLD

    files = []
    for n in range(3):
        memo = tmp_path / f"memo{n}.txt"
        memo.write_text("SECRET//NOFORN\n(S) Lunch is at noon.\n", encoding="utf-8")
        files.append(memo)
    before = gc.get_threshold()
    try:
        for threshold in ((700, 10, 10), (0, 10, 10)):
            gc.set_threshold(*threshold)
            during = []
            for result in run(pipeline, files, InlineRunner()):
                assert result.findings
                during.append(gc.get_threshold()[0])
            expected = BATCH_GC_THRESHOLD if threshold[0] else 0
            assert during == [expected] * len(files)
            assert gc.get_threshold() == threshold
    finally:
        gc.set_threshold(*before)
