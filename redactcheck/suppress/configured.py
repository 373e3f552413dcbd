"""Suppressions from configuration: allowed terms, allowed regexes and per-path rule excludes.

They answer "this is never a problem here" once for a whole project (an office's published
officials, a public form number that looks like a marking, public docs where names are fine).
Each one is keyed so that ``--report-unused-suppressions`` can name the ones that matched
nothing across the scan.
"""

from __future__ import annotations

import contextlib
import re
from fnmatch import fnmatch
from pathlib import Path

from redactcheck.catalog import BUILTIN, CONFIGURED_UNUSED_MESSAGE
from redactcheck.finding import Explanation, Finding
from redactcheck.locate import normalise_for_fingerprint
from redactcheck.suppress.inline import UNUSED_RULE_ID


class ConfiguredSuppressions:
    def __init__(
        self,
        allow: list[str],
        allow_regex: list[str] | None = None,
        per_path_disable: dict[str, list[str]] | None = None,
        base: Path | None = None,
    ):
        self.terms = {normalise_for_fingerprint(t): t for t in allow if t.strip()}
        self.regexes = [(p, re.compile(p)) for p in (allow_regex or [])]
        self.per_path = {
            g: {r.upper() for r in rules} for g, rules in (per_path_disable or {}).items()
        }
        self.base = base

    def __bool__(self) -> bool:
        return bool(self.terms or self.regexes or self.per_path)

    def _rel(self, path: str) -> list[str]:
        """The finding's path as written, and relative to the config file's folder."""
        out = [path]
        if self.base is not None:
            with contextlib.suppress(ValueError):
                out.append(Path(path).resolve().relative_to(self.base.resolve()).as_posix())
        return out

    def match(self, finding: Finding) -> str | None:
        """The key of the suppression that silences ``finding``, or ``None``."""
        term = normalise_for_fingerprint(finding.text)
        if term in self.terms:
            return f"allow:{term}"
        for pattern, regex in self.regexes:
            if regex.fullmatch(finding.text):
                return f"allow_regex:{pattern}"
        if self.per_path:
            paths = self._rel(finding.path)
            for glob, rules in self.per_path.items():
                if finding.rule_id.upper() in rules and any(fnmatch(p, glob) for p in paths):
                    return f"per_path_disable:{glob}:{finding.rule_id.upper()}"
        return None

    def filter(self, findings: list[Finding], used: set[str]) -> list[Finding]:
        """Findings no configured suppression covers; keys of the ones used go into ``used``."""
        if not self:
            return findings
        kept = []
        for f in findings:
            key = self.match(f)
            if key is None:
                kept.append(f)
            else:
                used.add(key)
        return kept

    def all_keys(self) -> dict[str, str]:
        """Every suppression key with the text to show for it when unused."""
        keys = {f"allow:{n}": t for n, t in self.terms.items()}
        keys |= {f"allow_regex:{p}": p for p, _ in self.regexes}
        for glob, rules in self.per_path.items():
            keys |= {f"per_path_disable:{glob}:{r}": f"{glob} = {r}" for r in sorted(rules)}
        return keys

    def unused(self, used: set[str], source: str | None) -> list[Finding]:
        """Findings for configured suppressions that silenced nothing in the whole scan."""
        out = []
        info = BUILTIN[UNUSED_RULE_ID]
        for key, shown in sorted(self.all_keys().items()):
            if key in used:
                continue
            kind = key.split(":", 1)[0]
            out.append(
                Finding(
                    rule_id=UNUSED_RULE_ID,
                    category=info.category,
                    entity=info.entity,
                    severity=info.severity,
                    score=1.0,
                    start=0,
                    end=len(shown),
                    text=shown,
                    message=CONFIGURED_UNUSED_MESSAGE.format(kind=kind),
                    path=source or "(configuration)",
                    part="config",
                    detector="suppress",
                    explanation=Explanation("configured", 1.0),
                )
            )
        return out
