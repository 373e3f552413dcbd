"""How a path is shown in reports: relative to the working directory, always printable.

Used by the pipeline (a file it reads), the session (skipped files, the configuration file)
and the local runner (paths it hands to workers), so it belongs to none of them.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePath

from redactcheck.safetext import visible


def display_path(path: Path, *, resolve: bool = True, link: bool | None = None) -> str:
    """The path as shown in reports: relative to the working directory when inside it.

    ``resolve=False`` keeps a symbolic link's own name (a link loop cannot be resolved);
    ``link`` says whether ``path`` is a symbolic link, when the caller knows already. Never
    raises, and the result is safe to print and encode (``safetext.visible``): a name that is
    not UTF-8, holds control characters or is too long for the system is still shown.
    """
    try:
        return visible(_shown(path, resolve, link))
    except (OSError, RuntimeError, ValueError):  # a loop, a path past PATH_MAX …
        pass
    try:
        return visible(_shown(path, False, False))
    except (OSError, RuntimeError, ValueError):
        return visible(os.fsdecode(os.fspath(path)))


def _shown(path: Path, resolve: bool, link: bool | None) -> str:
    if (path.is_symlink() if link is None else link) or not resolve:
        shown = path.resolve() if resolve else Path(os.path.abspath(path))
        try:
            return shown.relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path.as_posix()
    # resolving each folder once (not each file) keeps big trees fast
    folder = _resolved_dir(str(path.parent), os.getcwd())
    return path.as_posix() if folder is None else (folder / path.name).as_posix()


@lru_cache(maxsize=1024)
def _resolved_dir(directory: str, cwd: str) -> PurePath | None:
    """``directory`` resolved, relative to ``cwd``; None when it lies outside."""
    try:
        return Path(directory).resolve().relative_to(Path(cwd).resolve())
    except ValueError:
        return None
