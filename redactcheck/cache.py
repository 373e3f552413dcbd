"""Reuse work: per-file results across runs, per-text detector output within a run.

``ResultCache`` keeps each file's findings in an SQLite file in the user cache folder (never
next to the inputs), keyed by the file's bytes, its shown path (fingerprints and messages carry
it) and a namespace that changes whenever anything that shapes findings changes: redactcheck's
own code, the rules and word lists, the model, the configuration and the fingerprint key. An
unchanged tree then re-scans at the speed of reading and hashing it.

``ReuseByText`` remembers a detector's output for recent texts, because releases repeat the
same pages (cover sheets, transmittal slips) many times.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from platformdirs import user_cache_dir

from redactcheck.config import Config, _inside
from redactcheck.document import Segment
from redactcheck.extract.ocr import engine_identity
from redactcheck.finding import Explanation, Finding, Hit
from redactcheck.results import FileResult
from redactcheck.ruleset.loader import LoadedRule, builtin_rules_dir

SCHEMA = 1
_CODE_ROOT = Path(__file__).resolve().parent
#: Config fields that cannot change a file's findings (how they are shown, where work runs).
_NOT_IN_KEY = frozenset({"redact", "jobs", "cache", "cache_dir", "dask_scheduler", "max_memory"})


class _TextKey:
    """A memo key for a text: hashed on its length and three short samples rather than the
    whole text (every file's text is looked up once, and most are never seen again); equal
    only to the same text, compared in full."""

    __slots__ = ("_hash", "part", "text")

    def __init__(self, part: str, text: str):
        self.part = part
        self.text = text
        middle = len(text) // 2
        self._hash = hash((part, len(text), text[:64], text[middle : middle + 64], text[-64:]))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _TextKey) and self.part == other.part and self.text == other.text


class ReuseByText:
    """Memoise ``detect(segment)`` by the segment's text; hits are frozen, so every caller
    gets the same ones."""

    def __init__(self, detect: Callable[[Segment], list[Hit]], size: int = 1024):
        self._detect = detect
        self._size = size
        self._memo: OrderedDict[_TextKey, list[Hit]] = OrderedDict()

    def clear(self) -> None:
        self._memo.clear()

    def detect(self, segment: Segment) -> list[Hit]:
        key = _TextKey(segment.part, segment.text)
        found = self._memo.get(key)
        if found is None:
            found = self._detect(segment)
            self._memo[key] = found
            if len(self._memo) > self._size:
                self._memo.popitem(last=False)
        else:
            self._memo.move_to_end(key)
        return list(found)


_FIELDS = tuple(f.name for f in fields(Finding) if f.name != "explanation")


def _as_dict(finding: Finding) -> dict:
    """``Finding.to_dict`` without ``asdict``'s deep copy (json.dumps copies anyway), the
    explanation as a list."""
    out = {name: getattr(finding, name) for name in _FIELDS}
    e = finding.explanation
    out["explanation"] = None if e is None else [e.mechanism, e.base_score, e.context_word]
    return out


def _from_dict(stored: dict) -> Finding:
    e = stored.pop("explanation", None)
    return Finding(**stored, explanation=None if e is None else Explanation(*e))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of redactcheck's own source: a code change invalidates every cached result."""
    h = hashlib.sha256()
    for path in sorted(_CODE_ROOT.rglob("*.py")):
        h.update(path.relative_to(_CODE_ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _model_version(model: str) -> str:
    try:
        return metadata.version(model)
    except metadata.PackageNotFoundError:
        path = Path(model)
        meta = path / "meta.json"
        return hashlib.sha256(meta.read_bytes()).hexdigest() if meta.is_file() else "unknown"


def namespace(config: Config, rules: list[LoadedRule], key: bytes) -> str:
    """Everything besides the file itself that decides its findings, as one digest: the
    configuration, the ``rules`` loaded from it and the fingerprint ``key``."""
    settings = {
        k: (str(v) if not isinstance(v, (list, int, float, bool, type(None))) else v)
        for k, v in asdict(config).items()
        if k not in _NOT_IN_KEY
    }
    h = hashlib.sha256()
    h.update(f"schema {SCHEMA}\n".encode())
    h.update(code_digest().encode())
    h.update(json.dumps(settings, sort_keys=True).encode())
    for rule in rules:
        h.update(rule.spec.model_dump_json().encode())
    lexicons = builtin_rules_dir() / "lexicons"
    if lexicons.is_dir():
        for path in sorted(lexicons.rglob("*")):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    if config.ocr:
        h.update(f"ocr {engine_identity()}".encode())
    if config.names:
        h.update(f"model {config.model} {_model_version(config.model)}".encode())
    h.update(hashlib.sha256(key).digest())  # the key itself never reaches the disk
    return h.hexdigest()


def default_cache_dir() -> Path:
    return Path(user_cache_dir("redactcheck", appauthor=False))


class ResultCache:
    """File results in SQLite, written in batches by the one parent process."""

    def __init__(self, folder: Path, space: str):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"results-v{SCHEMA}.sqlite"
        self.space = space
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
        )
        self._pending: list[tuple[str, bytes]] = []
        self.hits = 0
        self.misses = 0

    def key(self, shown: str, data: bytes) -> str:
        h = hashlib.sha256(self.space.encode())
        h.update(b"\0" + shown.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, key: str, shown: str) -> FileResult | None:
        row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            stored = json.loads(zlib.decompress(row[0]))
            result = FileResult(
                shown,
                findings=[_from_dict(f) for f in stored["findings"]],
                notes=list(stored["notes"]),
                size=int(stored["size"]),
                suppressions_used=set(stored.get("suppressions_used", ())),
                skipped=stored.get("skipped"),
            )
        except (ValueError, TypeError, KeyError, zlib.error):
            self.misses += 1
            return None  # a damaged entry is a miss, never an error
        self.hits += 1
        return result

    def put(self, key: str, result: FileResult) -> None:
        stored = {
            "findings": [_as_dict(f) for f in result.findings],
            "notes": result.notes,
            "size": result.size,
            "suppressions_used": sorted(result.suppressions_used),
            "skipped": result.skipped,  # a binary stays "skipped" when answered from the cache
        }
        self._pending.append((key, zlib.compress(json.dumps(stored).encode(), 1)))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", self._pending
                )
        except sqlite3.Error:
            pass  # the cache only saves time: a locked or full disk must not fail the scan
        self._pending.clear()


def cache_folder(config: Config) -> Path:
    """Where the result cache of ``config`` lives."""
    return (Path(config.cache_dir) if config.cache_dir else default_cache_dir()).expanduser()


def inside_scanned(folder: Path, scanned: list[Path]) -> bool:
    """Whether the cache ``folder`` lies in (or is) one of the ``scanned`` paths: a scan must
    never write into what it reads, and must not read its cache back as a document."""
    return _inside(folder, scanned or [Path(".")])


def open_cache(config: Config, rules: list[LoadedRule], key: bytes) -> ResultCache | None:
    """The result cache for these settings (see :func:`namespace`), or None when it cannot be
    opened."""
    try:
        return ResultCache(cache_folder(config), namespace(config, rules, key))
    except (OSError, sqlite3.Error):
        return None
