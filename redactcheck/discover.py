"""Walk the given paths and yield the files to scan, in a stable order.

Skips ``.git``, files that ``.gitignore`` ignores inside a git work tree (unless told not to),
and does not follow symbolic links unless asked (a link loop can then never trap the walk).
"""

from __future__ import annotations

import errno
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
    benign: bool = False  # True: not scanned by design (listed with --verbose), not an error


def _matches(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(
        fnmatch(rel, p) or fnmatch(name, p) or fnmatch(rel, p.rstrip("/") + "/*") for p in patterns
    )


def _link_problem(path: Path) -> Skipped:
    """Why a symbolic link that is not followed is left out: a loop is an error."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Skipped(str(path), "symbolic-link loop")
        return Skipped(str(path), "dangling symbolic link; not scanned", benign=True)
    return Skipped(str(path), "symbolic link not followed (--follow-symlinks)", benign=True)


def _walk_tree(
    root: Path, follow_symlinks: bool, errors: list[Skipped] | None
) -> Iterator[tuple[Path, list[Path], list[Path]]]:
    """Top-down, sorted ``(folder, files, links not followed)``.

    An explicit stack (no recursion limit on deep trees), loop detection when following links,
    and unreadable folders reported rather than silently dropped.
    """
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            st = os.stat(directory) if follow_symlinks else os.lstat(directory)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                if errors is not None:
                    reason = "symbolic link to a folder already scanned (loop)"
                    errors.append(Skipped(str(directory), reason, benign=True))
                continue
            seen.add(key)
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if errors is not None:
                errors.append(Skipped(str(directory), f"cannot read folder: {_os_reason(exc)}"))
            continue
        files: list[Path] = []
        links: list[Path] = []
        subdirs: list[Path] = []
        for entry in entries:
            full = Path(entry.path)
            try:
                if entry.is_symlink() and (not follow_symlinks or not full.exists()):
                    links.append(full)
                    continue
                if entry.is_dir(follow_symlinks=follow_symlinks):
                    if entry.name not in SKIP_DIRS:
                        subdirs.append(full)
                else:
                    files.append(full)
            except OSError as exc:
                if errors is not None:
                    errors.append(Skipped(str(full), _os_reason(exc)))
        yield directory, files, links
        stack.extend(reversed(subdirs))


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic-link loop"
    return (exc.strerror or type(exc).__name__).lower()


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
                if root.is_symlink():
                    errors.append(_link_problem(root))
                else:
                    errors.append(Skipped(str(root), "no such file or directory"))
            continue
        for _directory, files, links in _walk_tree(root, follow_symlinks, errors):
            for link in links:
                rel = link.relative_to(root).as_posix()
                if errors is not None and not (exclude and _matches(rel, list(exclude))):
                    errors.append(_link_problem(link))
            for full in files:
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
