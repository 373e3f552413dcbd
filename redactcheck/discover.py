"""Walk the given paths and yield the files to scan, in a stable order.

Skips ``.git``, files that ``.gitignore`` ignores inside a git work tree (unless told not to),
and does not follow symbolic links unless asked (a link loop can then never trap the walk).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def _matches(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch(rel, p) or fnmatch(name, p) or fnmatch(rel, p.rstrip("/") + "/*") for p in patterns)


def walk(
    paths: list[Path],
    *,
    include: list[str] = (),  # type: ignore[assignment]
    exclude: list[str] = (),  # type: ignore[assignment]
    follow_symlinks: bool = False,
    respect_gitignore: bool = True,
    errors: list[Skipped] | None = None,
) -> Iterator[Path]:
    """Yield files under ``paths`` (a file given by name is always yielded)."""
    candidates: list[Path] = []
    for root in paths:
        if root.is_symlink() and not follow_symlinks and root.is_dir():
            continue
        if root.is_file():
            candidates.append(root)
            continue
        if not root.exists():
            if errors is not None:
                errors.append(Skipped(str(root), "no such file or directory"))
            continue
        seen_dirs: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks, onerror=None):
            if follow_symlinks:
                st = os.stat(dirpath)
                key = (st.st_dev, st.st_ino)
                if key in seen_dirs:
                    dirnames[:] = []
                    continue
                seen_dirs.add(key)
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                full = Path(dirpath) / name
                if full.is_symlink() and not follow_symlinks:
                    continue
                rel = full.relative_to(root).as_posix()
                if include and not _matches(rel, list(include)):
                    continue
                if exclude and _matches(rel, list(exclude)):
                    continue
                candidates.append(full)
    if respect_gitignore:
        ignored = git_ignored(candidates)
        candidates = [c for c in candidates if c not in ignored]
    seen: set[Path] = set()
    for path in candidates:
        if path not in seen:
            seen.add(path)
            yield path


def git_ignored(files: list[Path]) -> set[Path]:
    """Those of ``files`` that git ignores (empty when git or a work tree is absent)."""
    by_dir: dict[Path, list[Path]] = {}
    for f in files:
        by_dir.setdefault(f.parent, []).append(f)
    ignored: set[Path] = set()
    roots: dict[Path, Path | None] = {}
    groups: dict[Path, list[Path]] = {}
    for directory, members in by_dir.items():
        top = _git_top(directory, roots)
        if top is not None:
            groups.setdefault(top, []).extend(members)
    for top, members in groups.items():
        payload = "\0".join(str(m.resolve()) for m in members) + "\0"
        try:
            proc = subprocess.run(
                ["git", "-C", str(top), "check-ignore", "-z", "--stdin"],
                input=payload.encode(),
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if proc.returncode not in (0, 1):
            continue
        hits = {p for p in proc.stdout.decode(errors="replace").split("\0") if p}
        ignored.update(m for m in members if str(m.resolve()) in hits)
    return ignored


def _git_top(directory: Path, cache: dict[Path, Path | None]) -> Path | None:
    resolved = directory.resolve()
    for candidate in (resolved, *resolved.parents):
        if candidate in cache:
            top = cache[candidate]
            break
        if (candidate / ".git").exists():
            top = candidate
            break
    else:
        top = None
    cache[resolved] = top
    return top
