"""The keyword gate only decides where patterns run: findings must equal a plain ``re`` run of
every pattern over the whole normalised text (see redactcheck/detect/accel/keywords.py)."""

from __future__ import annotations

import random
import re

import pytest

from redactcheck.detect.accel.fastscan import ascii_view
from redactcheck.detect.accel.regex_facts import (
    UNBOUNDED,
    consumed_literals,
    keyword_lines_above,
    keywords,
    max_newlines,
)
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.normalize import normalize
from redactcheck.ruleset.loader import load_rules

pytest.importorskip("re2")


@pytest.fixture(scope="module")
def rules():
    return load_rules([])


@pytest.fixture(scope="module")
def fast(rules):
    detector = RuleDetector(rules)
    assert detector.gate is not None
    return detector


@pytest.fixture(scope="module")
def plain(rules):
    """Every pattern over the whole text: no gate."""
    detector = RuleDetector(rules)
    detector.gate = None
    return detector


def as_tuples(findings):
    return [(f.rule_id, f.start, f.end, f.text, f.score, f.severity, f.detector) for f in findings]


# Synthetic lines (my own writing): markings clean and damaged, prose, near misses.
LINES = [
    "SECRET//NOFORN",
    "TOP SECRET//SI/TK//NOFORN",
    "(S//NF) The envoy from Ostravia met the trade attaché on 4 May.",
    "(U) Nothing further to report.",
    "(C) Budget lines were discussed.",
    "Classified By: Marta Quillfeather, Deputy Director",
    "Reason: 1.4(b) and (d)",
    "Declassify On: 20401231",
    "DECL: OADR",
    "S E C R E T",
    "T O P  S E C R E T",
    "C O N F I D E N T I A L",
    "5ECRET//REL TO USA, FVEY",
    "C0NFIDENTIAL",
    "UNCLA5SIFIED",
    "ＳＥＣＲＥＴ//ＮＯＦＯＲＮ",
    "ＣＯＮＦＩＤＥＮＴＩＡＬ",
    "S\u0415CRET",  # Cyrillic Ie inside a Latin word
    "SE\u200bCRET//NOFORN",
    "CONFIDEN-",
    "TIAL",
    "SECRE T",
    "NO FORN",
    "The secret to a good loaf is patience.",
    "Confidential matters were left for Tuesday.",
    "ALL INFORMATION CONTAINED",
    "HEREIN IS UNCLASSIFIED",
    "GROUP 1",
    "Excluded from automatic downgrading",
    "This document contains information affecting the national defense of",
    "the United States within the meaning of the Espionage Laws, Title 18,",
    "U.S.C., sections 793 and 794.",
    "NATIONAL SECURITY INFORMATION",
    "Unauthorized Disclosure Subject to Criminal Sanctions",
    "COMMUNICATIONS",
    "INTELLIGENCE   CHANNELS",
    "Classification: Secret",
    "Claſſification: Secret",  # long s: Python's IGNORECASE folds it to "s"
    "SECRET NOFORN",
    "CLASSIFICATION: SECRET",
    "1411 Larkspur Avenue",
    "Grenmouth, Calvary 04521",
    "ZNY SSSSS ZZH",
    "ZNR UUUUU ZZH",
    "R 221530Z MAR 74",
    "FM AMEMBASSY VADUZ",
    "TO SECSTATE WASHDC 4411",
    "E.O. 12958: DECL: 03/04/2031",
    "TAGS: PREL, PGOV, XX",
    "SUBJECT: (C) Harbour talks",
    "CUI//SP-PRVCY",
    "OFFICIAL-SENSITIVE",
    "СЕКРЕТНО",
    "Экз. № 2",
    "ДСП",
    "绝密★10年",
    "【秘密】",
    "（極秘）",
    "대외비",
    "TRÈS SECRET DÉFENSE",
    "VS-NUR FÜR DEN DIENSTGEBRAUCH",
    "PROTÉGÉ B",
    "(b)(6), (b)(7)(C)",
    "b1, b6",
    "XXXXXXXXXX",
    "25X1",
    "RELEASED IN PART B1,1.4(D)",
    "//CEO",
    "REL TO USA/GBR",
    "Approved For Release 2004/10/13 : CIA-RDP80B01676R000100020004-1",
    "",
    "   ",
]


def generated_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [rnd.choice(LINES) for _ in range(rnd.randint(1, 12))]
        sep = rnd.choice(["\n", "\n", "\r\n", "\n\n"])
        text = sep.join(lines)
        if rnd.random() < 0.3:
            text += "\n"
        if rnd.random() < 0.2:  # markings glued to surrounding prose
            text = "Memo text " + text + " end of memo"
        texts.append(text)
    return texts


def fixture_texts(rules) -> list[str]:
    texts = ["\n".join(LINES), "\r\n".join(LINES), "\n".join(LINES).lower(), ""]
    for rule in rules:
        texts.extend(rule.spec.examples.match)
        texts.extend(rule.spec.examples.no_match)
    return texts


def test_gate_gives_the_same_findings_as_every_pattern_everywhere(rules, fast, plain):
    texts = fixture_texts(rules) + generated_texts(400, seed=11)
    total = 0
    for text in texts:
        got = as_tuples(fast.detect(Segment(text)))
        assert got == as_tuples(plain.detect(Segment(text))), text
        total += len(got)
    assert total > 1000  # the comparison is about real findings, not empty lists


def test_keywords_with_a_digit_find_non_ascii_digits(fast, plain):
    """A keyword such as ``4:`` stands for any digit before the colon, Arabic-Indic ones too
    (Python's ``\\d``): the one-byte view shows those as ``?``, which the keywords include."""
    text = (
        "Sent \u0661\u0664:32 3O1 555 0199 -> 202 555 0100\nfiled (\u0665\u0660\u0666)\n555-0134\n"
    )
    got = as_tuples(fast.detect(Segment(text)))
    assert got == as_tuples(plain.detect(Segment(text)))
    numbers = {f[3] for f in got if f[0] == "PII-PHONE-OCR"}
    assert "3O1 555 0199" in numbers
    assert "(\u0665\u0660\u0666)\n555-0134" in numbers


def test_damaged_markings_are_found_through_the_gate(fast):
    text = "Memo\nS E C R E T\nC0NFIDENTIAL\nＳＥＣＲＥＴ//ＮＯＦＯＲＮ\nCONFIDEN-\nTIAL\n"
    found = {(f.rule_id, f.text) for f in fast.detect(Segment(text))}
    assert ("US-BANNER-CLASSIFIED", "S E C R E T") in found
    assert ("US-BANNER-CLASSIFIED", "C0NFIDENTIAL") in found
    assert ("US-BANNER-CLASSIFIED", "ＳＥＣＲＥＴ//ＮＯＦＯＲＮ") in found
    assert ("US-BANNER-CLASSIFIED", "CONFIDEN-\nTIAL") in found
    for f in fast.detect(Segment(text)):
        assert text[f.start : f.end] == f.text


def test_every_matching_example_holds_a_keyword_of_the_pattern(fast):
    """The derived keywords are a claim about every match: check it on the rule examples."""
    checked = 0
    for rule, pattern in fast._owners:
        found, icase = keywords(pattern.spec.regex, pattern.regex.flags)
        for example in rule.spec.examples.match:
            text = normalize(example).text
            if not pattern.regex.search(text):
                continue
            checked += 1
            assert found is not None, pattern.spec.regex
            # ASCII keywords are looked for in the one-byte view (non-ASCII reads "?")
            view = ascii_view(text).decode("ascii")
            haystacks = (text.lower(), view.lower()) if icase else (text, view)
            assert any(word in haystacks[word.isascii()] for word in found), (rule.spec.id, example)
    assert checked > 100


def test_every_match_holds_each_consumed_literal(fast):
    """``consumed_literals`` is a claim about every match (windows lacking one are dropped):
    check it on every match of every pattern in the rule examples and the generated lines."""
    texts = [
        normalize(e).text
        for rule, _ in fast._owners
        for e in (*rule.spec.examples.match, *rule.spec.examples.no_match)
    ]
    texts.append(normalize("\n".join(generated_texts(200, seed=5))).text)
    checked = 0
    for _, pattern in fast._owners:
        literals = consumed_literals(pattern.spec.regex, pattern.regex.flags)
        for text in texts:
            for m in pattern.regex.finditer(text):
                checked += bool(literals)
                for literal in literals:
                    assert literal in m.group(0), (pattern.spec.name, literal, m.group(0))
    assert checked > 100


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"(?<![\d-])[2-9]\d{2}-\d{4}(?![\d-])", {"-"}),
        (r"CL(?:ASSIFIED)? BY:", {"CL", " BY:"}),
        (r"(?:ab)+c", {"ab", "c"}),
        (r"(?:ab)?c", {"c"}),
        (r"(?:a|b)c", {"c"}),
        (r"x(?=yz)", {"x"}),  # a look-ahead's text is not the match's
        (r"(?<=//)CEO", {"CEO"}),
        (r"A(?i:b)C", {"A", "C"}),  # letters matched in any case fix nothing
        (r"(?i)secret", set()),
        (r"(?i)e\.o\. 11652", {".", ". 11652"}),  # no case: matched exactly all the same
        (r"[A-Z]+", set()),
    ],
)
def test_consumed_literals_are_read_from_the_regex(regex, expected):
    assert consumed_literals(regex) == expected


def test_a_line_without_the_number_is_not_searched(fast):
    """A seven-digit local number after "call": a line with "call" and no number is not
    searched for one (the gate looks for the number's digits and hyphen, regex_core.py); the
    number's line is, from as far above as the pattern reads before it (two line breaks)."""
    index = next(i for i, (_, p) in enumerate(fast._owners) if p.spec.name == "local-number")
    # (blank lines between: the pattern reads at most two line breaks after its word, the
    # second for OCR's double-spaced typescript)
    text = "Please call the office today.\n\n\n\nCall the desk at 555-0147 after noon.\n"
    windows = dict(fast.gate.windows(text))
    assert windows[index] == [(text.index("Call") - 2, len(text))]


def test_clean_prose_runs_no_pattern(fast):
    assert fast.gate.windows("The committee met on Tuesday to discuss the budget.\n") == []


def test_windows_are_the_lines_around_keywords(fast):
    text = "first line\nthe NOFORN caveat\nlast line"
    windows = dict(fast.gate.windows(text))
    assert windows
    for spans in windows.values():
        for pos, end in spans:
            assert pos == 0 or text[pos - 1] == "\n"
            assert end == len(text) or text[end - 1] == "\n"
            assert "NOFORN" in text[pos:end]


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"SECRET//NOFORN", {"SECRET//NOFORN"}),
        (r"(?<![A-Za-z])(?P<mark>NOFORN|ORCON)(?![A-Za-z])", {"NOFORN", "ORCON"}),
        (r"(?<=//)(?P<mark>CEO)", {"//CEO"}),
        (r"\((?:TS|S|C)\)", {"(TS)", "(S)", "(C)"}),
        (r"X{8,}", {"XXXXXXXX"}),
        (r"[0-9]+", set("0123456789")),
        # a digit is one of the eleven characters a one-byte view shows for one: 0-9, or the
        # "?" standing for every non-ASCII character (Python's \d matches Arabic-Indic digits)
        (r"a|\d", {"a", "?", *"0123456789"}),
        (r"a|.", None),
        (r":(?<=\d:)\d{2}", {"?:", *(f"{d}:" for d in "0123456789")}),
        (r"\((?<!\w\()\d{2,4}\)", {"(?", *(f"({d}" for d in "0123456789")}),
        # a non-ASCII keyword is looked for in the text itself, where "?" is no digit: the
        # digits are left out of the keywords then
        (r"é\d", {"é"}),
        # "¶" is rarer than a digit and a full stop: it stays the keyword
        (r"¶[ \t]*\d{1,3}\.", {"¶"}),
        (r"(?:ab)?c", {"c"}),
        # an optional piece is one of its strings or nothing: the run goes on through it
        (r"D\.[ \t]?C\.", {"D.C.", "D. C.", "D.\tC."}),
        (
            r"(?<=[Tt])el\.?(?=[ \t])",
            {f"{t}el{d}{s}" for t in "Tt" for d in ("", ".") for s in " \t"},
        ),
        # a keyword holding another adds no line: only the shorter is looked for
        (r"Tel\.?", {"Tel"}),
        # a look-behind's text joins the start of what follows, even when that is not exact
        (r"(?<=/)(?P<mark>NF|OC|DISPLAY ONLY(?: [A-Z]{3})?)", {"/NF", "/OC", "/DISPLAY ONLY"}),
        (r"R[UH][A-Z]{3,5}/", {f"R{a}{b}" for a in "UH" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}),
        # a repeat ends with one of its strings: the separator joins the word after it, so a
        # word inside another ("tel" in "intelligence") is no keyword hit
        (r"\d{3}(?=[ \t]{1,4}(?:FAX|tel)(?![A-Za-z]))", {" FAX", "\tFAX", " tel", "\ttel"}),
        (r"\d+[ \t]+plans?", {" plan", "\tplan"}),
    ],
)
def test_keywords_are_read_from_the_regex(regex, expected):
    found, _ = keywords(regex)
    assert (set(found) if found is not None else None) == expected


def test_ignorecase_keywords_are_marked():
    assert keywords(r"(?i:classification)[ \t]*:") == (frozenset({"classification"}), True)
    assert keywords("Classification:")[1] is False


@pytest.mark.parametrize(
    ("regex", "lines"),
    [
        (r"SECRET[ \t]+SECTION", 0),
        (r"[^\n]{0,20}NOFORN", 0),
        (r"ALL[ \t]*\n?[ \t]*HEREIN", 1),
        (r"A(?:\n[^\n]{0,80}){0,2}?B", 2),
        (r"A\s+B", UNBOUNDED),
        (r"A[^)]*B", UNBOUNDED),
        (r"(?<=\n)A", 0),  # look-behind reads before the match: not counted
        (r"A(?=\n\nB)", 2),  # look-ahead reads after it: counted
        (r"A.B", 0),
        (r"(?s)A.B", 1),
    ],
)
def test_line_break_bound(regex, lines):
    assert max_newlines(regex) == lines


@pytest.mark.parametrize(
    ("regex", "above"),
    [
        # the keyword opens the match: no line above it can belong to the match
        (r"KEYWORD[^\n]*\n[^\n]*\nTOWN", 0),
        (r"KEY[^\n]*\n[^\n]*\nTOWN", 2),  # the longer TOWN is the keyword
        (r"KEY(?:x\n){0,3}", 0),
        (r"\d+ Elm (?:Street|Road)\n[A-Z]\w+, Ohio", 0),
        # line breaks before the keyword count, in every repetition that may come first
        (r"(?:x\n){0,3}KEY", 3),
        (r"A\nBCD\nE", 1),
        (r"x\n(?=[^\n]*\nKEY)", 2),
        (r"(?:A\nB){2}", 0),  # every match starts with A
        (r"[a-z]{2}\n(?:x\n){1,2}NEEDLE", 3),
        # never more than the bound of the whole match
        (r"(?<=KEY\n)X", 0),
    ],
)
def test_lines_above_the_keyword(regex, above):
    assert keyword_lines_above(regex) == above
    assert keyword_lines_above(regex) <= max_newlines(regex)


def test_address_window_starts_at_its_street_line(fast):
    """An address block starts on the line of its street type: lines above it are not read,
    and the block is still found (the same as a plain run: the test above)."""
    text = "Memo of the meeting\nsent on by hand\n4410 Brandt Avenue\nFairview, Ohio 44122\n"
    index = next(i for i, (_, p) in enumerate(fast._owners) if p.spec.name == "street-town-state")
    assert fast.gate.plans[index].above == 0 < fast.gate.plans[index].lines
    spans = dict(fast.gate.windows(text))[index]
    assert spans == [(text.index("4410"), len(text))]
    found = [f.text for f in fast.detect(Segment(text)) if f.rule_id == "PII-ADDRESS"]
    assert found == ["4410 Brandt Avenue\nFairview, Ohio 44122"]


def test_re_semantics_the_windows_rely_on():
    """``finditer(text, pos, endpos)``: look-behind, ``\\b`` and ``^`` see the real text before
    ``pos``; ``endpos`` ends the string. If Python ever changes this, the gate is wrong."""
    assert re.compile(r"(?<=a)b").search("ab", 1)
    assert not re.compile(r"(?<!a)b").search("ab", 1)
    assert not re.compile(r"\bb").search("ab", 1)
    assert not re.compile(r"^b", re.M).search("ab", 1)
    assert re.compile(r"^b", re.M).search("a\nb", 2)
    assert re.compile(r"a$").search("ab", 0, 1)


def test_hyperscan_and_re2_find_the_same_keyword_lines(rules, fast):
    """Keyword lines come from Hyperscan where it is installed and from RE2 elsewhere; both
    must give every pattern the same windows (random mixes of marking lines, case changes,
    words glued together, non-ASCII, CRLF)."""
    pytest.importorskip("hyperscan")
    from redactcheck.detect.accel.keywords import KeywordGate

    patterns = [(p.spec.regex, p.regex.flags) for _, p in fast._owners]
    by_hs = KeywordGate(patterns, engine="hyperscan")
    by_re2 = KeywordGate(patterns, engine="re2")
    rnd = random.Random(23)
    texts = fixture_texts(rules) + generated_texts(300, seed=5)
    for text in list(texts):
        texts.append(text.upper())
        texts.append(text.swapcase().replace(" ", "", 3))
        texts.append(text.replace("E", "É", 2))
    for _ in range(300):
        texts.append("".join(rnd.choice(texts[:200])[:40] for _ in range(rnd.randint(1, 6))))
    windows = 0
    for text in texts:
        got = by_hs.windows(text)
        assert got == by_re2.windows(text), text
        windows += sum(len(spans) for _, spans in got)
    assert windows > 20000


def test_a_rare_character_finds_its_keyword_as_a_search_would():
    """Non-ASCII keywords are looked for from the places of their special character; a text
    holding that character more often than the few places tried is searched whole."""
    from redactcheck.detect.accel.keywords import _HOLDS_TRIES, _holds

    rnd = random.Random(41)
    pieces = ["\u2018", "\u2019", "CO", " ", "\t", "x", "\n", "\u2018CO", " \u2018C"]
    cases = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 2 * _HOLDS_TRIES + 6)))
        for core in (" \u2018CO", "\t\u2018CO", "\u2018"):
            assert _holds(text, core, "\u2018") == (core in text), (text, core)
            cases += core in text
    assert cases > 500
    # the keyword after more special characters than are tried one by one
    text = "\u2018x" * (_HOLDS_TRIES + 3) + " \u2018CO"
    assert _holds(text, " \u2018CO", "\u2018")
    assert not _holds(text.replace(" \u2018CO", ""), " \u2018CO", "\u2018")


def test_non_ascii_keywords_after_many_special_characters(fast, plain):
    """A foreign marking after a page of curly quotes is found as a plain run finds it."""
    quotes = "\u201cquoted\u201d and \u2018quoted\u2019 words\n" * 12
    found = 0
    for text in (quotes + "Protégé B\n", quotes + "VS - NUR FÜR DEN DIENSTGEBRAUCH\n", quotes):
        got = as_tuples(fast.detect(Segment(text)))
        assert got == as_tuples(plain.detect(Segment(text)))
        found += len(got)
    assert found >= 2


def test_patterns_that_match_the_empty_string_give_what_a_plain_run_gives():
    """A pattern that can match nothing (a rule author's optional group) is searched once per
    window, then stepped through as ``finditer`` steps: the same hits as a plain run."""
    from redactcheck.ruleset.schema import PatternSpec, RuleSpec

    spec = RuleSpec(
        id="TEST-OPTIONAL",
        name="Optional level word",
        category="marking",
        entity="CLASSIFICATION_BANNER",
        severity="high",
        description="A test rule whose patterns can match the empty string.",
        patterns=[
            PatternSpec(name="optional", regex=r"(?P<mark>SECRET)?", score=0.5),
            PatternSpec(name="optional-before", regex=r"(?P<mark>SECRET)?(?=//)", score=0.6),
            PatternSpec(name="star", regex=r"C*(?P<mark>ONFIDENTIAL)?", score=0.7),
        ],
        references=["Invented for this test."],
        examples={"match": ["SECRET//NOFORN"], "no_match": ["nothing"]},
    )
    fast, plain = RuleDetector([spec]), RuleDetector([spec])
    plain.gate = None
    assert fast.gate is not None
    found = 0
    for text in [
        "SECRET//NOFORN\nx SECRET y\n//SECRET",
        "",
        "SECRETSECRET//",
        "SECRETSECRET x",
        "CCONFIDENTIAL",
        *LINES,
    ]:
        got = as_tuples(fast.detect(Segment(text)))
        assert got == as_tuples(plain.detect(Segment(text))), text
        found += len(got)
    assert found >= 5
