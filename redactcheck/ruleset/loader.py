"""Find, read and validate rule files: the shipped library plus the user's own folders."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from redactcheck.detect.accel.regex_facts import pattern_flags
from redactcheck.ruleset.redos import UnsafePattern, check_pattern
from redactcheck.ruleset.schema import RuleSpec

#: Folders inside a rule directory that hold data (word lists), not rules.
DATA_FOLDERS = frozenset({"lexicons"})


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """A rule-file error, precise enough to fix without reading code."""

    path: str
    rule: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.rule:
            where += f": rule {self.rule}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class RuleLoadError(Exception):
    """Raised when rule files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class LoadedRule:
    spec: RuleSpec
    source: str


def builtin_rules_dir() -> Path:
    """The rule library shipped with the package (or the repository's ``rules/`` in a checkout)."""
    packaged = resources.files("redactcheck") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def lexicon_path(name: str) -> Path:
    """A data file from the shipped ``rules/lexicons`` folder (word lists used by detectors)."""
    return builtin_rules_dir() / "lexicons" / name


def rule_files(directory: Path) -> list[Path]:
    files = [
        p
        for p in sorted(directory.rglob("*"))
        if p.suffix in (".yaml", ".yml")
        and p.is_file()
        and not DATA_FOLDERS.intersection(p.relative_to(directory).parts[:-1])
    ]
    return files


def _field(loc: tuple) -> str:
    return ".".join(str(x) for x in loc)


def load_file(path: Path) -> tuple[list[LoadedRule], list[RuleProblem]]:
    problems: list[RuleProblem] = []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [], [RuleProblem(str(path), None, None, f"cannot read: {exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark else ""
        return [], [RuleProblem(str(path), None, None, f"invalid YAML{at}: {exc}")]
    if isinstance(raw, dict) and "rules" not in raw:
        raw = {"rules": [raw]}
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        return [], [RuleProblem(str(path), None, None, "expected a rule mapping or 'rules: [...]'")]
    loaded: list[LoadedRule] = []
    for index, item in enumerate(raw["rules"]):
        rule_id = item.get("id") if isinstance(item, dict) else None
        label = str(rule_id) if rule_id else f"#{index + 1}"
        try:
            spec = RuleSpec.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(RuleProblem(str(path), label, _field(err["loc"]), err["msg"]))
            continue
        unsafe = unsafe_patterns(spec)
        if unsafe:
            problems.extend(RuleProblem(str(path), label, where, msg) for where, msg in unsafe)
            continue
        loaded.append(LoadedRule(spec, str(path)))
    return loaded, problems


def unsafe_patterns(spec: RuleSpec) -> list[tuple[str, str]]:
    """``(field, reason)`` for each pattern of ``spec`` that could backtrack exponentially."""

    out: list[tuple[str, str]] = []
    for index, pattern in enumerate(spec.patterns):
        try:
            check_pattern(pattern.regex, pattern_flags(pattern.flags))
        except UnsafePattern as exc:
            out.append((f"patterns.{index}.regex", f"unsafe pattern {pattern.name!r}: {exc}"))
    return out


def load_rules(
    extra_dirs: list[Path] | None = None,
    *,
    include_builtin: bool = True,
    disabled: set[str] | frozenset[str] = frozenset(),
) -> list[LoadedRule]:
    """Load every rule; raise :class:`RuleLoadError` listing all problems if any file is bad."""
    dirs: list[Path] = [builtin_rules_dir()] if include_builtin else []
    dirs.extend(extra_dirs or [])
    loaded: list[LoadedRule] = []
    problems: list[RuleProblem] = []
    for directory in dirs:
        if not directory.is_dir():
            problems.append(RuleProblem(str(directory), None, None, "rule folder does not exist"))
            continue
        for path in rule_files(directory):
            rules, errs = load_file(path)
            loaded.extend(rules)
            problems.extend(errs)
    seen: dict[str, str] = {}
    for rule in loaded:
        if rule.spec.id in seen:
            problems.append(
                RuleProblem(
                    rule.source, rule.spec.id, "id", f"duplicate id, first in {seen[rule.spec.id]}"
                )
            )
        seen.setdefault(rule.spec.id, rule.source)
    if problems:
        raise RuleLoadError(problems)
    return [r for r in loaded if r.spec.enabled and r.spec.id not in disabled]
