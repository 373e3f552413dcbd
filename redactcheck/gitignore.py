"""Which files ``.gitignore`` rules leave out, evaluated in-process: git is never run.

Why not ``git check-ignore``: running git inside a repository found in a scanned folder obeys
that repository's ``.git/config``, and keys such as ``core.fsmonitor`` run any command the
folder's author chose. A release folder is untrusted, so its git metadata is only *read*, as
text, never handed to git. ``pathspec`` implements git's wildmatch rules.

What is honoured, as git does: the ``.gitignore`` of every folder from the work tree's top down to
the file's folder (a deeper file's rules win; last matching line wins within a file; ``!``
re-includes), and ``.git/info/exclude``. A file inside an ignored folder is ignored whatever
deeper files say. What is not: ``core.excludesFile`` and other configuration (it is never read),
and the index (a tracked file that matches a rule is still left out, unlike git). Outside a work
tree (no ``.git`` above the file) nothing is ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

import pathspec

#: A ``.gitignore`` larger than this is not read (its rules are ignored, the files are scanned).
MAX_IGNORE_FILE = 1 << 20


class GitignoreRules:
    """Caches the rules of each folder and the verdict on each folder across one walk."""

    def __init__(self) -> None:
        self._tops: dict[Path, Path | None] = {}
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._dir_ignored: dict[Path, bool] = {}

    def is_ignored(self, path: Path) -> bool:
        """True when ``path`` (a file) is left out by the rules of its work tree."""
        absolute = Path(os.path.abspath(path))
        top = self._top(absolute.parent)
        if top is None:
            return False
        folders = self._between(top, absolute.parent)
        for folder in folders[1:]:
            if self._folder_ignored(top, folder):
                return True
        return self._verdict(folders, absolute, is_dir=False)

    def _folder_ignored(self, top: Path, folder: Path) -> bool:
        cached = self._dir_ignored.get(folder)
        if cached is None:
            cached = self._verdict(self._between(top, folder.parent), folder, is_dir=True)
            self._dir_ignored[folder] = cached
        return cached

    def _verdict(self, folders: list[Path], target: Path, *, is_dir: bool) -> bool:
        """The deepest folder whose rules decide about ``target`` wins (git's precedence)."""
        for folder in reversed(folders):
            spec = self._spec(folder, is_top=folder == folders[0])
            if spec is None:
                continue
            rel = target.relative_to(folder).as_posix() + ("/" if is_dir else "")
            decided = spec.check_file(rel).include
            if decided is not None:
                return decided
        return False

    def _spec(self, folder: Path, *, is_top: bool) -> pathspec.GitIgnoreSpec | None:
        if folder in self._specs:
            return self._specs[folder]
        lines: list[str] = []
        if is_top:
            lines += _read_lines(folder / ".git" / "info" / "exclude")
        lines += _read_lines(folder / ".gitignore")
        spec = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        self._specs[folder] = spec
        return spec

    def _top(self, folder: Path) -> Path | None:
        """The nearest folder at or above ``folder`` that holds ``.git`` (a work tree's top)."""
        walked: list[Path] = []
        top: Path | None = None
        for candidate in (folder, *folder.parents):
            if candidate in self._tops:
                top = self._tops[candidate]
                break
            walked.append(candidate)
            if os.path.lexists(candidate / ".git"):
                top = candidate
                break
        for candidate in walked:
            self._tops[candidate] = top
        return top

    @staticmethod
    def _between(top: Path, folder: Path) -> list[Path]:
        """``top`` and every folder below it down to ``folder``, top first."""
        chain = [folder]
        while chain[-1] != top:
            chain.append(chain[-1].parent)
        return chain[::-1]


def _read_lines(path: Path) -> list[str]:
    """A rules file's lines; missing, unreadable, oversized or linked files give none."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_IGNORE_FILE:
            return []
        return path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError:
        return []
