"""The quick phone recogniser must find exactly what Presidio's stock one finds."""

from __future__ import annotations

import random

from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from redactcheck.detect.pii.phone import QuickPhoneRecognizer

REGIONS = ("US", "GB", "JP", "DE", "FR", "CA", "AU")


def spans(recognizer, text):
    return [
        (r.start, r.end, r.score, r.analysis_explanation.textual_explanation)
        for r in recognizer.analyze(text, ["PHONE_NUMBER"])
    ]


def _texts() -> list[str]:
    texts = [
        "Call Ms. Ilse Varga on +1 212 555 0100 or 020 7946 0958 before 5 May 1971.",
        "Berlin office 030 1234567, Tokyo 03-1234-5678, Paris 01 23 45 67 89.",
        "Sydney (02) 9876 5432 ext. 12; file 104-10001-10001; pages 12-14; 1.4(b).",
        "Dated 12/03/1975 at 10:45; room 12; para 3; cable 4543; 1-800-555-0199.",
        "Dial 011 44 20 7946 0958, 00 49 30 1234567, 0011 61 2 9876 5432, +358 9 123 456.",
        "In 1967 and 1968 the office at 12345 Main St. took 4,543 calls; tel. 030 12345.",
        "In accordance with UNSCR 1698,\nBerlin 030 12345 and Bonn 0228 1234 were told.",
    ]
    rnd = random.Random(3)
    pieces = ["(", ")", " ", "-", "+", ".", "/", "x", "tel ", "no. ", "\n", "00", "011", "0"]
    for _ in range(300):
        texts.append(
            "".join(
                rnd.choice(pieces)
                if rnd.random() < 0.4
                else str(rnd.randint(0, 10 ** rnd.randint(1, 5)))
                for _ in range(rnd.randint(1, 14))
            )
        )
    return texts


def test_same_results_as_stock_recognizer():
    stock = PhoneRecognizer(supported_regions=REGIONS)
    quick = QuickPhoneRecognizer(supported_regions=REGIONS)
    found = 0
    for text in _texts():
        expected = spans(stock, text)
        found += len(expected)
        assert spans(quick, text) == expected, text
    assert found >= 5  # the comparison covered real phone numbers, not only misses


def test_fewest_digits_drops_exactly_the_shorter_numbers():
    """With ``fewest_digits=7`` (what is_phone asks for) the recogniser skips lines with fewer
    digits; it must still return every stock result of seven digits or more, and only those."""
    stock = PhoneRecognizer(supported_regions=REGIONS)
    quick = QuickPhoneRecognizer(supported_regions=REGIONS, fewest_digits=7)
    kept = dropped = 0
    for text in _texts():
        expected = []
        for start, end, *rest in spans(stock, text):
            if sum(c.isdigit() for c in text[start:end]) >= 7:
                expected.append((start, end, *rest))
            else:
                dropped += 1
        kept += len(expected)
        assert spans(quick, text) == expected, text
    assert kept >= 5 and dropped >= 1  # both sides of the cut were exercised


def test_a_refused_number_is_found_where_its_neighbours_allow_it():
    """Refusals are remembered across texts (a header's record number, once per region):
    a number refused for the letter glued to it must still be found when it stands free,
    and every text gives the stock results again when read a second time."""
    stock = PhoneRecognizer(supported_regions=REGIONS)
    quick = QuickPhoneRecognizer(supported_regions=REGIONS)
    texts = [
        "Ask for ext212 555 0100b at the desk.",  # glued to letters: refused
        "Ask for ext 212 555 0100 at the desk.",  # the same digits, free: a number
        "Ask for ext212 555 0100b at the desk.",
    ]
    for _ in range(2):
        got = [spans(quick, t) for t in texts]
        assert got == [spans(stock, t) for t in texts]
        assert not got[0] and not got[2]
        assert [(s, e) for s, e, *_ in got[1]] == [(12, 24)]
        assert texts[1][12:24] == "212 555 0100"
