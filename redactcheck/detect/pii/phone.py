"""Presidio's phone recogniser with libphonenumber's hopeless candidates skipped.

``PhoneRecognizer`` hands every run of digits and punctuation in a text (dates, paragraph
numbers, file numbers) to libphonenumber's parser, once per region: on archive text that is a
fifth of the whole scan. A candidate with fewer digits than the shortest valid number of any
region can never be accepted, so it is dropped before parsing. The findings are exactly those
of the stock recogniser (tests/unit/detect/test_phone_prefilter.py compares them).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from phonenumbers.phonenumbermatcher import _PATTERN, _SECOND_NUMBER_START_PATTERN
from phonenumbers.phonenumberutil import NumberParseException
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

# libphonenumber compiles its metadata patterns on every use and relies on ``re``'s cache,
# which holds 512 patterns: over many regions they fall out of it and are compiled again (211
# times on the 0.8 MB sample), and each use pays a cache lookup. Its own cache keeps every
# compiled pattern, keyed by the same pattern text: the same regular expressions, faster.
phonenumbers.enable_pattern_cache()

_DIGIT = re.compile(r"\d")
_PLUS = re.compile("[+\uff0b]")
_UNSEEN = object()


@lru_cache(maxsize=1)
def min_digits() -> int:
    """Digits in the shortest valid phone number of any region libphonenumber knows."""
    lengths = []
    for region in phonenumbers.SUPPORTED_REGIONS:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if meta is not None:
            lengths.extend(n for n in meta.general_desc.possible_length if n > 0)
    return min(lengths, default=1)


@lru_cache(maxsize=64)
def national_rule(region: str) -> tuple[int, re.Pattern[str] | None]:
    """For numbers written without ``+`` or an international prefix, parsed for ``region``:
    the fewest digits a valid one can have (over every region sharing its country code), and
    the region's international dialling prefix (digits that would make it international)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return min_digits(), None
    shared = phonenumbers.region_codes_for_country_code(meta.country_code) or (region,)
    lengths = []
    for other in shared:
        other_meta = phonenumbers.PhoneMetadata.metadata_for_region(other)
        if other_meta is not None:
            lengths.extend(n for n in other_meta.general_desc.possible_length if n > 0)
    prefix = meta.international_prefix
    return min(lengths, default=min_digits()), re.compile(prefix) if prefix else None


class _QuickMatcher(PhoneNumberMatcher):
    """libphonenumber's matcher, refusing candidates too short to be valid before parsing.

    The candidate search does not depend on the region, so the matchers of one text share a
    table of its results (``candidates``): the regex walks the text once, not once per region.
    """

    fewest = 0  # digits a candidate needs (at least ``min_digits()``)
    candidates: dict[int, tuple[int, str] | None]  # index -> (start, trimmed candidate)

    def _candidate(self, index: int) -> tuple[int, str] | None:
        found = self.candidates.get(index, _UNSEEN)
        if found is _UNSEEN:
            match = _PATTERN.search(self.text, index)
            found = None
            if match is not None:
                candidate = self._trim_after_first_match(
                    _SECOND_NUMBER_START_PATTERN, self.text[match.start() : match.end()]
                )
                found = (match.start(), candidate)
            self.candidates[index] = found
        return found

    def _find(self, index):  # noqa: D102 - PhoneNumberMatcher._find (phonenumbers 8/9), shared search
        found = self._candidate(index)
        while self._max_tries > 0 and found is not None:
            start, candidate = found
            if len(candidate) >= self._min_candidate_length:
                match = self._extract_match(candidate, start)
                if match is not None:
                    return match
                self._max_tries -= 1
            found = self._candidate(start + len(candidate))
        return None

    def _extract_match(self, candidate, offset):  # noqa: D102 - see PhoneNumberMatcher
        digits = "".join(_DIGIT.findall(candidate))
        if len(digits) < max(self.fewest, min_digits()):
            return None  # inner matches hold even fewer digits: nothing to find here
        shortest, international = national_rule(self.preferred_region)
        if (
            len(digits) < shortest
            and not _PLUS.search(candidate)
            and not (international is not None and international.match(digits))
        ):
            return None  # a national number of this region needs more digits than this
        return super()._extract_match(candidate, offset)

    def _parse_and_verify(self, candidate, offset):  # noqa: D102 - see PhoneNumberMatcher
        # libphonenumber's parse and check read the candidate, the region, the leniency and
        # the one character on each side (or the text's edge): a candidate refused once is
        # refused again with the same neighbours. Archive texts repeat theirs (record numbers,
        # dates in every header), and each region parses each one: a third of the calls on
        # the 0.8 MB sample were repeats. Only refusals are kept; a match is built afresh.
        if self.leniency > Leniency.VALID:  # stricter checks read the matcher: not kept
            return super()._parse_and_verify(candidate, offset)
        end = offset + len(candidate)
        key = (
            candidate,
            self.preferred_region,
            self.leniency,
            self.text[offset - 1] if offset > 0 else None,
            self.text[end] if end < len(self.text) else None,
        )
        if key in _REFUSED:
            return None
        match = super()._parse_and_verify(candidate, offset)
        if match is None:
            if len(_REFUSED) >= _REFUSED_MAX:
                _REFUSED.clear()  # a bound for long runs over many documents
            _REFUSED.add(key)
        return match


#: Candidates libphonenumber refused, with what its verdict reads (``_parse_and_verify``).
_REFUSED: set[tuple] = set()
_REFUSED_MAX = 100_000


_LINE = re.compile(r"[^\n]+")


def digit_lines(text: str, fewest: int) -> str:
    """``text`` with every line holding fewer than ``fewest`` digits blanked (same length).

    libphonenumber never reads a candidate across a line break, so a line with too few digits
    for any number it would accept cannot hold one; the matcher then skips it cheaply,
    once per region.
    """
    return _LINE.sub(
        lambda m: m.group() if len(_DIGIT.findall(m.group())) >= fewest else " " * len(m.group()),
        text,
    )


class QuickPhoneRecognizer(PhoneRecognizer):
    """Same results as ``PhoneRecognizer``; hopeless candidates never reach the parser.

    ``fewest_digits`` (default: the fewest any region's valid number has) lets a caller that
    drops shorter numbers anyway (``contact_rules.is_phone``) skip more lines.
    """

    def __init__(self, *args, fewest_digits: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fewest_digits = max(fewest_digits or 0, min_digits())

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        results = []
        view = digit_lines(text, self.fewest_digits)
        candidates: dict[int, tuple[int, str] | None] = {}
        # the loop mirrors PhoneRecognizer.analyze (presidio-analyzer 2.2), quirks included
        for region in self.supported_regions:
            matcher = _QuickMatcher(view, region, leniency=self.leniency)
            matcher.fewest = self.fewest_digits
            matcher.candidates = candidates
            for match in matcher:
                try:
                    parsed = phonenumbers.parse(text[match.start : match.end])
                    region = phonenumbers.region_code_for_number(parsed)  # noqa: PLW2901
                except NumberParseException:
                    pass
                results.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)
