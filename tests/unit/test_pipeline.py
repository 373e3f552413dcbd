"""The per-file pipeline around name hits, with a fake name detector (no spaCy model): names
are detected once per batch of files, located at exact offsets, filtered by ``min_score`` and
silenced by an inline directive like any rule's finding. All names are invented."""

from __future__ import annotations

from redactcheck.config import Config
from redactcheck.pipeline import Pipeline
from tests.support.fake_names import FakeNameDetector

MEMO = (
    "Minutes of the harbour board.\n"
    "Ottoline Varga opened the meeting; Corin Ashdale took notes.\n"
    "Ottoline Varga closed it.  # redactcheck: ignore\n"
)


def _people(result) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.text) for f in result.findings if f.entity == "PERSON"]


def test_names_are_found_once_per_batch_and_located_exactly():
    names = FakeNameDetector(["Ottoline Varga", "Corin Ashdale"])
    pipeline = Pipeline(Config(names=True, cache=False), name_detector=names)
    first, second = pipeline.scan([("a.txt", MEMO.encode()), ("b.txt", b"Corin Ashdale wrote.\n")])
    assert names.batches == 1  # NER runs over the segments of all files of a batch at once
    assert _people(first) == [(2, 1, "Ottoline Varga"), (2, 36, "Corin Ashdale")]
    assert _people(second) == [(1, 1, "Corin Ashdale")]
    for f in first.findings:
        line = MEMO.splitlines()[f.line - 1]
        assert line[f.column - 1 : f.column - 1 + len(f.text)] == f.text


def test_weak_names_fall_under_min_score_and_names_off_never_asks():
    weak = FakeNameDetector(["Ottoline Varga"], score=0.4)
    pipeline = Pipeline(Config(names=True, min_score=0.5, cache=False), name_detector=weak)
    [result] = pipeline.scan([("a.txt", MEMO.encode())])
    assert _people(result) == []
    unused = FakeNameDetector(["Ottoline Varga"])
    [result] = Pipeline(Config(names=False), name_detector=unused).scan([("a.txt", MEMO.encode())])
    assert _people(result) == [] and unused.batches == 0
