"""Baseline: accepted findings are not reported again, new ones are, and the file holds no text."""

from __future__ import annotations

import json
import re

from redactcheck.config import Config
from redactcheck.engine import Scanner
from redactcheck.suppress.baseline import Baseline, apply_baseline, load_baseline
from tests.support.cli import cli_env, run_cli
from tests.support.review_docs import CABLE, MEMO


def _json(proc) -> dict:
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout)


def test_create_then_scan_is_clean_and_a_new_name_is_the_only_finding(tmp_path):
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    (tmp_path / "cable.txt").write_text(CABLE, encoding="utf-8")
    made = run_cli("baseline", "create", ".", "--output", "bl.json", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    clean = run_cli("scan", ".", "--baseline", "bl.json", "--format", "json", cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    report = _json(clean)
    assert report["findings"] == []
    assert report["baseline"]["matched"] > 10 and report["baseline"]["stale"] == []
    assert report["summary"]["files_scanned"] == 2  # the baseline file itself is not scanned

    memo = MEMO.replace(
        "not be circulated.\n",
        "not be circulated.\nLogistics are handled by Cornelius Fairweather-Lund.\n",
    )
    (tmp_path / "memo.txt").write_text(memo, encoding="utf-8")
    new = run_cli("scan", ".", "--baseline", "bl.json", "--format", "json", cwd=tmp_path)
    assert new.returncode == 1, new.stderr
    findings = _json(new)["findings"]
    assert [(f["path"], f["rule_id"], f["text"]) for f in findings] == [
        ("memo.txt", "PII-PERSON", "Cornelius Fairweather-Lund")
    ]

    stored = (tmp_path / "bl.json").read_text(encoding="utf-8")
    for secret in ("Valcourt", "Achterberg", "Pepperdine", "SECRET", "NOFORN", "SIPDIS", "CCCCC"):
        assert secret not in stored
    # diff-friendly: sorted entries, fixed key order, no timestamp outside review records
    data = json.loads(stored)
    keys = [(e["path"], e["rule_id"], e["fingerprint"]) for e in data["entries"]]
    assert keys == sorted(keys)
    assert data["version"] == 1
    assert not re.search(r"\d{4}-\d\d-\d\d", stored)


def _rules_scan(tmp_path, monkeypatch, baseline: Baseline, text: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memo.txt").write_text(text, encoding="utf-8")
    scanner = Scanner(Config(names=False), key=baseline.key())
    report = scanner.scan([tmp_path / "memo.txt"])
    apply_baseline(report, baseline, {"memo.txt"})
    return report


def test_fingerprints_survive_unrelated_edits(tmp_path, monkeypatch):
    baseline = Baseline.new(tmp_path / "bl.json")
    first = _rules_scan(tmp_path, monkeypatch, baseline, MEMO)
    assert first.findings
    for f in first.findings:
        baseline.add(f)
    edited = (
        "Draft for circulation.\n\n"
        + MEMO.replace("the programme office.", "the programme office in Harbour Hall.").replace(
            "3 May", "5 May"
        )
        + "\nAnnex to follow.\n"
    )
    again = _rules_scan(tmp_path, monkeypatch, baseline, edited)
    assert again.findings == []
    assert again.baseline["stale"] == []


def test_removed_finding_is_listed_as_stale_and_other_files_are_not(tmp_path, monkeypatch):
    baseline = Baseline.new(tmp_path / "bl.json")
    for f in _rules_scan(tmp_path, monkeypatch, baseline, MEMO).findings:
        baseline.add(f)
    baseline.entries["0" * 32] = type(next(iter(baseline.entries.values())))(
        "0" * 32, "other.txt", "US-PORTION-MARK"
    )
    for e in baseline.entries.values():
        e.reviewer, e.date, e.reason = "R", "2026-01-01", "Ingrid Valcourt-Maro agreed"
    report = _rules_scan(
        tmp_path, monkeypatch, baseline, MEMO.replace("Declassify On: 20501231\n", "")
    )
    assert report.findings == []
    stale = report.baseline["stale"]
    assert [(e["path"], e["rule_id"]) for e in stale] == [
        ("memo.txt", "US-CLASSIFICATION-AUTHORITY")
    ]
    assert "Ingrid" not in str(report.baseline)  # review reasons stay in the baseline file


def test_secret_key_is_required_and_checked_and_scan_fingerprints_match(tmp_path):
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    keyed = cli_env(REDACTCHECK_FINGERPRINT_KEY="correct horse")
    made = run_cli("baseline", "create", "--no-names", "-o", "bl.json", cwd=tmp_path, env=keyed)
    assert made.returncode == 0, made.stderr
    data = json.loads((tmp_path / "bl.json").read_text())
    assert data["key"]["secret"] is True
    assert "correct horse" not in json.dumps(data)

    missing = run_cli("scan", "--no-names", "--baseline", "bl.json", cwd=tmp_path)
    assert missing.returncode == 2
    assert "REDACTCHECK_FINGERPRINT_KEY" in missing.stderr and "Traceback" not in missing.stderr
    wrong = run_cli(
        "scan",
        "--no-names",
        "--baseline",
        "bl.json",
        cwd=tmp_path,
        env=cli_env(REDACTCHECK_FINGERPRINT_KEY="wrong"),
    )
    assert wrong.returncode == 2 and "not the secret" in wrong.stderr

    # a finding that is new shows the fingerprint the baseline would store for it
    (tmp_path / "memo.txt").write_text(MEMO + "\n4. (C) Added later.\n", encoding="utf-8")
    out = run_cli(
        "scan", "--no-names", "--baseline", "bl.json", "-f", "json", cwd=tmp_path, env=keyed
    )
    assert out.returncode == 1, out.stderr
    (new,) = _json(out)["findings"]
    accept = run_cli(
        "baseline",
        "accept",
        "--no-names",
        "-b",
        "bl.json",
        "--fingerprint",
        new["fingerprint"],
        "--reason",
        "portion mark of a released paragraph",
        "--reviewer",
        "Test Reviewer",
        cwd=tmp_path,
        env=keyed,
    )
    assert accept.returncode == 0, accept.stderr
    entry = load_baseline(tmp_path / "bl.json").entries[new["fingerprint"]]
    assert entry.reviewer == "Test Reviewer" and entry.reason.startswith("portion mark")
    assert run_cli("scan", "--no-names", "-b", "bl.json", cwd=tmp_path, env=keyed).returncode == 0


def test_update_adds_new_drops_stale_and_keeps_review_records(tmp_path):
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    assert run_cli("baseline", "create", "--no-names", cwd=tmp_path).returncode == 0
    path = tmp_path / ".redactcheck-baseline.json"
    baseline = load_baseline(path)
    reviewed = next(e for e in baseline.entries.values() if e.rule_id == "US-BANNER-CLASSIFIED")
    reviewed.reviewer, reviewed.date, reviewed.reason = "A. Reviewer", "2026-01-02", "released"
    baseline.save()
    before = set(baseline.entries)

    changed = MEMO.replace("Declassify On: 20501231\n", "").replace(
        "2. (U) Questions", "2. (C) Questions"
    )
    (tmp_path / "memo.txt").write_text(changed, encoding="utf-8")
    upd = run_cli("baseline", "update", "--no-names", cwd=tmp_path)
    assert upd.returncode == 0, upd.stderr
    after = load_baseline(path)
    assert len(set(after.entries) - before) == 1  # the new (C) portion mark
    assert len(before - set(after.entries)) == 2  # the removed line, and the old (U) mark
    assert after.entries[reviewed.fingerprint].reason == "released"
    assert run_cli("scan", "--no-names", "--baseline", str(path), cwd=tmp_path).returncode == 0


def test_missing_or_broken_baseline_is_a_one_line_error(tmp_path):
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    gone = run_cli("scan", "--no-names", "--baseline", "nope.json", cwd=tmp_path)
    assert gone.returncode == 2 and "nope.json: baseline not found" in gone.stderr
    (tmp_path / "bad.json").write_text('{"version": 1}', encoding="utf-8")
    bad = run_cli("scan", "--no-names", "--baseline", "bad.json", cwd=tmp_path)
    assert bad.returncode == 2 and "not a redactcheck baseline" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_configured_baseline_is_used_by_every_command(tmp_path):
    (tmp_path / ".redactcheck.toml").write_text(
        'names = false\nbaseline = "review/accepted.json"\n', encoding="utf-8"
    )
    (tmp_path / "review").mkdir()
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    assert run_cli("scan", cwd=tmp_path).returncode == 2  # configured but not yet created
    made = run_cli("baseline", "create", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "review" / "accepted.json").is_file()
    table = run_cli("scan", cwd=tmp_path)
    assert table.returncode == 0, table.stdout + table.stderr
    assert "accepted finding(s) not shown" in table.stdout
    # a removed line shows up as stale in the terminal report, without failing the scan
    (tmp_path / "memo.txt").write_text(MEMO.replace("Declassify On: 20501231\n", ""))
    stale = run_cli("scan", cwd=tmp_path)
    assert stale.returncode == 0
    assert "1 stale entry" in stale.stdout and "US-CLASSIFICATION-AUTHORITY" in stale.stdout
