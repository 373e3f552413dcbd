"""Inline and configured suppressions silence exactly what they name, and unused ones are shown."""

from __future__ import annotations

import json

import pytest

from redactcheck.config import Config, ConfigError, config_from_table
from redactcheck.engine import Scanner
from tests.support.cli import run_cli

TEXT = """SECRET//NOFORN
1. (S) Portion that stays reported.
2. (S) Released portion.  # redactcheck: ignore
3. (C) Released portion, NOFORN kept. <!-- redactcheck: ignore[US-PORTION-MARK] -->
4. (C) Wrong rule named. <!-- redactcheck: ignore[US-BANNER-CLASSIFIED] -->
"""


#: document-level checks (issue 3) add findings these suppression tests are not about
NO_STRUCTURE = [
    "STRUCTURE-BANNER-PORTION-MISMATCH",
    "STRUCTURE-PORTION-WITHOUT-BANNER",
    "STRUCTURE-MISSING-AUTHORITY-BLOCK",
    "STRUCTURE-DECLASSIFICATION-DATE-PASSED",
    "STRUCTURE-UNKNOWN-MARKING-TOKEN",
]


def _scan(tmp_path, monkeypatch, text, name="doc.md", **config):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    scanner = Scanner(Config(names=False, disable=NO_STRUCTURE, **config))
    return scanner.scan([tmp_path / name]).findings


def _where(findings):
    return sorted((f.line, f.rule_id, f.text) for f in findings)


def test_inline_directives_silence_their_line_and_only_named_rules(tmp_path, monkeypatch):
    findings = _scan(tmp_path, monkeypatch, TEXT)
    assert _where(findings) == [
        (1, "US-BANNER-CLASSIFIED", "SECRET//NOFORN"),  # NOFORN inside it is not repeated
        (2, "US-PORTION-MARK", "(S)"),
        (4, "US-DISSEM-CONTROL", "NOFORN"),  # ignore[US-PORTION-MARK] leaves other rules
        (5, "US-PORTION-MARK", "(C)"),  # a directive naming another rule silences nothing
    ]


def test_unused_inline_directives_are_reported_on_request(tmp_path, monkeypatch):
    findings = _scan(tmp_path, monkeypatch, TEXT, report_unused_suppressions=True)
    unused = [f for f in findings if f.rule_id == "REDACTCHECK-UNUSED-SUPPRESSION"]
    assert [(f.line, f.text) for f in unused] == [(5, "redactcheck: ignore[US-BANNER-CLASSIFIED]")]
    f = unused[0]
    assert f.path == "doc.md" and f.column == TEXT.splitlines()[4].index("redactcheck") + 1


def test_allowed_terms_and_regexes_silence_exactly_what_they_name(tmp_path, monkeypatch):
    text = "(S) one\n(C) two\nSECRET//NOFORN\nNOFORN alone\n"
    findings = _scan(tmp_path, monkeypatch, text, allow=["(s)"], allow_regex=[r"NOFORN"])
    # "(s)" is compared casefolded; the regex must match the whole finding text
    assert _where(findings) == [
        (2, "US-PORTION-MARK", "(C)"),
        (3, "US-BANNER-CLASSIFIED", "SECRET//NOFORN"),
    ]


def test_per_path_disable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("docs/public/a.txt", "docs/internal/a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("(S) text\nSECRET\n", encoding="utf-8")
    config = config_from_table(
        {
            "names": False,
            "disable": NO_STRUCTURE,
            "per_path_disable": {"docs/public/*": ["US-PORTION-MARK"]},
        },
        str(tmp_path / ".redactcheck.toml"),
    )
    findings = Scanner(config).scan([tmp_path / "docs"]).findings
    assert sorted((f.path, f.rule_id) for f in findings) == [
        ("docs/internal/a.txt", "US-BANNER-CLASSIFIED"),
        ("docs/internal/a.txt", "US-PORTION-MARK"),
        ("docs/public/a.txt", "US-BANNER-CLASSIFIED"),
    ]


def test_cli_reports_unused_configured_suppressions(tmp_path):
    (tmp_path / ".redactcheck.toml").write_text(
        'names = false\nallow = ["(S)", "Never Seen"]\nallow_regex = ["ZZZ\\\\d+"]\n'
        'per_path_disable = {"public/*" = ["US-PORTION-MARK"]}\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("(S) text\n", encoding="utf-8")
    plain = run_cli("scan", "a.txt", "-f", "json", cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    proc = run_cli("scan", "a.txt", "-f", "json", "--report-unused-suppressions", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    unused = json.loads(proc.stdout)["findings"]
    assert {(f["rule_id"], f["path"]) for f in unused} == {
        ("REDACTCHECK-UNUSED-SUPPRESSION", ".redactcheck.toml")
    }
    assert sorted(f["text"] for f in unused) == [
        "Never Seen",
        "ZZZ\\d+",
        "public/* = US-PORTION-MARK",
    ]


@pytest.mark.parametrize(
    "table, message",
    [
        ({"allow_regex": ["(unclosed"]}, "allow_regex"),
        ({"per_path_disable": {"docs/*": "PII-PERSON"}}, "per_path_disable"),
    ],
)
def test_bad_suppression_config_is_a_config_error(table, message):
    with pytest.raises(ConfigError, match=message):
        config_from_table(table, "x.toml")


def test_a_comment_holding_only_a_directive_is_not_reported_as_hidden_content():
    from redactcheck.document import Segment
    from redactcheck.finding import Finding
    from redactcheck.suppress.chain import SuppressionChain
    from redactcheck.suppress.configured import ConfiguredSuppressions

    def hidden(text: str) -> tuple[Segment, Finding]:
        f = Finding("HIDDEN-COMMENT", "hidden", "COMMENT", "low", 1.0, 0, len(text), text, "m")
        return Segment(text, "comment"), f

    chain = SuppressionChain(ConfiguredSuppressions([]))
    kept = chain.file(
        [hidden(" redactcheck: ignore[PII-PERSON] "), hidden("redactcheck: ignore but Jane Roe")],
        set(),
    )
    assert [f.text for f in kept] == ["redactcheck: ignore but Jane Roe"]


def test_directive_is_found_in_any_letter_case():
    """The quick pre-check before the directive regex must not miss a spelling the
    case-insensitive regex accepts, the Kelvin sign (which matches "k") included."""
    from redactcheck.suppress.inline import directives

    for text in (
        "x redactcheck: ignore",
        "x REDACTCHECK:ignore[US-PORTION-MARK]",
        "x RedactCheck:  Ignore",
        "x REDACTCHEC\u212a: ignore",
    ):
        assert list(directives(text)) == [1], text
    assert directives("redactcheck ignore; Check: nothing") == {}


def test_a_directive_on_a_line_also_silences_a_document_level_finding_there(tmp_path):
    """A reviewer who accepts a banner line with ``redactcheck: ignore`` accepts what the
    document-level checks say about that banner too (suppression is one chain)."""
    text = "CONFIDENTIAL//NOFORN{}\n(S) A paragraph marked higher than the banner.\n"
    found = {}
    for name, directive in (("plain.txt", ""), ("ignored.txt", "  # redactcheck: ignore")):
        (tmp_path / name).write_text(text.format(directive), encoding="utf-8")
        result = Scanner(Config(names=False)).scan([tmp_path / name])
        found[name] = {(f.line, f.rule_id) for f in result.findings}
    assert (1, "STRUCTURE-BANNER-PORTION-MISMATCH") in found["plain.txt"]
    assert {rule for line, rule in found["ignored.txt"] if line == 1} == set()
    assert (2, "US-PORTION-MARK") in found["ignored.txt"]
