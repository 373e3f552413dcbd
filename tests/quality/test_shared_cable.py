"""The real 2006 cable in ../shared/samples (read in place, never copied): every marking found."""

from __future__ import annotations

import re

import pytest

from tests.support.cli import SHARED

CABLE = SHARED / "samples" / "cable-tokyo-2006.txt"
pytestmark = pytest.mark.skipif(
    not CABLE.exists(), reason="../shared/samples is not beside the repo"
)


@pytest.fixture(scope="module")
def cable(rules_scanner):
    return CABLE.read_text(encoding="utf-8"), rules_scanner.scan_file(CABLE).findings


def test_every_portion_mark_and_caption(cable):
    text, findings = cable
    portions = [f for f in findings if f.entity == "PORTION_MARK"]
    assert len(portions) == text.count("(S)") == 11
    sipdis = [f for f in findings if f.text == "SIPDIS"]
    assert len(sipdis) == len(re.findall(r"\bSIPDIS\b", text))


def test_header_markings(cable):
    text, findings = cable
    texts = [f.text for f in findings]
    assert "ZNY SSSSS ZZH" in texts
    # the whole classification line (level, section, post, message number) is the banner
    banners = [f for f in findings if f.entity == "CLASSIFICATION_BANNER"]
    assert any(re.match(r"S E C R E T TOKYO \d{6}$", f.text) for f in banners)
    assert any(t.startswith("E.O. 12958: DECL: ") for t in texts)
    assert any(t.startswith("Classified By:") for t in texts)
    for f in findings:
        assert text[f.start : f.end] == f.text


@pytest.mark.nlp
def test_every_person_at_every_mention(scanner):
    """Names on the seed cable (issue 16), asserted without copying its text: a name word found
    once is found at every capitalised mention, the signature on the last line is found, and
    no finding is an acronym, a routing line or a tag."""
    from redactcheck.detect.lexicons import name_lexicon

    text = CABLE.read_text(encoding="utf-8")
    people = [f for f in scanner.scan_file(CABLE).findings if f.entity == "PERSON"]
    assert len(people) >= 25
    covered = [(f.start, f.end) for f in people]
    acronyms = name_lexicon().acronyms
    words = {w for f in people for w in re.findall(r"[A-Z][a-z]{2,}", f.text)}
    for word in words:
        for m in re.finditer(rf"\b{word}\b", text):
            assert any(s <= m.start() and m.end() <= e for s, e in covered), word
    last = text.strip().splitlines()[-1].strip()
    assert last in [f.text for f in people]
    assert not any(f.text in acronyms for f in people)
