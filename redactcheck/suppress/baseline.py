"""Baseline: the findings a reviewer has accepted, stored as keyed fingerprints, never as text.

A later scan with ``--baseline`` reports only what is not in it, so CI fails on what is new and
a reviewer is asked about a span once. The file is sorted, diff-friendly JSON:

    {"version": 1, "key": {"salt": …, "secret": false, "check": …},
     "entries": [{"fingerprint": …, "path": …, "rule_id": …, "reviewed": {…}?}, …]}

The fingerprint (``locate.fingerprint``) is an HMAC of rule, path, part, normalised matched text
and two words either side. Its key is derived from a random salt stored here and, optionally, a
secret from ``REDACTCHECK_FINGERPRINT_KEY`` that is not stored (docs/review.md explains the
trade-off). ``check`` lets a scan tell a wrong or missing secret from "everything is new".
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redactcheck.finding import Finding
from redactcheck.locate import KEY_ENV

VERSION = 1
DEFAULT_BASELINE = ".redactcheck-baseline.json"
_KDF_LABEL = b"redactcheck-baseline-v1:"
_CHECK_LABEL = b"redactcheck-key-check"


class BaselineError(Exception):
    """A baseline cannot be read or used; the message is one line and names the file."""


@dataclass(slots=True)
class Entry:
    fingerprint: str
    path: str
    rule_id: str
    reviewer: str | None = None
    date: str | None = None  # ISO date of the review; the only date a baseline holds
    reason: str | None = None

    def sort_key(self) -> tuple[str, str, str]:
        return (self.path, self.rule_id, self.fingerprint)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "path": self.path,
            "rule_id": self.rule_id,
        }
        review = {
            k: v
            for k, v in (("by", self.reviewer), ("date", self.date), ("reason", self.reason))
            if v
        }
        if review:
            out["reviewed"] = review
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        review = data.get("reviewed") or {}
        return cls(
            fingerprint=str(data["fingerprint"]),
            path=str(data["path"]),
            rule_id=str(data["rule_id"]),
            reviewer=review.get("by"),
            date=review.get("date"),
            reason=review.get("reason"),
        )


def _secret() -> bytes | None:
    value = os.environ.get(KEY_ENV)
    return value.encode() if value else None


def derive_key(salt: str, secret: bytes | None) -> bytes:
    """Fingerprint key from the stored salt and the optional unstored secret."""
    material = _KDF_LABEL + bytes.fromhex(salt)
    if secret:
        return hmac.new(secret, material, hashlib.sha256).digest()
    return hashlib.sha256(material).digest()


def key_check(key: bytes) -> str:
    """A short value that shows whether a key is the baseline's without revealing the key."""
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:16]


@dataclass(slots=True)
class Baseline:
    salt: str
    secret: bool
    check: str
    entries: dict[str, Entry] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def new(cls, path: Path | None = None) -> Baseline:
        """A fresh baseline with a random salt, keyed by the environment's secret if set."""
        salt = secrets.token_hex(16)
        secret = _secret()
        return cls(salt, bool(secret), key_check(derive_key(salt, secret)), {}, path)

    def key(self) -> bytes:
        """The fingerprint key; fails when the secret it was made with is absent or different."""
        secret = _secret()
        if self.secret and not secret:
            raise BaselineError(
                f"{self.path}: this baseline was made with {KEY_ENV} set; set the same secret"
            )
        key = derive_key(self.salt, secret if self.secret else None)
        if not hmac.compare_digest(key_check(key), self.check):
            raise BaselineError(
                f"{self.path}: {KEY_ENV} is not the secret this baseline was made with"
            )
        return key

    def add(
        self,
        finding: Finding,
        *,
        reviewer: str | None = None,
        date: str | None = None,
        reason: str | None = None,
    ) -> Entry:
        entry = Entry(finding.fingerprint, finding.path, finding.rule_id, reviewer, date, reason)
        old = self.entries.get(finding.fingerprint)
        if old is not None and old.date and not date:
            return old  # keep an earlier review record rather than erase it
        self.entries[finding.fingerprint] = entry
        return entry

    def __contains__(self, finding: Finding) -> bool:
        return finding.fingerprint in self.entries

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "tool": "redactcheck",
            "key": {"salt": self.salt, "secret": self.secret, "check": self.check},
            "entries": [e.to_dict() for e in sorted(self.entries.values(), key=Entry.sort_key)],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    def save(self, path: Path | None = None) -> None:
        """Write atomically (a review interrupted mid-write never leaves half a file)."""
        target = path or self.path
        if target is None:
            raise BaselineError("no baseline file given")
        target = Path(target)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".redactcheck-baseline.", dir=target.parent or ".")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(self.dumps())
            os.replace(tmp, target)
        except OSError as exc:
            raise BaselineError(f"{target}: cannot write baseline: {exc.strerror or exc}") from None
        self.path = target


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: baseline not found (create it with `redactcheck baseline create`)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {type(exc).__name__}") from None
    try:
        if data.get("version") != VERSION:
            raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r}")
        key = data["key"]
        bytes.fromhex(key["salt"])
        entries = {e["fingerprint"]: Entry.from_dict(e) for e in data["entries"]}
        return Baseline(
            str(key["salt"]), bool(key["secret"]), str(key["check"]), entries, Path(path)
        )
    except BaselineError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError):
        raise BaselineError(
            f"{path}: not a redactcheck baseline (see schemas/baseline.schema.json)"
        ) from None


def apply_baseline(report, baseline: Baseline, scanned: set[str]) -> None:
    """Drop accepted findings from ``report`` and record what matched and what is stale.

    An entry is stale when its file was scanned (and read without error) but nothing in it
    matched the entry any more; entries of files outside this scan are left alone, so a
    ``--diff`` or pre-commit run never calls the rest of the baseline stale.
    """
    matched: set[str] = set()
    kept = []
    for f in report.findings:
        if f.fingerprint in baseline.entries:
            matched.add(f.fingerprint)
        else:
            kept.append(f)
    report.findings = kept
    stale = [
        e
        for e in sorted(baseline.entries.values(), key=Entry.sort_key)
        if e.path in scanned and e.fingerprint not in matched
    ]
    report.baseline = {
        "file": str(baseline.path) if baseline.path else None,
        "entries": len(baseline.entries),
        "matched": len(matched),
        # no review record: its free-text reason must not travel into CI logs
        "stale": [
            {"fingerprint": e.fingerprint, "path": e.path, "rule_id": e.rule_id} for e in stale
        ],
    }
