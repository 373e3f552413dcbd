"""Marking detector: runs the declarative YAML rules over normalised text.

This is where every ``marking`` finding is born. Hits are found on the normalised text
(``normalize.py``) and mapped back, so offsets always point into the original segment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from redactcheck.detect.accel.fastscan import icase_prefilter
from redactcheck.detect.accel.first_char import twin
from redactcheck.detect.accel.keywords import KeywordGate
from redactcheck.detect.accel.regex_facts import pattern_flags
from redactcheck.detect.markings.ocr_markings import ocr_marking_findings
from redactcheck.detect.pii.contact_rules import is_government_address
from redactcheck.document import Segment
from redactcheck.finding import Explanation, Hit
from redactcheck.normalize import Normalized, normalize
from redactcheck.ruleset.loader import LoadedRule
from redactcheck.ruleset.schema import PatternSpec, RuleSpec


@dataclass(slots=True)
class CompiledPattern:
    spec: PatternSpec
    regex: re.Pattern[str]
    group: int | str
    #: what every hit of the pattern shares, worked out once (``compile_rule``) rather than
    #: per hit: the detector name, the severity and message, and the explanation of a hit
    #: whose score no context word raised (explanations are frozen, so one serves them all)
    detector: str = ""
    severity: str = ""
    message: str = ""
    plain: Explanation | None = None
    #: the score of a hit no context word raised, as findings carry it (rounded once here)
    rounded: float = 0.0


@dataclass(slots=True)
class CompiledRule:
    spec: RuleSpec
    patterns: list[CompiledPattern]
    context: re.Pattern[str] | None
    #: RE2 test run before ``context``: no context word anywhere, in any case, means no boost
    context_may_occur: Callable[[str], bool] | None = None
    #: the rule file's ``roles``, shared by every hit of the rule
    roles: frozenset[str] = frozenset()


def _first_search(pattern: re.Pattern[str]) -> Callable[..., re.Match[str] | None]:
    """``pattern.search``, or its twin's where it has one (the same matches)."""
    moved = twin(pattern.pattern, pattern.flags)
    return pattern.search if moved is None else moved.search


def compile_pattern(spec: PatternSpec) -> CompiledPattern:
    regex = re.compile(spec.regex, pattern_flags(spec.flags))
    group: int | str = "mark" if "mark" in regex.groupindex else 0
    return CompiledPattern(spec, regex, group, rounded=round(spec.score, 3))


def compile_rule(spec: RuleSpec) -> CompiledRule:
    context = None
    if spec.context:
        words = "|".join(re.escape(w) for w in sorted(spec.context.words, key=len, reverse=True))
        context = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    may_occur = icase_prefilter(spec.context.words) if spec.context else None
    patterns = [compile_pattern(p) for p in spec.patterns]
    for pattern in patterns:
        pattern.detector = f"rules:{pattern.spec.name}"
        pattern.severity = pattern.spec.severity or spec.severity
        pattern.message = spec.message or spec.name
        pattern.plain = Explanation(pattern.detector, pattern.spec.score, None)
    return CompiledRule(spec, patterns, context, may_occur, frozenset(spec.roles))


class RuleDetector:
    """Applies compiled rules to segments; one instance per scan, reused for every file."""

    name = "rules"

    def __init__(self, rules: list[LoadedRule] | list[RuleSpec]):
        specs = [r.spec if isinstance(r, LoadedRule) else r for r in rules]
        self.rules = [compile_rule(s) for s in specs]
        self._owners = [(r, p) for r in self.rules for p in r.patterns]
        #: per pattern index, what the gated loop of ``detect`` reads (looked up once, here)
        # the first search of each window goes through the pattern's twin where it has one
        # (detect/accel/first_char.py: the same matches, but ``re`` can skip ahead to its
        # first characters instead of testing a look-behind at every position)
        self._runs = [
            (r, p, _first_search(p.regex), p.regex.finditer, p.group) for r, p in self._owners
        ]
        # (rule id, detector name) of patterns whose hits need evidence from the same text
        self._needs = {
            (r.spec.id, f"rules:{p.spec.name}"): p.spec.needs_evidence
            for r, p in self._owners
            if p.spec.needs_evidence
        }
        self._needs_detectors = frozenset(detector for _, detector in self._needs)
        # one RE2 pass finds the keywords; patterns run only around them (detect/accel/keywords.py)
        try:
            self.gate: KeywordGate | None = KeywordGate(
                [(p.spec.regex, p.regex.flags) for _, p in self._owners]
            )
        except RuntimeError:  # google-re2 (a dependency) unusable: every pattern, plain re
            self.gate = None

    def detect(self, segment: Segment) -> list[Hit]:
        norm = normalize(segment.text)
        findings: list[Hit] = []
        if self.gate is not None:
            text, original, runs = norm.text, segment.text, self._runs
            for index, spans in self.gate.windows(text, norm.chars):
                rule, pattern, search, finditer, group = runs[index]
                for pos, end in spans:  # one window per line or so: no per-window generator
                    # most windows hold no match: one search says so without an iterator;
                    # after the first match, finditer gives what it gives from ``pos``
                    first = search(text, pos, end)
                    if first is None:
                        continue
                    n_start, n_end = first.span(group)
                    if n_end > n_start:
                        findings.append(_finding(rule, pattern, original, norm, n_start, n_end))
                    rest = finditer(text, first.end(), end)
                    if first.end() == first.start():
                        next(rest)  # the same empty match: finditer steps past it after that
                    for m in rest:
                        n_start, n_end = m.span(group)
                        if n_end > n_start:
                            findings.append(_finding(rule, pattern, original, norm, n_start, n_end))
        else:  # no gate: every pattern over the whole text (the reference the gate's tests use)
            for rule in self.rules:
                if rule.patterns:
                    findings.extend(self.detect_rule(rule, segment.text, norm, rule.patterns))
        findings = _quiet_office_addresses(self._weigh_evidence(_dedupe(findings)), segment.text)
        # OCR-damaged marking words and the rest of stamps the rules found (exact offsets)
        return sorted(
            findings + ocr_marking_findings(segment.text, findings),
            key=lambda f: (f.start, f.end, f.rule_id),
        )

    def _weigh_evidence(self, findings: list[Hit]) -> list[Hit]:
        """Drop hits of ``needs_evidence`` patterns where the text lacks the evidence: a
        lower-case ``(s)`` at a line end is a plural in prose, a portion mark on a page that
        already carries several clear ones."""
        if not self._needs:
            return findings
        needs, named = self._needs, self._needs_detectors
        if not any(f.detector in named and (f.rule_id, f.detector) in needs for f in findings):
            return findings  # the usual case: no hit to weigh
        strong = Counter(f.rule_id for f in findings if (f.rule_id, f.detector) not in needs)
        return [
            f
            for f in findings
            if (f.rule_id, f.detector) not in needs
            or strong[f.rule_id] >= needs[(f.rule_id, f.detector)]
        ]

    def detect_rule(
        self,
        rule: CompiledRule,
        original: str,
        norm: Normalized,
        patterns: list[CompiledPattern] | None = None,
        spans: list[tuple[int, int]] | None = None,
    ) -> list[Hit]:
        """Findings of ``rule`` (or only ``patterns`` of it); ``spans`` limits matching to
        ``(pos, endpos)`` windows of the normalised text (see detect/accel/keywords.py)."""
        out: list[Hit] = []
        text = norm.text
        for pattern in rule.patterns if patterns is None else patterns:
            regex = pattern.regex
            if spans is None:
                matches = regex.finditer(text)
            else:
                matches = (m for pos, end in spans for m in regex.finditer(text, pos, end))
            for m in matches:
                n_start, n_end = m.span(pattern.group)
                if n_end > n_start:
                    out.append(_finding(rule, pattern, original, norm, n_start, n_end))
        return out


def _finding(
    rule: CompiledRule,
    pattern: CompiledPattern,
    original: str,
    norm: Normalized,
    n_start: int,
    n_end: int,
) -> Hit:
    """The finding for a hit at ``[n_start, n_end)`` of the normalised text: offsets mapped
    back to ``original``, the score raised when the rule's context words are near."""
    spec = rule.spec
    start, end = norm.span(n_start, n_end)
    score = pattern.rounded
    explanation = pattern.plain
    if rule.context is not None and spec.context is not None:
        lo = max(0, start - spec.context.window)
        hi = min(len(original), end + spec.context.window)
        window = original[lo:start] + " " + original[end:hi]
        may_occur = rule.context_may_occur
        word = rule.context.search(window) if may_occur is None or may_occur(window) else None
        if word:
            score = round(min(1.0, pattern.spec.score + spec.context.boost), 3)
            explanation = Explanation(pattern.detector, pattern.spec.score, word.group(0))
    return Hit(
        rule_id=spec.id,
        category=spec.category,
        entity=spec.entity,
        severity=pattern.severity,
        score=score,
        start=start,
        end=end,
        text=original[start:end],
        message=pattern.message,
        system=spec.system,
        exemption=spec.exemption,
        detector=pattern.detector,
        explanation=explanation,
        roles=rule.roles,
    )


def _quiet_office_addresses(findings: list[Hit], text: str) -> list[Hit]:
    """Street and postal addresses of public bodies are released: drop them (see
    ``contact_rules.is_government_address``)."""
    return [
        f
        for f in findings
        if f.entity != "STREET_ADDRESS" or not is_government_address(text, f.start, f.end)
    ]


def _dedupe(findings: list[Hit]) -> list[Hit]:
    """One finding per rule and place: several patterns of a rule may hit the same text, or
    overlapping parts of it (``SECRET`` inside ``SECRET//NOFORN``); the strongest hit wins,
    and among equally strong ones the widest.

    Linear in the number of findings (after sorting): only hits of one rule that overlap,
    directly or through a chain, compete, so each such cluster is settled on its own. Comparing
    every hit with every kept one took 223 s on 100,000 portion-marked lines (issue 15)."""
    best: dict[tuple[str, int, int], Hit] = {}
    for f in findings:
        key = (f.rule_id, f.start, f.end)
        if key not in best or f.score > best[key].score:
            best[key] = f
    by_rule: dict[str, list[Hit]] = {}
    for f in best.values():
        by_rule.setdefault(f.rule_id, []).append(f)
    kept: list[Hit] = []
    for group in by_rule.values():
        group.sort(key=lambda f: (f.start, f.end))
        cluster: list[Hit] = []
        cluster_end = 0
        for f in group:
            if cluster and f.start >= cluster_end:
                kept.extend(_settle(cluster))
                cluster = []
            cluster_end = f.end if not cluster else max(cluster_end, f.end)
            cluster.append(f)
        kept.extend(_settle(cluster))
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule_id))


def _settle(cluster: list[Hit]) -> list[Hit]:
    """Hits of one rule that overlap in a chain: strongest first, then widest, keep each that
    overlaps none kept before it."""
    if len(cluster) <= 1:
        return cluster
    taken: list[tuple[int, int]] = []
    kept: list[Hit] = []
    for f in sorted(cluster, key=lambda f: (-f.score, f.start - f.end, f.start)):
        if any(f.start < end and start < f.end for start, end in taken):
            continue  # overlaps a stronger (or equally strong, wider) hit of the same rule
        taken.append((f.start, f.end))
        kept.append(f)
    return kept
