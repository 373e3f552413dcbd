"""The published JSON Schemas describe what redactcheck really writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from tests.support.cli import REPO, run_cli
from tests.support.review_docs import CABLE, MEMO

SCHEMAS = REPO / "schemas"


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _validator(name: str):
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text()))) for p in SCHEMAS.glob("*.json")
    )
    schema = _schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.FormatChecker()
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    (folder / "memo.txt").write_text(MEMO, encoding="utf-8")
    (folder / "cable.txt").write_text(CABLE, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder


def test_json_report_matches_its_schema(project):
    proc = run_cli("scan", ".", "-f", "json", cwd=project)
    assert proc.returncode == 2, proc.stderr  # the broken PDF is an error entry
    report = json.loads(proc.stdout)
    assert report["findings"] and report["errors"]
    _validator("report.schema.json").validate(report)
    redacted = json.loads(
        run_cli("scan", ".", "-f", "json", "--redact", "--no-names", cwd=project).stdout
    )
    _validator("report.schema.json").validate(redacted)


def test_baseline_and_report_with_baseline_match_their_schemas(project, tmp_path):
    bl = tmp_path / "bl.json"
    made = run_cli("baseline", "create", "--no-names", "memo.txt", "cable.txt", "-o", str(bl),
                   cwd=project)  # fmt: skip
    assert made.returncode == 0, made.stderr
    acc = run_cli("review", "--no-names", "-b", str(bl), "--accept-all", "--reason", "ok",
                  "memo.txt", cwd=project)  # fmt: skip
    assert acc.returncode == 0, acc.stderr
    data = json.loads(bl.read_text())
    _validator("baseline.schema.json").validate(data)
    (project / "memo.txt").write_text(MEMO.replace("Declassify On: 20501231\n", ""))
    try:
        proc = run_cli("scan", "--no-names", "-b", str(bl), "-f", "json", "memo.txt", cwd=project)
    finally:
        (project / "memo.txt").write_text(MEMO, encoding="utf-8")
    report = json.loads(proc.stdout)
    assert report["baseline"]["stale"], "expected a stale entry to validate"
    _validator("report.schema.json").validate(report)


def test_schemas_reject_what_they_must(project):
    baseline = {
        "version": 1, "tool": "redactcheck",
        "key": {"salt": "0" * 32, "secret": False, "check": "0" * 16},
        "entries": [{"fingerprint": "a" * 32, "path": "x", "rule_id": "R", "text": "Jane Doe"}],
    }  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        _validator("baseline.schema.json").validate(baseline)  # no text field allowed
    report = {"tool": {"name": "redactcheck", "version": "1"}, "findings": [{"rule_id": "X"}],
              "errors": [], "summary": {}}  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        _validator("report.schema.json").validate(report)
