"""Find, read and validate rule files: the shipped library plus the user's own folders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from redactcheck.detect.accel.regex_facts import pattern_flags
from redactcheck.ruleset.redos import UnsafePattern, check_pattern
from redactcheck.ruleset.schema import RuleSpec, WordList

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
    try:
        fragments = expand_fragments(raw.get("fragments") or {})
    except (ValidationError, ValueError, TypeError) as exc:
        return [], [RuleProblem(str(path), None, "fragments", str(exc))]
    loaded: list[LoadedRule] = []
    for index, item in enumerate(raw["rules"]):
        rule_id = item.get("id") if isinstance(item, dict) else None
        label = str(rule_id) if rule_id else f"#{index + 1}"
        if fragments and isinstance(item, dict):
            try:
                item = _with_fragments(item, fragments)
            except ValueError as exc:
                problems.append(RuleProblem(str(path), label, "patterns", str(exc)))
                continue
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


_PLACE = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")


def expand_fragments(raw: dict) -> dict[str, str]:
    """A rule file's ``fragments`` as regular expressions, each with earlier ones filled in.

    Why: a postal address block repeats the same state names, street suffixes and town line in
    several patterns; written once by name, the lists stay readable and change in one place.
    A word list becomes a non-capturing alternation of the escaped words, longest first (so
    "West Virginia" is tried before "Virginia"), a space in a word also matching none.
    """
    if not isinstance(raw, dict):
        raise TypeError("fragments must map names to a regex or a word list")
    out: dict[str, str] = {}
    for name, value in raw.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(name)):
            raise ValueError(f"fragment name {name!r} is not an identifier")
        if isinstance(value, str):
            regex = _fill(value, out)
        else:
            spec = WordList.model_validate(value)
            words = set(spec.words) | ({w.upper() for w in spec.words} if spec.upper else set())
            ordered = sorted(words, key=lambda w: (-len(w), w))
            alts = [re.escape(w).replace("\\ ", "[ \\t]?") for w in ordered]
            regex = "(?:" + "|".join(alts) + ")"
        try:
            re.compile(regex)
        except re.error as exc:
            raise ValueError(f"fragment {name!r} does not compile: {exc}") from exc
        out[str(name)] = regex
    return out


def _fill(regex: str, fragments: dict[str, str]) -> str:
    def one(m: re.Match) -> str:
        if m.group(1) not in fragments:
            raise ValueError(f"unknown fragment {{{{{m.group(1)}}}}}")
        return fragments[m.group(1)]

    return _PLACE.sub(one, regex)


def _with_fragments(item: dict, fragments: dict[str, str]) -> dict:
    patterns = item.get("patterns")
    if not isinstance(patterns, list):
        return item
    filled = [
        {**p, "regex": _fill(p["regex"], fragments)}
        if isinstance(p, dict) and isinstance(p.get("regex"), str)
        else p
        for p in patterns
    ]
    return {**item, "patterns": filled}


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
