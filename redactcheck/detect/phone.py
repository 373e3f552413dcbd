"""Presidio's phone recogniser with libphonenumber's hopeless candidates skipped.

``PhoneRecognizer`` hands every run of digits and punctuation in a text (dates, paragraph
numbers, file numbers) to libphonenumber's parser, once per region: on archive text that is a
fifth of the whole scan. A candidate with fewer digits than the shortest valid number of any
region can never be accepted, so it is dropped before parsing. The findings are exactly those
of the stock recogniser (tests/test_phone_prefilter.py compares them).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberMatcher
from phonenumbers.phonenumberutil import NumberParseException
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def min_digits() -> int:
    """Digits in the shortest valid phone number of any region libphonenumber knows."""
    lengths = []
    for region in phonenumbers.SUPPORTED_REGIONS:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if meta is not None:
            lengths.extend(n for n in meta.general_desc.possible_length if n > 0)
    return min(lengths, default=1)


class _QuickMatcher(PhoneNumberMatcher):
    """libphonenumber's matcher, refusing candidates too short to be valid before parsing."""

    def _extract_match(self, candidate, offset):  # noqa: D102 - see PhoneNumberMatcher
        if len(_DIGIT.findall(candidate)) < min_digits():
            return None  # inner matches hold even fewer digits: nothing to find here
        return super()._extract_match(candidate, offset)


class QuickPhoneRecognizer(PhoneRecognizer):
    """Same results as ``PhoneRecognizer``; hopeless candidates never reach the parser."""

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        results = []
        # the loop mirrors PhoneRecognizer.analyze (presidio-analyzer 2.2), quirks included
        for region in self.supported_regions:
            for match in _QuickMatcher(text, region, leniency=self.leniency):
                try:
                    parsed = phonenumbers.parse(text[match.start : match.end])
                    region = phonenumbers.region_code_for_number(parsed)  # noqa: PLW2901
                except NumberParseException:
                    pass
                results.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)
