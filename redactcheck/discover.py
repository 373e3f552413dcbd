"""Walk the given paths and yield the files to scan, in a stable order.

Skips ``.git``, files that ``.gitignore`` ignores inside a git work tree (unless told not to;
evaluated by ``gitignore.py`` without running git, so a scanned folder's git configuration can
never run a command), and does not follow symbolic links unless asked (a link loop can then never
trap the walk). Every file left out by a rule is recorded, so ``--verbose`` lists it and the
scan summary counts it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from redactcheck.gitignore import GitignoreRules

SKIP_DIRS = frozenset({".git", ".hg", ".svn"})
GITIGNORED = "ignored by a .gitignore rule (--no-gitignore reads it)"


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str
    benign: bool = False  # True: not scanned by design (listed with --verbose), not an error


def matches(rel: str, patterns: list[str]) -> bool:
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
                if errors is not None and not (exclude and matches(rel, list(exclude))):
                    errors.append(_link_problem(link))
            for full in files:
                rel = full.relative_to(root).as_posix()
                if include and not matches(rel, list(include)):
                    continue
                if exclude and matches(rel, list(exclude)):
                    continue
                candidates.append(full)
    if respect_gitignore:
        rules = GitignoreRules()
        kept = []
        for c in candidates:
            if c in paths or not rules.is_ignored(c):  # a file named on the command line is read
                kept.append(c)
            elif errors is not None:
                errors.append(Skipped(str(c), GITIGNORED, benign=True))
        candidates = kept
    seen: set[Path] = set()
    for path in candidates:
        if path not in seen:
            seen.add(path)
            yield path
