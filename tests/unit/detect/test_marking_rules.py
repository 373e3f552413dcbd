"""The shipped marking rule library: self-tests, coverage of every system, own scripts,
system/exemption on findings, and the ordinary-prose traps."""

from __future__ import annotations

import pytest

from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import LoadedRule, builtin_rules_dir, load_rules
from redactcheck.ruleset.selftest import MIN_EXAMPLES, run_examples
from tests.support.cli import run_cli

SYSTEMS = (
    "us", "cui", "legacy", "state", "cable", "release", "nato", "eu", "uk", "ca", "au", "nz",
    "de", "fr", "jp", "kr", "ru", "cn", "military",
)  # fmt: skip


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def detector(rules):
    return RuleDetector(rules)


def found(detector, text: str):
    hits = detector.detect(Segment(text))
    for h in hits:
        assert text[h.start : h.end] == h.text
    return hits


def test_every_rule_example_passes(rules):
    count, failures = run_examples(rules)
    assert failures == []
    assert count >= 6 * len(rules)


def test_every_rule_has_three_examples_of_each_kind(rules):
    for rule in rules:
        assert len(rule.spec.examples.match) >= MIN_EXAMPLES, rule.spec.id
        assert len(rule.spec.examples.no_match) >= MIN_EXAMPLES, rule.spec.id


def test_shipped_rule_with_too_few_examples_fails_the_self_test(rules):
    few = rules[0].spec.model_copy(deep=True)
    few.examples.no_match = few.examples.no_match[:1]
    shipped = LoadedRule(few, str(builtin_rules_dir() / "us" / "few.yaml"))
    _, failures = run_examples([shipped])
    assert [f.detail for f in failures] == [
        f"has 1 no_match examples, needs at least {MIN_EXAMPLES}"
    ]
    user = LoadedRule(few, "/somewhere/else/few.yaml")
    assert run_examples([user])[1] == []


def test_every_system_has_a_folder_and_rules(rules):
    systems = {r.spec.system for r in rules}
    assert set(SYSTEMS) <= systems
    for rule in rules:
        assert rule.spec.system, rule.spec.id
        assert rule.spec.references and len(rule.spec.description) > 40


def test_rules_test_cli_passes():
    result = run_cli("rules", "test")
    assert result.returncode == 0, result.stderr
    assert ", 0 failed" in result.stdout


def test_rules_list_counts_per_system():
    result = run_cli("rules", "list")
    assert result.returncode == 0
    summary = result.stdout.replace("\n", " ")
    for system in ("us", "nato", "jp", "ru", "military"):
        assert f" {system} " in summary


@pytest.mark.parametrize(
    ("text", "system", "mark"),
    [
        ("СЕКРЕТНО\nЭкз. № 2", "ru", "СЕКРЕТНО"),
        ("СОВЕРШЕННО СЕКРЕТНО", "ru", "СОВЕРШЕННО СЕКРЕТНО"),
        ("ДСП\nЭкз. № 1", "ru", "ДСП"),
        ("绝密★30年", "cn", "绝密★30年"),
        ("机密★10年", "cn", "机密★10年"),
        ("秘密\n关于会议的通知", "cn", "秘密"),
        ("【極秘】会議録", "jp", "極秘"),
        ("特定秘密", "jp", "特定秘密"),
        ("取扱注意\n議事録", "jp", "取扱注意"),
        ("Ⅱ급비밀", "kr", "Ⅱ급비밀"),
        ("대외비", "kr", "대외비"),
        ("VS-NUR FÜR DEN DIENSTGEBRAUCH", "de", "VS-NUR FÜR DEN DIENSTGEBRAUCH"),
        ("STRENG GEHEIM", "de", "STRENG GEHEIM"),
        ("TRÈS SECRET DÉFENSE", "fr", "TRÈS SECRET DÉFENSE"),
        ("DIFFUSION RESTREINTE", "fr", "DIFFUSION RESTREINTE"),
        ("RESTREINT UE/EU RESTRICTED", "eu", "RESTREINT UE/EU RESTRICTED"),
        ("COSMIC TOP SECRET", "nato", "COSMIC TOP SECRET"),
        ("OFFICIAL-SENSITIVE", "uk", "OFFICIAL-SENSITIVE"),
        ("PROTECTED B", "ca", "PROTECTED B"),
        ("OFFICIAL: Sensitive", "au", "OFFICIAL: Sensitive"),
        ("IN-CONFIDENCE", "nz", "IN-CONFIDENCE"),
        ("OPLAN 4102", "military", "OPLAN 4102"),
        ("CUI//SP-PRVCY", "cui", "CUI//SP-PRVCY"),
    ],
)
def test_each_system_is_found_in_its_own_script(detector, text, system, mark):
    hits = [h for h in found(detector, text) if h.system == system]
    assert mark in [h.text for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "The secret to a good loaf is patience.",
        "The Secretary of State arrived on Monday.",
        "(c) 2024 Example Press. All rights reserved.",
        "Please check the item(s) you ordered.",
        "Your answers are confidential and used only for research purposes.",
        "Access to the restricted area is logged at the gate.",
        "The official said the talks were sensitive but useful.",
        "Это было секретно, сказал он.",
        "这是一个商业机密。",
        "社長の秘書が来ました。",
        "Er hielt den Plan geheim.",
        "The newspaper called the plan top secret and classified.",
    ],
)
def test_ordinary_prose_has_no_marking(detector, text):
    assert found(detector, text) == []


def test_classified_findings_name_system_and_exemption(detector):
    text = "SECRET//NOFORN\n\n1. (S) Talks.\n\nClassified By: A. Person\n"
    hits = found(detector, text)
    assert hits
    by_rule = {h.rule_id: h for h in hits}
    for rule_id in ("US-BANNER-CLASSIFIED", "US-PORTION-MARK", "US-DISSEM-CONTROL"):
        assert by_rule[rule_id].system == "us"
        assert by_rule[rule_id].exemption == "(b)(1)"


def test_severity_follows_position(detector):
    own_line = found(detector, "Header\nSECRET\nBody text here.")
    in_form = found(detector, "Memorandum for the file SECRET")
    assert [h.severity for h in own_line if h.rule_id == "US-BANNER-CLASSIFIED"] == ["high"]
    assert [h.severity for h in in_form if h.rule_id == "US-BANNER-CLASSIFIED"] == ["medium"]


def test_release_stamps_are_informational(detector):
    text = (
        "RELEASE IN PART B5,B6\n"
        "U.S. Department of State Case No. F-2019-04512 Doc No. C07654321 Date: 03/02/2020\n"
        "[REDACTED]"
    )
    hits = found(detector, text)
    assert {h.rule_id for h in hits} >= {
        "RELEASE-DECISION",
        "RELEASE-STATE-CASE",
        "RELEASE-REDACTION-PLACEHOLDER",
    }
    assert {h.severity for h in hits if h.system == "release"} == {"info"}


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("SECRET//NOFORN//EXDIS", "high"),
        ("SIPDIS", "high"),
        ("Central Files. Secret; Nodis. SECRET; NODIS", "high"),
        ("Captions such as NODIS (No Distribution) limit readers.", "medium"),
        ("the NOFORN caveat was added later", "medium"),
    ],
)
def test_control_words_in_running_prose_are_medium(detector, text, severity):
    controls = [
        h for h in found(detector, text) if h.rule_id in ("STATE-CAPTION", "US-DISSEM-CONTROL")
    ]
    assert controls
    assert {h.severity for h in controls} == {severity}


def test_context_prefilter_never_hides_a_word_re_would_find():
    """RE2 says first whether a context word can occur in a hit's surroundings at all
    (detect/accel/fastscan.py ``icase_prefilter``); wherever Python's case-insensitive search finds
    one, including through the Kelvin sign, long s and the Turkish I's, it must say yes."""
    import random
    import re

    from redactcheck.detect.accel.fastscan import icase_prefilter

    words = ["derived from", "classified", "NOFORN", "E.O.", "kiss"]
    may_occur = icase_prefilter(words)
    if may_occur is None:
        pytest.skip("google-re2 is not installed")
    regex = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    pieces = ["a", " ", ".", "é", "\u212a", "\u017f", "\u0130", "\u0131", "I", "S", "K", "i"]
    pieces += ["derived", "FROM", "Classified", "nofor", "N", "E.o.", "ki", "ss", "\ud800"]
    rng = random.Random(13)
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if regex.search(text):
            hits += 1
            assert may_occur(text), text
    assert hits > 1000
    assert not may_occur("nothing to see here")
    assert icase_prefilter(["секретно"]) is None  # non-ASCII words: no prefilter


def test_plan_designators_in_press_forms_and_later_bare_references(tmp_path):
    """An invented press report: spelled-out plan names with the acronym in brackets, and
    later bare references that count only after a designator was seen."""
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    text = (
        "Officials revised the so-called operational plan (OPPLAN) 3044 this year.\n"
        "A concept plan (CONPLAN) 3071 covers refugees; OPPLAN 3071 may follow.\n"
        "Critics said the 3071 plan was vague.\n"
    )
    path = tmp_path / "press.txt"
    path.write_text(text, encoding="utf-8")
    found = Scanner(Config(names=False)).scan_file(path).findings
    plans = {f.text: f.severity for f in found if f.entity == "PLAN_DESIGNATOR"}
    assert "operational plan (OPPLAN) 3044" in plans
    assert "concept plan (CONPLAN) 3071" in plans
    assert "OPPLAN 3071" in plans
    assert plans["3071 plan"] == "low"
    bare = tmp_path / "garden.txt"
    bare.write_text("The 3071 plan for the garden was cheap.\n", encoding="utf-8")
    assert not Scanner(Config(names=False)).scan_file(bare).findings


def test_journal_entries_spell_their_level_with_the_officers_initials(detector):
    """An invented daily journal of a legislative liaison office: each numbered entry opens
    with its level written out and the writer's initials; a bracketed aside in prose does not."""
    text = (
        "4. (Secret - QRT) LIAISON Met two committee staff members about the budget.\n"
        "5. (Unclassified - WJK) BRIEFING Called the clerk about a hearing date.\n"
        "6. (Internal Use Only - PLM) LIAISON Took a call from a staff member.\n"
        "The plan was (Secret - we were told) kept from the press.\n"
    )
    marks = {h.text: h.severity for h in found(detector, text) if h.entity == "PORTION_MARK"}
    assert marks == {"Secret": "high", "Unclassified": "low", "Internal Use Only": "low"}


def test_form_box_level_broken_over_a_blank_line(detector):
    """An invented routing sheet as OCR reads its level boxes: one box's two lines with a
    blank line between them are still the administrative level."""
    text = "SECRET\n\nCONFIDENTIAL\n\nINTERNAL\n\nUSE ONLY\n\nUNCLASSIFIED\n"
    hits = found(detector, text)
    assert "INTERNAL\n\nUSE ONLY" in {h.text for h in hits}
    assert not found(detector, "for internal\n\nuse only by staff\n")
