"""No leaks: under ``--redact`` no matched text appears in any output.

Fixtures with known secrets (names, e-mail, phone, marking lines) are scanned once without
``--redact`` to learn every matched text, then in every format with ``--redact``, to stdout and
to a file, with ``--verbose``; stdout, stderr and the report files must hold none of them.
Broken files hold secrets too: their error lines must not quote them.
"""

from __future__ import annotations

import json

import pytest

from redactcheck.report import FORMATS
from redactcheck.ruleset.loader import load_rules
from tests.support.cli import run_cli

MEMO = """\
SECRET//NOFORN

MEMORANDUM FOR THE QUAYSIDE ARCHIVE

FROM: Benedikta Halloran-Vesk, Records Officer

1. (S) Rasmus Oberlin-Tate met the pilot at Crowhaven on 2 May.
2. (C) Write to benedikta.halloran@quayside-archive.example.org or call (202) 555-0181.

Classified By: Benedikta Halloran-Vesk, Records Officer
Declassify On: 20460101

SECRET//NOFORN
"""

#: Texts that must never appear under --redact, whatever the detectors make of them.
KNOWN_SECRETS = [
    "Halloran-Vesk",
    "Oberlin-Tate",
    "benedikta.halloran@quayside-archive.example.org",
    "555-0181",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("leaks") / "docs"
    root.mkdir()
    (root / "memo.txt").write_text(MEMO, encoding="utf-8")
    (root / "cable.md").write_text(
        "CONFIDENTIAL\n\n(C) AMBASSADOR ISOLDE FARRANCOURT MET RASMUS OBERLIN-TATE.\n",
        encoding="utf-8",
    )
    # broken files whose content holds secrets: errors must name them without quoting them
    (root / "broken.docx").write_text("Oberlin-Tate's notes, saved as text\n")
    (root / "zeros.txt").write_bytes(b"\0" * 32)
    (root / "long.txt").write_text("Halloran-Vesk " * 200 + "\n")
    return root


@pytest.fixture(scope="module")
def secrets(folder) -> list[str]:
    plain = run_cli("scan", str(folder), "--format", "json", "--max-line-length", "1000")
    assert plain.returncode == 2, plain.stderr
    texts = {f["text"] for f in json.loads(plain.stdout)["findings"]}
    # static rule documentation (SARIF carries it) may quote marking words; those are not leaks
    docs = " ".join(
        " ".join([r.spec.name, r.spec.description, r.spec.message or ""]) for r in load_rules()
    )
    found = sorted(t for t in texts if len(t) >= 4 and t not in docs)
    for known in KNOWN_SECRETS:  # the detectors did find each known secret
        assert any(known in t for t in texts), (known, texts)
    assert len(found) >= 6, found
    return sorted(set(found) | set(KNOWN_SECRETS))


@pytest.mark.nlp
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_redacted_output_holds_no_matched_text(fmt, folder, secrets, tmp_path):
    out_file = tmp_path / f"report.{fmt}"
    to_file = run_cli(
        "scan", str(folder), "--redact", "--format", fmt, "--verbose",
        "--max-line-length", "1000", "-o", str(out_file),
    )  # fmt: skip
    to_stdout = run_cli(
        "scan", str(folder), "--redact", "--format", fmt, "--verbose", "--max-line-length", "1000"
    )
    for proc in (to_file, to_stdout):
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
    written = out_file.read_text(encoding="utf-8")
    assert "REDACTED" in written and "REDACTED" in to_stdout.stdout
    everything = "\n".join(
        [written, to_file.stdout, to_file.stderr, to_stdout.stdout, to_stdout.stderr]
    )
    leaked = [s for s in secrets if s in everything]
    assert leaked == []
    # the broken files are still named, with reasons that quote nothing
    for name in ("broken.docx", "zeros.txt", "long.txt"):
        assert name in everything


@pytest.mark.nlp
def test_ci_environment_turns_redaction_on(folder, secrets):
    from tests.support.cli import cli_env

    proc = run_cli(
        "scan", str(folder), "--format", "json", "--max-line-length", "1000", env=cli_env(CI="true")
    )
    assert proc.returncode == 2
    assert [s for s in secrets if s in proc.stdout + proc.stderr] == []
