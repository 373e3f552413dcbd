"""Files changed since a git ref (``scan --diff REF``) or staged for commit (``scan --staged``).

A pull-request job or a commit hook then reads only what changed. Deleted files are left out;
the files read are the ones on disk (pre-commit stashes unstaged edits first, so for it the disk
holds exactly the staged content).
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, this is not a work tree, or the ref is unknown (one-line message)."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.SubprocessError as exc:
        raise GitError(f"git failed: {type(exc).__name__}") from None
    if proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitError(reason.removeprefix("fatal: "))
    return proc.stdout


def changed_files(
    ref: str | None = None, *, staged: bool = False, cwd: Path | None = None
) -> list[Path]:
    """Existing files that differ from ``ref`` (working tree vs ref), or that are staged."""
    here = (cwd or Path.cwd()).resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], here).strip())
    if staged:
        args = ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMRT"]
    else:
        if not ref or ref.startswith("-"):
            raise GitError(f"not a git ref: {ref!r}")
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], here)
        args = ["diff", "--name-only", "-z", "--diff-filter=ACMRT", ref, "--"]
    out = _git(args, top)
    files = [top / name for name in out.split("\0") if name]
    return sorted(f for f in files if f.is_file())


def within(files: list[Path], roots: list[Path]) -> list[Path]:
    """Those of ``files`` that lie under one of ``roots`` (all of them when no roots)."""
    if not roots:
        return files
    resolved = [r.resolve() for r in roots]
    return [f for f in files if any(f == r or r in f.parents for r in resolved)]
