"""Document-level marking checks: do the markings of one document add up?

Span rules find each marking on its own; a reviewer also needs to know when the markings
contradict each other (a CONFIDENTIAL banner over a (S) paragraph), when something required is
missing (no banner, no authority block), when a declassify-on date has passed, and when a banner
token is misspelt. These checks read the marking findings already found in every segment of the
document and return ``structure`` findings that point at the span the reviewer should look at.

They only run on documents that carry real markings (a strong banner, portion marks or an
authority line), so a news article that says "top secret" never gets a structure finding.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import yaml

from redactcheck.detect.markings.declassify import DECL_VALUE, parse_declassify_on
from redactcheck.document import Segment
from redactcheck.finding import Explanation, Hit
from redactcheck.normalize import normalize
from redactcheck.ruleset.loader import lexicon_path

#: rule id = PREFIX + entity with hyphens; each check's severity and description: catalog.py
PREFIX = "STRUCTURE-"
MISMATCH = "BANNER_PORTION_MISMATCH"
NO_BANNER = "PORTION_WITHOUT_BANNER"
NO_AUTHORITY = "MISSING_AUTHORITY_BLOCK"
DATE_PASSED = "DECLASSIFICATION_DATE_PASSED"
UNKNOWN_TOKEN = "UNKNOWN_MARKING_TOKEN"

LEVELS = {"U": 0, "C": 1, "S": 2, "TS": 3}
LEVEL_NAMES = {0: "UNCLASSIFIED", 1: "CONFIDENTIAL", 2: "SECRET", 3: "TOP SECRET"}
BANNER_LEVEL = {
    "TOP SECRET": 3, "SECRET": 2, "CONFIDENTIAL": 1, "UNCLASSIFIED": 0, "UNCLAS": 0,
}  # fmt: skip
_CABLE_LETTER = {"T": 3, "S": 2, "C": 1, "U": 0, "E": 0}
#: Portion short forms and the banner form they roll up to.
_ROLL_UP = {
    "NF": "NOFORN", "OC": "ORCON", "PR": "PROPIN", "IMC": "IMCON", "RS": "RSEN",
    "XD": "EXDIS", "ND": "NODIS", "DS": "LIMDIS", "DSEN": "DEA SENSITIVE", "N": "NOFORN",
    "SBU-NF": "NOFORN", "LES-NF": "NOFORN", "SG": "SIGMA",
}  # fmt: skip
#: Controls that must appear in the banner when any portion carries them.
_MUST_ROLL_UP = frozenset({
    "NOFORN", "ORCON", "PROPIN", "IMCON", "RSEN", "EXDIS", "NODIS", "FISA", "RELIDO",
})  # fmt: skip
_SCI_OR_AEA = re.compile(r"^(?:SI|TK|HCS|RSV|KLM|MVL|BUR|SAR|RD|FRD|TFNI|CNWDI)(?:-|$)")

#: Roles of rules (rule files' ``roles``, see ruleset/schema.py) these checks read.
BANNER = "banner"
UNCLASSIFIED_BANNER = "unclassified-banner"
PORTION = "portion-mark"
AUTHORITY = "authority-block"
CABLE = "cable-classification"
SECURITY_LINE = "security-line"


@lru_cache(maxsize=1)
def known_tokens() -> frozenset[str]:
    """Every token a US banner or portion mark may carry (rules/lexicons/marking_vocabulary)."""
    data = yaml.safe_load(lexicon_path("marking_vocabulary.yaml").read_text(encoding="utf-8"))
    return frozenset(str(t).upper() for t in data["banner_tokens"])


@dataclass(slots=True)
class Marking:
    """A parsed banner or portion mark: level, controls, and where its tokens sit."""

    finding: Hit
    segment: Segment
    level: int | None
    controls: set[str] = field(default_factory=set)
    tokens: list[tuple[str, int, int]] = field(default_factory=list)  # token, start, end


@lru_cache(maxsize=4096)
def plain_text(text: str) -> str:
    """Marking text as the rules saw it: normalised, spaces collapsed (memoised: the same few
    banners and portion marks recur on every page)."""
    return re.sub(r"[ \t\r\n]+", " ", normalize(text).text).strip()


def _parse_blocks(text: str, base: int, segment_text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``LEVEL//A/B//C`` with their offsets in the segment (``base`` = start)."""
    tokens: list[tuple[str, int, int]] = []
    for m in re.finditer(r"[^/]+", text):
        raw = m.group(0)
        value = raw.strip().strip("()").strip()
        if not value:
            continue
        lead = raw.find(value) if value in raw else 0
        start = base + m.start() + lead
        end = start + len(value)
        if segment_text[start:end] != value:  # normalisation changed the length: keep whole span
            start, end = base + m.start(), base + m.end()
        tokens.append((value, start, end))
    return tokens


def _banner(f: Hit, segment: Segment) -> Marking | None:
    plain = plain_text(f.text)
    upper = plain.upper()
    level = None
    for name, rank in BANNER_LEVEL.items():
        if upper.startswith(name):
            level = rank
            break
    if level is None:
        return None
    marking = Marking(f, segment, level)
    if "//" in f.text:
        tokens = _parse_blocks(f.text, f.start, segment.text)
        marking.tokens = tokens[1:]  # the first block is the level itself
        marking.controls = {_canonical(t) for t, _, _ in marking.tokens}
    return marking


def _portion(f: Hit, segment: Segment) -> Marking | None:
    plain = plain_text(f.text).strip("({[)}]")
    if plain.startswith("//"):
        return None  # a non-US portion: no US level to compare
    head, _, rest = plain.partition("/")
    level = LEVELS.get(head.strip())
    if level is None:
        return None
    marking = Marking(f, segment, level)
    if rest:
        inner_start = f.start + f.text.find("/")
        tokens = _parse_blocks(f.text[f.text.find("/") :].rstrip(")}]"), inner_start, segment.text)
        marking.tokens = tokens
        marking.controls = {_canonical(t) for t, _, _ in tokens}
    return marking


def _canonical(token: str) -> str:
    token = re.sub(r"\s+", " ", token.upper()).strip()
    if token.startswith("REL TO") or token == "REL":
        return "REL TO"
    return _ROLL_UP.get(token, token)


def _covered(control: str, banner_controls: set[str]) -> bool:
    """The banner carries ``control`` itself or a more specific form of it (``SI-G ABCD`` covers
    ``SI-G``, ``RD-CNWDI`` covers ``RD``)."""
    return any(
        b == control or b.startswith(control + " ") or b.startswith(control + "-")
        for b in banner_controls
    )


def cable_level(f: Hit) -> int | None:
    if SECURITY_LINE in f.roles:
        m = re.search(r"([TSCEU])\1{4}", f.text)
        return _CABLE_LETTER.get(m.group(1)) if m else None
    return next((r for n, r in BANNER_LEVEL.items() if plain_text(f.text).startswith(n)), None)


# --- the checks ----------------------------------------------------------------------------


class Span(NamedTuple):
    """Where a structure finding points when no marking hit covers it (a banner token)."""

    start: int
    end: int
    text: str


def _finding(
    entity: str, severity: str, anchor: Hit | Span, message: str, **details: object
) -> Hit:
    rule_id = PREFIX + entity.replace("_", "-")
    return Hit(
        rule_id=rule_id,
        category="structure",
        entity=entity,
        severity=severity,
        score=0.9,
        start=anchor.start,
        end=anchor.end,
        text=anchor.text,
        message=message,
        system="us",
        detector="structure",
        details=details,
        explanation=Explanation("structure", 0.9),
    )


def check_structure(
    segments: list[tuple[Segment, list[Hit]]], as_of: date
) -> list[tuple[Segment, Hit]]:
    """Structure findings for one document, each paired with the segment its span lies in.

    ``segments`` pairs every segment with the marking findings already found in it.
    """
    banners: list[Marking] = []
    portions: list[Marking] = []
    authority: list[tuple[Segment, Hit]] = []
    cable_levels: list[tuple[Segment, Hit, int]] = []
    line_controls: set[str] = set()  # controls written on a line of their own
    for segment, found in segments:
        for f in found:
            if f.category != "marking":
                continue
            if f.entity == "DISSEMINATION_CONTROL" and _own_line(f, segment.text):
                line_controls.add(_canonical(plain_text(f.text)))
            if BANNER in f.roles:
                b = _banner(f, segment)
                if b is not None:
                    banners.append(b)
            elif PORTION in f.roles:
                p = _portion(f, segment)
                if p is not None:
                    portions.append(p)
            elif AUTHORITY in f.roles:
                authority.append((segment, f))
            elif CABLE in f.roles:
                level = cable_level(f)
                if level is not None:
                    cable_levels.append((segment, f, level))

    strong_banners = [b for b in banners if b.finding.score >= 0.85]
    marked = (
        len(strong_banners) >= 2
        or any(b.tokens for b in strong_banners)
        or len(portions) >= 2
        or bool(authority)
        or bool(cable_levels)
        or (strong_banners and portions)
    )
    if not marked:
        return []

    out: list[tuple[Segment, Hit]] = []
    classified_portions = [p for p in portions if p.level]
    banner_levels = [b.level for b in banners if b.level is not None]
    banner_levels += [lvl for _, _, lvl in cable_levels]

    # BANNER_PORTION_MISMATCH
    if banners and portions:
        top = max(banners, key=lambda b: (b.level or 0, b.finding.score))
        highest = max(portions, key=lambda p: p.level or 0)
        if max(banner_levels) < (highest.level or 0):
            out.append((top.segment, _finding(
                MISMATCH, "medium", top.finding,
                f"Banner {LEVEL_NAMES[top.level or 0]} is lower than the highest portion mark "
                f"{highest.finding.text} ({LEVEL_NAMES[highest.level or 0]}).",
                banner_level=LEVEL_NAMES[top.level or 0],
                portion_level=LEVEL_NAMES[highest.level or 0],
            )))  # fmt: skip
        # State writes NOFORN (or another control) on its own line under the classification
        # line: such a line belongs to the banner, not to any paragraph
        banner_controls = set().union(
            line_controls, *(b.controls for b in banners), *(_header_controls(b) for b in banners)
        )
        missing: dict[str, Marking] = {}
        for p in portions:
            for control in p.controls:
                needed = control in _MUST_ROLL_UP or _SCI_OR_AEA.match(control)
                if needed and not _covered(control, banner_controls) and control not in missing:
                    missing[control] = p
        if missing:
            names = ", ".join(sorted(missing))
            first = next(iter(missing.values()))
            out.append((top.segment, _finding(
                MISMATCH, "medium", top.finding,
                f"Banner lacks {names}, carried by portion mark {first.finding.text}.",
                missing_controls=sorted(missing),
            )))  # fmt: skip

    # PORTION_WITHOUT_BANNER
    enough = len(portions) >= 2 or (classified_portions and authority)
    if portions and not banners and not cable_levels and enough:
        first = min(portions, key=lambda p: (segments_index(segments, p.segment), p.finding.start))
        out.append((first.segment, _finding(
            NO_BANNER, "medium", first.finding,
            f"{len(portions)} portion mark(s) but no banner line: this may be an extract of a "
            "classified document.",
            portions=len(portions),
        )))  # fmt: skip

    # MISSING_AUTHORITY_BLOCK
    classified_banners = [b for b in strong_banners if b.level]
    is_classified = bool(
        classified_banners or classified_portions or any(lvl for *_, lvl in cable_levels)
    )
    if is_classified and not authority:
        if classified_banners:
            anchor_segment, anchor = classified_banners[0].segment, classified_banners[0].finding
        elif classified_portions:
            anchor_segment, anchor = classified_portions[0].segment, classified_portions[0].finding
        else:
            anchor_segment, anchor, _ = next(c for c in cable_levels if c[2])
        out.append((anchor_segment, _finding(
            NO_AUTHORITY, "medium", anchor,
            "Classified text with no Classified By / Derived From / Declassify On or DECL line "
            "(records older than E.O. 11652 of 1972 often have none: check the declassification "
            "record).",
        )))  # fmt: skip

    # DECLASSIFICATION_DATE_PASSED
    for segment, f in authority:
        if not DECL_VALUE.search(f.text):
            continue
        when, exemptions = parse_declassify_on(f.text)
        if when is None or when >= as_of:
            continue
        message = f"Declassify-on date {when.isoformat()} lies before {as_of.isoformat()}."
        if exemptions:
            message += (
                f" The exemption {', '.join(exemptions)} extends classification beyond the "
                "original date: check that it was lifted."
            )
        out.append((segment, _finding(
            DATE_PASSED, "info", f, message,
            declassify_on=when.isoformat(), as_of=as_of.isoformat(), exemptions=exemptions,
        )))  # fmt: skip

    # UNKNOWN_MARKING_TOKEN
    known = known_tokens()
    for marking in [*banners, *portions]:
        for token, start, end in marking.tokens:
            if _is_known(token, known):
                continue
            suggestion = _closest(token, known)
            hint = f"; did you mean {suggestion}?" if suggestion else "."
            token_span = Span(start, end, marking.segment.text[start:end])
            out.append((marking.segment, _finding(
                UNKNOWN_TOKEN, "medium" if suggestion else "low", token_span,
                f"{token!r} in {marking.finding.text!r} is no known marking{hint}",
                token=token, suggestion=suggestion,
            )))  # fmt: skip
    return out


_HEADER_END = re.compile(r"SUBJECT|SUBJ:|\n[ \t]*(?:¶[ \t]*)?1\.|\n[ \t]*\(")
_HEADER_CONTROL = re.compile(r"NOFORN|ORCON|PROPIN|IMCON|RELIDO|EXDIS|NODIS")


def _header_controls(banner: Marking) -> set[str]:
    """Controls in the header block under a banner line (a cable's ``NOFORN SIPDIS`` line,
    run into the classification line when a copy lost its line breaks), up to the subject or
    the first paragraph: they belong to the banner."""
    text = banner.segment.text
    window = text[banner.finding.end : banner.finding.end + 200]
    cut = _HEADER_END.search(window)
    window = window[: cut.start()] if cut else window
    return {_canonical(m.group(0)) for m in _HEADER_CONTROL.finditer(window)}


def _own_line(f: Hit, text: str) -> bool:
    """The finding is all there is on its line (apart from spaces and rule characters)."""
    lo = text.rfind("\n", 0, f.start) + 1
    hi = text.find("\n", f.end)
    hi = len(text) if hi < 0 else hi
    return not text[lo : f.start].strip(" \t*_|-") and not text[f.end : hi].strip(" \t\r*_|-")


def segments_index(segments: list[tuple[Segment, list[Hit]]], segment: Segment) -> int:
    return next(i for i, (s, _) in enumerate(segments) if s is segment)


# trigraphs, tetragraphs, and the two-letter codes or country names State wrote after REL
# ("REL UK", "REL CHINA, AFGHANISTAN")
_COUNTRY_LIST = re.compile(
    r"^(?:[A-Z]{2,})(?: [A-Z]{2,})*(?:,? (?:and |AND )?[A-Z]{2,}(?: [A-Z]{2,})*)*$"
)


def _is_known(token: str, known: frozenset[str]) -> bool:
    t = re.sub(r"\s+", " ", plain_text(token).upper())
    if t in known:
        return True
    if t.startswith("REL TO ") or t.startswith("REL "):
        return bool(_COUNTRY_LIST.match(t.split(" ", 2)[-1]))
    if t.startswith(("FGI ", "JOINT ", "DISPLAY ONLY ", "SAR-", "SPECIAL ACCESS REQUIRED-")):
        return True
    if re.fullmatch(r"(?:SI|TK|HCS|RSV|KLM|BUR)-[A-Z0-9]{1,6}(?: [A-Z0-9]{2,6})*", t):
        return True  # published system with a compartment or sub-compartment
    if re.fullmatch(r"(?:RD-)?(?:SIGMA|SG) \d{1,2}|RD(?:-[A-Z]+)+", t):
        return True
    if re.fullmatch(r"SP-[A-Z]{2,12}|[A-Z]{3,4}(?: [A-Z]{3,4})*|\d{1,3}", t):
        # CUI categories, country codes (FGI lists) and unpublished numeric SCI systems
        return not _closest(t, known, cutoff=0.8)
    return False


def _closest(token: str, known: frozenset[str], cutoff: float = 0.75) -> str | None:
    """The nearest known token of at least three letters (``NOFRON`` → ``NOFORN``)."""
    candidates = [k for k in known if len(k) >= 3]
    match = difflib.get_close_matches(token.upper(), candidates, n=1, cutoff=cutoff)
    return match[0] if match else None
