"""Every suppression, in one ordered chain: inline → configured → baseline.

1. **inline**: a ``redactcheck: ignore[…]`` directive on the finding's line (``inline.py``);
   a hidden-content finding that is nothing but such a directive (the reviewer's own comment)
   is dropped too.
2. **configured**: allowed terms, allowed regexes and per-path rule excludes
   (``configured.py``).
3. **baseline**: findings a reviewer accepted (``baseline.py``), matched by fingerprint.

Steps 1–2 run per file in the pipeline, on located findings (:meth:`SuppressionChain.file`);
the configured suppressions that silenced nothing in the whole scan are reported by the
session (:meth:`SuppressionChain.unused`); step 3 runs on the finished report
(:func:`apply_baseline`), because a stale baseline entry is one that nothing in the scan
matched. ``scan``, ``review`` and ``baseline`` all go through this module.
"""

from __future__ import annotations

from pathlib import Path

from redactcheck.config import Config
from redactcheck.document import Segment
from redactcheck.finding import Finding, Hit
from redactcheck.suppress.baseline import Baseline
from redactcheck.suppress.baseline import apply_baseline as _apply_baseline
from redactcheck.suppress.configured import ConfiguredSuppressions
from redactcheck.suppress.inline import (
    UNUSED_RULE_ID,
    Directive,
    covering,
    directive_hits,
    directives,
    is_directive_comment,
)


class SuppressionChain:
    """The inline and configured steps of one configuration."""

    def __init__(self, configured: ConfiguredSuppressions, *, report_unused: bool = False):
        self.configured = configured
        self.report_unused = report_unused

    @classmethod
    def from_config(cls, config: Config) -> SuppressionChain:
        configured = ConfiguredSuppressions(
            config.allow,
            config.allow_regex,
            config.per_path_disable,
            Path(config.source).parent if config.source else None,
        )
        return cls(configured, report_unused=config.report_unused_suppressions)

    def directive_hits(self, segment: Segment) -> list[Hit]:
        """With ``report_unused``: every directive of ``segment`` as a hit, to be located with
        the document's other hits; :meth:`file` keeps those that silenced nothing."""
        return directive_hits(segment.text) if self.report_unused else []

    def file(self, located: list[tuple[Segment, Finding]], used: set[str]) -> list[Finding]:
        """The findings of one file that no inline or configured suppression covers, in the
        order given; keys of the configured suppressions used go into ``used``."""
        by_segment: dict[int, dict[int, list[Directive]]] = {}
        silenced: set[tuple[int, int]] = set()  # (segment, directive start)
        kept: list[tuple[Segment, Finding]] = []
        for segment, f in located:
            if f.category == "hidden":
                if not is_directive_comment(f):
                    kept.append((segment, f))
                continue
            if f.rule_id == UNUSED_RULE_ID:
                kept.append((segment, f))
                continue
            by_line = by_segment.get(id(segment))
            if by_line is None:
                by_line = by_segment[id(segment)] = directives(segment.text)
            directive = covering(by_line, f) if by_line else None
            if directive is None:
                kept.append((segment, f))
            else:
                silenced.add((id(segment), directive.start))
        # a directive is reported as unused only when it silenced nothing
        out = [
            f
            for segment, f in kept
            if f.rule_id != UNUSED_RULE_ID or (id(segment), f.start) not in silenced
        ]
        return self.configured.filter(out, used) if self.configured else out

    def unused(self, used: set[str], source: str | None) -> list[Finding]:
        """Findings for configured suppressions that silenced nothing in the whole scan."""
        return self.configured.unused(used, source) if self.report_unused else []


def apply_baseline(report, baseline: Baseline, scanned: set[str]) -> None:
    """The chain's last step, on a finished ``results.Report`` (not imported: suppression sits
    below the result types in the layers): drop accepted findings, record what
    matched and which entries are stale (see ``baseline.apply_baseline``)."""
    _apply_baseline(report, baseline, scanned)
