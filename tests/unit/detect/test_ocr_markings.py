"""OCR-damaged marking words and stamp fragments: the examples of
rules/lexicons/ocr_markings.yaml, run through the rule detector as a scan runs them."""

from __future__ import annotations

import re

import pytest

from redactcheck.detect.lexicons import load_lexicon
from redactcheck.detect.markings import ocr_box_row
from redactcheck.detect.markings.ocr_markings import DAMAGED_ID, FRAGMENT_ID
from redactcheck.detect.markings.rules import RuleDetector
from redactcheck.document import Segment
from redactcheck.ruleset.loader import load_rules

EXAMPLES = load_lexicon("ocr_markings.yaml")["examples"]


@pytest.fixture(scope="module")
def detector() -> RuleDetector:
    return RuleDetector(load_rules())


def _ocr_findings(detector: RuleDetector, text: str):
    found = detector.detect(Segment(text))
    for f in found:
        assert text[f.start : f.end] == f.text  # offsets are exact
    return [f for f in found if f.rule_id in (DAMAGED_ID, FRAGMENT_ID)]


@pytest.mark.parametrize("text", EXAMPLES["damaged"])
def test_damaged_marking_words_are_reported(detector, text):
    found = detector.detect(Segment(text))
    assert any(f.category == "marking" for f in found), text


@pytest.mark.parametrize("text", EXAMPLES["not_damaged"])
def test_real_words_are_not_damaged_markings(detector, text):
    assert [f.text for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID] == []


@pytest.mark.parametrize("example", EXAMPLES["stamp_block"], ids=lambda e: e["text"][:25])
def test_stamp_block_fragments(detector, example):
    # a piece counts whichever step reports it (a damaged Declassify On line that keeps its
    # tail and value is a rule's now); where there is no stamp, the OCR steps stay quiet
    texts = [f.text for f in _ocr_findings(detector, example["text"])]
    marked = [f.text for f in detector.detect(Segment(example["text"])) if f.category == "marking"]
    for fragment in example["fragments"]:
        assert any(fragment in t or t in fragment for t in marked), (fragment, marked)
    if not example["fragments"]:
        assert texts == []


def test_damaged_word_reports_exact_span_and_reading(detector):
    text = "Routing slip\nbox:  Unclassifed  \nnext line"
    [f] = [f for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID]
    assert (f.text, f.details["reads_as"]) == ("Unclassifed", "UNCLASSIFIED")
    assert text[f.start : f.end] == "Unclassifed"


def test_fragments_need_a_stamp_nearby(detector):
    # the same phrases far from any stamp are ordinary text
    text = "Date of Departure: Monday\nCategory 2 items\nOTHERWISE NOTED BELOW\nExenpt staff"
    assert _ocr_findings(detector, text) == []


def test_lowercase_prose_word_is_not_damage(detector):
    text = "Unclassifed\nThe unclassifed pile was shredded."  # same spelling in lower case
    assert [f for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID] == []


def test_split_word_reports_the_whole_torn_span(detector):
    text = "ROUTING SHEET\n[ ] CONF’ =NTIAL  [x] SECRET\n"
    found = [f for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID]
    assert [(f.text, f.details["reads_as"]) for f in found] == [("CONF’ =NTIAL", "CONFIDENTIAL")]


def test_two_words_sharing_ends_with_a_marking_word_are_not_split_forms(detector):
    # "CONF" and "NTIAL" must be the two ends of one word, about as long as the word
    for text in ("CONF nTIAL", "CONFIRM THE ESSENTIAL", "Clas- sical dances"):
        assert _ocr_findings(detector, text) == [], text


def test_no_english_word_of_the_model_vocabulary_reads_as_a_damaged_marking():
    spacy = pytest.importorskip("spacy")
    from redactcheck.detect.markings.ocr_markings import closest_word, ocr_lexicon
    from redactcheck.detect.pii.nlp import DEFAULT_MODEL

    lex = ocr_lexicon()
    vocab = spacy.load(DEFAULT_MODEL).vocab.strings
    words = {s for s in vocab if s.isascii() and s.isalpha() and s.islower() and 5 <= len(s) <= 18}
    readings = {w: closest_word(w.capitalize(), lex.block_letters_per_edit) for w in sorted(words)}
    assert {w: r for w, r in readings.items() if r and r != w.upper()} == {}


def test_re2_started_scans_find_what_re_finds():
    """detect/accel/fastscan.py lets RE2 say where the OCR step's two whole-text patterns can start;
    the matches must be exactly those of the patterns run by ``re`` alone."""
    import random

    from redactcheck.detect.markings.ocr_markings import _scans

    pieces = [
        *("CLASSIFIED", "Unclassifed", "CONF’ =NTIAL", "Confi- dential", "DECLASSIFY"),
        *("xCLASSIFIED", "Déclassified", "UNCLAS", "Conf", "SECRET", "dent", "ssi", " "),
        *("\n", "é", "—", "Confidentially", "CLASSIFLED", "Decl.", "1972", "_", "ÜNCLASSIFIED"),
    ]
    rnd = random.Random(11)
    found = 0
    for _ in range(500):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        for scan in _scans():
            want = [m.span() for m in scan.pattern.finditer(text)]
            assert [m.span() for m in scan.finditer(text)] == want, text
            found += len(want)
    assert found > 200


def test_hyperscan_started_scans_find_what_re_finds():
    """Where Hyperscan is installed it gives both scans their start offsets in one pass
    (ocr_markings._starts says why its leftmost starts are enough); the matches must still be
    exactly those of ``re`` alone, including letters glued before a marking word."""
    import random

    pytest.importorskip("hyperscan")
    from redactcheck.detect.markings.ocr_markings import _scans, _starts

    starts = _starts()
    assert starts is not None
    pieces = [
        *("CLASSIFIED", "Unclassifed", "CONF’ =NTIAL", "Confi- dential", "DECLASSIFY", "C"),
        *("xCLASSIFIED", "Déclassified", "UNCLAS", "Conf", "SECRET", "dent", "ssi", " ", "U"),
        *("\n", "é", "—", "Confidentially", "CLASSIFLED", "Decl.", "1972", "_", "CCUDE", "D"),
        *("Eclassified", "Confident", "Cssification", "CONFIDENTIAL", "Ssi", "lassified"),
    ]
    rnd = random.Random(29)
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 14)))
        view = text.encode("ascii", "replace")
        for scan, at in zip(_scans(), starts(view)[:2], strict=True):  # the third: ocr_case_level
            want = [m.span() for m in scan.pattern.finditer(text)]
            assert [m.span() for m in scan.finditer(text, at)] == want, text
            found += len(want)
    assert found > 1000


def test_bit_vector_distance_agrees_with_the_edit_table():
    """``_distance`` (rapidfuzz where installed) and its Python form (Myers' bit-vector
    algorithm) must both give the textbook table's answer on any pair (capped at
    ``bound + 1``)."""
    import random

    from redactcheck.detect.markings.ocr_markings import _distance, _distance_py

    def table(a: str, b: str) -> int:
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]

    rng = random.Random(7)
    pairs = [("CONFIDENTLAL", "CONFIDENTIAL"), ("", "SECRET"), ("UNCLASSIFIED", "")]
    for _ in range(5000):
        a = "".join(rng.choice("ACDEILNST") for _ in range(rng.randint(0, 14)))
        b = "".join(rng.choice("ACDEILNST") for _ in range(rng.randint(0, 14)))
        pairs.append((a, b))
    for a, b in pairs:
        for bound in (0, 1, 2, 3, 20):
            want = min(table(a, b), bound + 1)
            assert _distance(a, b, bound) == want, (a, b, bound)
            assert _distance_py(a, b, bound) == want, (a, b, bound)


def test_lower_case_elsewhere_check_agrees_with_the_regex_it_replaced():
    import random
    import re

    from redactcheck.detect.markings.ocr_markings import _lower_elsewhere

    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice("abAB é\n") for _ in range(rng.randint(0, 20)))
        token = "".join(rng.choice("abAB") for _ in range(rng.randint(1, 3)))
        regex = rf"(?<![A-Za-z]){re.escape(token.lower())}(?![A-Za-z])"
        assert _lower_elsewhere(text, token) == (re.search(regex, text) is not None)


MARKED = "1. (S) A marked paragraph of the record.\n\n"  # beside another marking, too


@pytest.mark.parametrize("before", ["", MARKED])
@pytest.mark.parametrize("text", EXAMPLES["banner_damaged"])
def test_damaged_words_in_banner_position_are_reported(detector, text, before):
    text = before + text
    found = [f for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID]
    found += [f for f in detector.detect(Segment(text)) if f.entity == "CLASSIFICATION_BANNER"]
    assert found, text


@pytest.mark.parametrize("before", ["", MARKED])
@pytest.mark.parametrize("text", EXAMPLES["banner_not_damaged"])
def test_headings_and_prose_are_not_damaged_banners(detector, text, before):
    text = before + text
    assert [f.text for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID] == []


def test_banner_position_reports_the_damaged_span_and_the_word(detector):
    text = MARKED + "Routing note\n\nS-E-C-R~E-T 12\n\nbody text here\n"
    found = [f for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID]
    assert [(f.text, f.details["reads_as"]) for f in found] == [("S-E-C-R~E-T", "SECRET")]


def test_a_damaged_banner_is_reported_where_it_is_the_only_marking(detector):
    """A scanned record whose banner OCR damaged and which carries no other marking: the
    banner step reads every text, not only those where the rules found something."""
    # (SEGRET, a look-alike only, is the normalisation's and so the rules' now)
    found = _ocr_findings(detector, "Memo of 4 May\n\nSEGRFT\n\nText follows.")
    assert [(f.text, f.details["reads_as"]) for f in found] == [("SEGRFT", "SECRET")]


def test_one_hyperscan_pass_gives_the_phrase_hints_of_finditer():
    """The banner scan also reports the control-phrase hint pieces; the leftmost-first choice
    made from them must equal ``re.finditer`` of the hint alternation (overlapping pieces such
    as DISSEM and ISSEM included)."""
    import random
    import re

    from redactcheck.detect.markings import ocr_banner

    if ocr_banner._word_scan() is None:
        pytest.skip("Hyperscan is not installed")
    pattern = re.compile(ocr_banner._PHRASE_HINT)
    rng = random.Random(11)
    pieces = ["DISSEM", "lSSEM", "ISSEM", "ABR0AD", "KGROUND", "USE ONLY", "USE 0NLY", "D", " "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces + list("SEMAO\n")) for _ in range(rng.randint(0, 12)))
        scanned = ocr_banner._scan(text)
        assert scanned[1] == [m.span() for m in pattern.finditer(text)], text


def test_the_shared_banner_scan_gives_the_stamp_phrase_anchors_of_their_own_scan():
    """The banner scan also reports the stamp-phrase anchors (one pass over each text); they
    must be exactly those the phrase step's own database finds, look-alikes included."""
    import random

    from redactcheck.detect.markings import ocr_banner, ocr_phrases

    if ocr_banner._word_scan() is None:
        pytest.skip("Hyperscan is not installed")
    own = ocr_phrases._anchor_scan()
    rng = random.Random(5)
    pieces = ["WARNING", "WARN1NG", "N0TICE", "SOURCES", "METHODS", "DECLASSIFICATION"]
    pieces += ["OBJECTI0N", "KENNEDY", "SANITIZED", "HANDL", "SECRET", "DISSEM", " ", "\n"]
    checked = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces + list("AEIO10")) for _ in range(rng.randint(0, 10)))
        expected = sorted(own(text))
        assert sorted(ocr_banner.phrase_anchors(text)) == expected, text
        checked += bool(expected)
    assert checked > 500


def test_no_shared_literal_overlaps_itself():
    """The shared scan reports every occurrence of its literals; a find loop that steps past
    each one sees the same places only if no literal overlaps itself (literals.py)."""
    from redactcheck.detect.markings.literals import SHARED

    for word in SHARED:
        assert not any(word[:k] == word[-k:] for k in range(1, len(word))), word


def test_the_shared_banner_scan_gives_the_places_a_find_loop_gives():
    """The banner scan also reports where the level words and form labels stand (the
    repeated-level, form-field and dispatch-box steps used to find them with ``str`` passes
    of their own): every occurrence, inside longer words too, and each step's results are
    the same either way."""
    import random

    from redactcheck.detect.markings import ocr_banner, ocr_captions, ocr_repeat
    from redactcheck.detect.markings.literals import SHARED

    if ocr_banner._word_scan() is None:
        pytest.skip("Hyperscan is not installed")
    rng = random.Random(17)
    pieces = ["SECRET", "Secret", "secret", "SECRETS", "CONFIDENTIAL", "confidential", "é"]
    pieces += ["Unclassified", "UNCLASSIFIED", "TOP ", "x", "1", " ", "\n", "\n", " / "]
    pieces += ["REPORT CLASS", "CLASSIFICATION", "DISPATCH", "PATGH", "SEGRET", "S-E-C-R-E-T"]
    checked = stepped = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        places = ocr_banner.shared_places(text)
        assert places is not None
        for word in SHARED:
            expected = [m.start() for m in re.finditer(re.escape(word), text)]
            assert places.get(word, []) == expected, (word, text)
        assert ocr_repeat.title_case_banners(text, places) == ocr_repeat.title_case_banners(text)
        for level in ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED"):
            found = ocr_repeat._occurrences(text, level, places)
            assert found == ocr_repeat._occurrences(text, level), (level, text)
            checked += bool(found)
        for step in (ocr_captions.field_findings, ocr_captions.slot_findings):
            expected_hits = step(text, [])
            assert step(text, [], places) == expected_hits, (step.__name__, text)
            stepped += bool(expected_hits)
    assert checked > 500 and stepped > 20, (checked, stepped)


@pytest.mark.parametrize(
    "example", EXAMPLES["repeated_level"], ids=lambda e: e["text"][:40].replace("\n", "/")
)
def test_the_printed_level_again_on_a_noisy_stamp_line(detector, example):
    """A record that prints its level as a banner: the exact word again at a line's start or
    end with page noise beside it, or alone on its line, is reported; prose is not."""
    text = example["text"]
    found = [f.text for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID]
    assert found == example["found"], text


def test_a_level_run_into_the_box_edge_on_an_option_line_is_reported(detector):
    """A routing sheet's option boxes: OCR read the box edge into the first word."""
    text = "ROUTING AND RECORD SHEET\nZQUNCLASSIFIED: [ ] CONFIDENTIAL [x] SECRET\n"
    found = [f for f in _ocr_findings(detector, text) if f.rule_id == DAMAGED_ID]
    assert ("UNCLASSIFIED", "UNCLASSIFIED") in [(f.text, f.details["reads_as"]) for f in found]
    assert not [f for f in found if "ZQ" in f.text]


def test_a_damaged_no_objection_stamp_is_read_whole_not_only_its_middle_line(detector):
    """The stamp's middle line alone is a piece only where the last line is lost; with the last
    line present the damaged stamp is read as one, its damaged first line included."""
    text = (
        "Cover sheet\n\nCIAHAS NO OBJECTIQN TO\nDECLASSIFICATION AND/OR\nRELEASE OF THIS DOCUMENT\n"
    )
    found = detector.detect(Segment(text))
    first = text.index("CIAHAS")
    assert any(f.start <= first < f.end for f in found if f.category == "marking")
    lost = "Cover sheet\n\nCIA HAS NO OBJECTION TO\n\nDECLASSIFICATION AND/OR\n\nQx4410021\n"
    middle = lost.index("DECLASSIFICATION")
    assert any(f.start == middle for f in detector.detect(Segment(lost)))


def _damaged(detector, text):
    return [
        (f.text, f.details["reads_as"])
        for f in _ocr_findings(detector, text)
        if f.rule_id == DAMAGED_ID
    ]


def test_a_box_row_reads_a_badly_damaged_option_as_that_option(detector):
    """On a row that prints the levels as option boxes, a word can only be one of the options:
    INTERNAL with three letters misread is still INTERNAL USE ONLY there."""
    text = "ROUTING SLIP\n[ ] SECRET [ ] CONFIDENTIAL [x] IMTFRWAL [ ] UNCLASSIFIED\nTO: desk 4\n"
    assert ("IMTFRWAL", "INTERNAL USE ONLY") in _damaged(detector, text)


def test_the_same_damaged_word_off_a_box_row_is_nothing(detector):
    text = "Meeting notes\nThe IMTFRWAL project slipped again this week.\n"
    assert _damaged(detector, text) == []


def test_box_options_that_ocr_moved_to_the_next_line_are_read(detector):
    """A form's foot row split over two lines by OCR: the options on the line beside the row
    decode when every word there is one of them."""
    text = "Form 44 memo\n\nOf confidenrial  USE 0NLX\n\nform 12 [] SECRET [] UNCLASSIFIED\n"
    found = _damaged(detector, text)
    assert ("confidenrial", "CONFIDENTIAL") in found
    assert ("USE 0NLX", "INTERNAL USE ONLY") in found


def test_a_prose_line_beside_a_box_row_stays_quiet(detector):
    text = "Of confidence the writer spoke often\n[] SECRET [] UNCLASSIFIED\n"
    assert _damaged(detector, text) == []


def test_a_warning_notice_over_two_lines_is_two_markings(detector):
    """The notice prints its heading on a line of its own: heading and body are reported
    apart, each with its exact span."""
    text = "Report 12\n\nWARNING NOTICE x\n\nSENSITIVE INTELLIGENCE SOURCES AND METH0DS INVOLVED\n"
    found = {f.text for f in detector.detect(Segment(text)) if f.category == "marking"}
    assert "WARNING NOTICE" in found
    assert "SENSITIVE INTELLIGENCE SOURCES AND METH0DS INVOLVED" in found


def test_the_notice_body_with_its_first_word_lost_is_still_read(detector):
    text = "Report 12\n\nWARNING NOTICE\nqzvxw INTELLIGENCE SOURCES AND METHODS INVOLVED\n"
    found = [f.text for f in detector.detect(Segment(text)) if f.category == "marking"]
    assert any(t.endswith("SOURCES AND METHODS INVOLVED") for t in found), found


def test_a_title_case_level_alone_atop_every_page_is_the_banner(detector):
    """A memorandum typed with "Secret" alone at the top and bottom of its pages: three such
    lines are page evidence, and each is reported; a single heading line is not."""
    page = "Secret\n\nThe board met and agreed on the schedule.\n\nSecret\n\n"
    found = [f.text for f in _ocr_findings(detector, page * 2) if f.rule_id == DAMAGED_ID]
    assert found == ["Secret"] * 4
    once = "Secret\n\nThe board met and agreed on the schedule.\n"
    assert _ocr_findings(detector, once) == []


def test_level_in_the_dispatch_forms_box_clean_and_damaged(detector):
    """Invented CIA dispatch pages: the level stands in the box after the form's name on the
    first and every continuation page; there it is read clean, damaged or in mixed case,
    while the box label beside it (SYMBOL AND NUMBER, damaged too) and prose stay quiet."""
    text = (
        "DISPATCH SECRET WXYZ-40817\n\n"
        "1. The station met the contact twice.\n\n"
        "CONTINUATION OF\nISPATCH SEcRFT\n\n"
        "2. A second report follows.\n\n"
        "PATCH | SEC RE: QRST-5521\n\nDISPATCH | Sx ET |\n\n"
        "DISPATCH SYNB0L AND NUMBER\nDISPATCH STRAT AND NO\n\n"
        "We will dispatch Sweet corn to the post.\n"
        "HQS WILL DISPATCH SECRET COURIERS TO THE POST.\n"
    )
    hits = detector.detect(Segment(text))
    for h in hits:
        assert text[h.start : h.end] == h.text
    levels = sorted((h.text, h.rule_id) for h in hits)
    assert levels == [
        ("SEC RE", DAMAGED_ID),
        ("SECRET", "US-BANNER-CLASSIFIED"),
        ("SEcRFT", DAMAGED_ID),
        ("Sx ET", DAMAGED_ID),
    ]


def test_dispatch_box_holding_only_a_rule_does_not_stop_the_scan(detector):
    """A dispatch form's box OCR read as an underscore or a dash alone (no letters) is no
    level, and it must not raise: an error there dropped every finding of the file."""
    text = "DISPATCH _\n\nSECRET\n\nThe station met the contact.\n\nDISPATCH | —\n"
    hits = detector.detect(Segment(text))
    assert [h.text for h in hits if h.category == "marking"] == ["SECRET"]


def test_level_in_a_form_line_of_noise_on_a_page_that_prints_it(detector):
    """Invented dispatch and cable-form pages: where the text prints SECRET as a banner, the
    same word between OCR noise or form labels mid-line is the form box's level; the word in
    prose (capitals or not) or beside a collocation is not, nor a line of form labels alone
    in a text without the banner."""
    page = (
        "SECRET\n\nThe station met the contact twice.\n\n"
        "Repl0ces fms 12-34 oo SECRET zq} cntnuedd\n"
        "DISTR: SECRET FILE:\n"
        "RELEASNG OFFICR ; SECRET tetwq AUTHENTICATING\n"
        "THE BOARD WAS HOLDING SECRET HEARINGS DAILY\n"
        "He lost his SECRET clearance in May.\n"
        "THE UNITED STATES SECRET SERVICE ARRIVED\n"
        "classified through SECRET, as the rule says\n"
    )
    found = [f for f in _ocr_findings(detector, page) if f.rule_id == DAMAGED_ID]
    lines = sorted(page[: f.start].count("\n") for f in found)
    assert lines == [4, 5, 6]
    assert all(f.text == "SECRET" for f in found)
    no_banner = page.replace("SECRET\n\nThe station", "The station", 1)
    # without the banner only the lines of OCR noise (ocr_noise_level) keep their level: the
    # form labels alone (DISTR, FILE) and the prose lines say nothing without page evidence
    found = [f for f in _ocr_findings(detector, no_banner) if f.rule_id == DAMAGED_ID]
    assert sorted(no_banner[: f.start].count("\n") for f in found) == [2, 4]


def test_level_before_space_separated_controls_is_a_banner(detector):
    """A 1980s report's banner with spaces between level and controls: the level is reported
    with the controls; a level and one word alone stays one codeword-line finding."""
    text = "SECRET NOFORN NOCONTRACT ORCON\nINVENTED INFORMATION REPORT\n\nSECRET NOFORN\n"
    found = {(f.text, f.rule_id) for f in detector.detect(Segment(text)) if f.category == "marking"}
    assert ("SECRET", "US-BANNER-CLASSIFIED") in found
    assert ("SECRET NOFORN", "US-BANNER-CLASSIFIED") in found


def test_option_row_read_in_lower_case_and_damage(detector):
    """An invented routing sheet's option row that OCR returned in lower case: three options
    or more, two damaged, make it a row and each option is reported; prose naming the levels
    (spelled right) is not a row."""
    row = "Form 610 xx secret [] conrfidentiel (] (NTERNAI]_Unclassifeed\n"
    found = [f.text for f in _ocr_findings(detector, "ROUTING SHEET\n\n" + row)]
    assert found == ["secret", "conrfidentiel", "NTERNAI", "Unclassifeed"]
    prose = "Papers were filed as secret, confidential or unclassified in those years.\n"
    assert _ocr_findings(detector, prose) == []


@pytest.mark.parametrize(
    ("text", "options"),
    [
        # invented rows: the box edge after the level word, before it, glued to it, or none
        ("slip 4\nsecret [] conrfidentiel (] (NTERNAI]_Unclassifeed\nnext\n", 4),
        ("(] Secrer conrfidentiel [x] intermal unclassifeed\n", 4),
        ("SECRET] CONFIDENTAL (NTERNL] UNCLASSIFED", 4),
        ("secret conrfidentiel intermal unclassifeed\n", 0),
        ("[ ] secretary confidentiel intermal unclassifeed [ ]\nsecret\n[ ] intermal\n", 0),
    ],
)
def test_the_row_line_scan_finds_what_the_word_scan_finds(text, options, monkeypatch):
    """The option-row step reads only lines holding a SECRET-like word and a box edge (one RE2
    scan); without RE2 it reads the line of every SECRET-like word: the same rows either way."""
    fast = ocr_box_row.box_row_findings(text, [])
    assert len(fast) == options
    monkeypatch.setattr(ocr_box_row, "_row_find", lambda: None)
    assert ocr_box_row.box_row_findings(text, []) == fast


def test_stamp_phrases_with_a_word_after_them_are_read_not_crashed_on(detector):
    """A stamp phrase with its "not before" words (YAML would read a bare ON or NO as a
    boolean) is checked against the next word instead of failing the whole file."""
    from redactcheck.detect.markings.ocr_phrases import phrase_lexicon

    lex = phrase_lexicon()
    assert all(isinstance(w, str) for p in lex.phrases for w in p.not_before)
    assert any("ON" in p.not_before for p in lex.phrases)
    stamp = "ALL INFORMATION CONTAINED\nHEREIN IS UNCLASSIFIED\n\nThe report follows.\n"
    prose = "All the records\nALL INFORMATION CONTAINED ON THE REEL WAS COPIED.\n"
    for text in (stamp, prose):
        found = detector.detect(Segment(text))  # raised TypeError on both before
        assert any(f.category == "marking" and "CONTAINED" in f.text.upper() for f in found)
