"""Settings: ``[tool.redactcheck]`` in pyproject.toml or ``.redactcheck.toml``, then CLI flags.

The file is found by walking up from the working directory; the nearest one wins. The result
is one frozen object passed to the session, never a global: a change is a copy
(``with_overrides``), so nothing can alter a configuration another part of a run holds.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from redactcheck.detect.pii.nlp import DEFAULT_MODEL
from redactcheck.finding import SEVERITIES


class ConfigError(Exception):
    """A configuration problem; the CLI prints it on one line and exits with status 2."""


@dataclass(slots=True, frozen=True)
class Config:
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # extra rule folders
    disable: list[str] = field(default_factory=list)  # rule ids switched off
    entities: list[str] = field(default_factory=lambda: ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"])
    fail_on: str = "low"
    min_score: float = 0.0
    model: str = DEFAULT_MODEL
    allow: list[str] = field(default_factory=list)  # terms never reported
    allow_regex: list[str] = field(default_factory=list)  # matched texts never reported
    per_path_disable: dict[str, list[str]] = field(default_factory=dict)  # glob -> rule ids
    baseline: str | None = None  # baseline file of accepted findings (see docs/review.md)
    report_unused_suppressions: bool = False
    names: bool = True
    respect_gitignore: bool = True
    follow_symlinks: bool = False
    redact: bool = False
    as_of: date = field(default_factory=date.today)
    max_file_size: int = 100 * 1024 * 1024
    max_member_size: int = 100 * 1024 * 1024  # uncompressed archive member (DOCX parts)
    max_line_length: int = 1_000_000  # characters in one line of extracted text
    file_timeout: float | None = None  # seconds per file; 0 = none; None = 600 + 120 per MB
    # throughput (docs/performance.md)
    jobs: int = 0  # worker processes; 0 = one per core
    max_memory: int = 1024 * 1024 * 1024  # resident bytes per worker process; 0 = no limit
    cache: bool = True  # reuse results of unchanged files
    cache_dir: str | None = None  # default: the user cache folder (platformdirs)
    dask_scheduler: str | None = None  # tcp://HOST:PORT of a running Dask scheduler
    sentence_parser: bool = False  # also run spaCy's parser before NER (slower, see docs)
    ocr: bool = True  # OCR PDF pages without a readable text layer (tesserocr, see formats.md)
    ocr_lang: str = ""  # Tesseract languages added to English, e.g. "deu+fra"
    ocr_pages: int = 500  # pages OCR'd per file at most; 0 = no limit
    source: str | None = None  # the config file used, for messages

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with every override that is not ``None`` applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


_KEYS = {f.name for f in fields(Config)} - {"source", "redact", "as_of"}


def find_config_file(start: Path | None = None) -> tuple[Path, dict] | None:
    """Nearest ``.redactcheck.toml`` or pyproject.toml with a ``[tool.redactcheck]`` table."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        dotfile = directory / ".redactcheck.toml"
        if dotfile.is_file():
            return dotfile, _read_toml(dotfile)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("redactcheck")
            if table is not None:
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc


def config_from_table(table: dict, source: str) -> Config:
    unknown = sorted(
        set(table)
        - _KEYS
        - {"fail-on", "min-score", "respect-gitignore", "max-memory"}
        - {"allow-regex", "per-path-disable", "report-unused-suppressions"}
    )
    if unknown:
        raise ConfigError(f"{source}: unknown configuration key(s): {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, value in table.items():
        values[key.replace("-", "_")] = value
    config = Config(**values, source=source)
    validate(config)
    if source:
        base = Path(source).parent
        rules = [
            str((base / r).resolve()) if not Path(r).is_absolute() else r for r in config.rules
        ]
        baseline = config.baseline
        if baseline and not Path(baseline).is_absolute():
            baseline = str(base / baseline)
        config = replace(config, rules=rules, baseline=baseline)
    return config


def validate(config: Config) -> None:
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {config.fail_on!r}")
    if not isinstance(config.jobs, int) or config.jobs < 0:
        raise ConfigError("jobs must be a whole number, 0 for one per core")
    if not 0.0 <= float(config.min_score) <= 1.0:
        raise ConfigError("min_score must lie between 0 and 1")
    for name in ("include", "exclude", "rules", "disable", "entities", "allow", "allow_regex"):
        value = getattr(config, name)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{name} must be a list of strings")
    if not isinstance(config.ocr_lang, str) or not all(
        c.isalnum() or c in "_+-," for c in config.ocr_lang
    ):
        raise ConfigError("ocr_lang must be Tesseract language codes joined by +, e.g. deu+fra")
    for name in (
        "max_file_size", "max_member_size", "max_line_length", "file_timeout", "max_memory",
        "ocr_pages",
    ):  # fmt: skip
        value = getattr(config, name)
        if value is None and name == "file_timeout":
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(f"{name} must be a number >= 0 (0 turns the limit off)")
    validate_suppressions(config)


def validate_scheduler(config: Config) -> None:
    """Refuse a malformed Dask address before connecting (checked once the command line and
    a trusted file decided it: a value ignored by ``distrust_scanned_config`` never fails)."""
    if config.dask_scheduler is not None and not _SCHEDULER.fullmatch(str(config.dask_scheduler)):
        raise ConfigError(
            f"dask_scheduler must be an address such as tcp://HOST:PORT, not "
            f"{str(config.dask_scheduler)[:80]!r}"
        )


#: a Dask scheduler address: scheme://host:port (host name, IPv4 or [IPv6])
_SCHEDULER = re.compile(r"(?:tcp|tls|inproc|ucx|ws|wss)://(?:\[[0-9A-Fa-f:.]+\]|[\w.-]+):\d{1,5}")


def validate_suppressions(config: Config) -> None:
    """Check the suppression keys: regexes compile, per-path globs map to lists of rule ids."""

    for pattern in config.allow_regex:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"allow_regex: invalid regular expression {pattern!r}: {exc}") from (
                None
            )
    table = config.per_path_disable
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(r, str) for r in v)
        for k, v in table.items()
    ):
        raise ConfigError(
            "per_path_disable must map path globs to lists of rule ids, e.g. "
            '{"docs/public/*" = ["PII-PERSON"]}'
        )
    if config.baseline is not None and not isinstance(config.baseline, str):
        raise ConfigError("baseline must be a file name")


#: Settings that open a network connection, choose where to write, or load code-bearing files
#: (a spaCy model folder): taken only from the command line, ``--config FILE`` or a
#: configuration file outside the folders being scanned, never from one found inside them.
TRUSTED_ONLY = ("dask_scheduler", "cache_dir", "model")


def _inside(path: Path, folders: list[Path]) -> bool:
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return True  # cannot tell: assume the worst
    for folder in folders:
        try:
            base = folder.resolve()
        except (OSError, RuntimeError):
            continue
        if resolved == base or base in resolved.parents:
            return True
    return False


def distrust_scanned_config(config: Config, scanned: list[Path]) -> tuple[Config, list[str]]:
    """Drop the trusted-only settings of a configuration file found inside a scanned folder.

    A release folder from a stranger may hold a ``.redactcheck.toml``; when the scan runs from
    inside it, that file is the nearest configuration. It must not point the scan at a Dask
    scheduler (a connection), a cache folder (a write) or a model folder (code-bearing files).
    Returns a copy without them, and the keys that were dropped, for a warning. A model given
    by package name is an installed package, not a file from the folder, and is kept.
    """
    # the tree of each scanned path: a folder itself, a file's folder (scanning ./memo.txt
    # from inside a folder scans that folder's files)
    trees = []
    for path in scanned or [Path(".")]:
        try:
            trees.append(path if path.is_dir() else path.parent)
        except OSError:
            trees.append(path.parent)
    if not config.source or not _inside(Path(config.source), trees):
        return config, []
    defaults = Config()
    dropped: list[str] = []
    for key in TRUSTED_ONLY:
        value = getattr(config, key)
        if value == getattr(defaults, key):
            continue
        if key == "model" and not _looks_like_path(str(value)):
            continue
        dropped.append(key)
    return replace(config, **{key: getattr(defaults, key) for key in dropped}), dropped


def _looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or value.startswith((".", "~")) or Path(value).exists()


def load_config(path: Path | None = None) -> Config:
    """Read the given config file, or the nearest one; defaults when there is none."""
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        data = _read_toml(path)
        table = (
            data.get("tool", {}).get("redactcheck", {}) if path.name == "pyproject.toml" else data
        )
        return config_from_table(table, str(path))
    found = find_config_file()
    if found is None:
        return Config()
    return config_from_table(found[1], str(found[0]))
