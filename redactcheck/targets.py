"""Which files a scan reads: the paths given, or only those changed in git (``--diff``,
``--staged``), minus files that must never be scanned (the baseline itself)."""

from __future__ import annotations

from pathlib import Path

from redactcheck.config import Config
from redactcheck.discover import matches
from redactcheck.gitdiff import changed_files, within


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def never_scanned(config: Config, never: list[Path] | None) -> Config:
    """A copy of ``config`` whose exclude globs also name each file of ``never`` (the baseline
    file), so a folder walk skips it too; ``config`` itself is not changed."""
    extra = [p.name for p in never or [] if p.name not in config.exclude]
    return config.with_overrides(exclude=[*config.exclude, *extra]) if extra else config


def select_targets(
    paths: list[Path],
    config: Config,
    *,
    diff: str | None = None,
    staged: bool = False,
    never: list[Path] | None = None,
) -> list[Path]:
    """Paths to hand to ``Session.scan``; raises ``GitError`` for a bad ref or no work tree.

    In git mode the include/exclude globs are applied here, since the session always scans a
    file it is given by name. Files in ``never`` are left out here; ``never_scanned`` makes the
    configuration that keeps the folder walk from finding them.
    """
    skip = {p.resolve() for p in never or []}
    if diff is None and not staged:
        chosen = list(paths) if paths else [Path(".")]
    else:
        chosen = within(changed_files(diff, staged=staged), list(paths) or [Path(".")])
        chosen = [
            f
            for f in chosen
            if (not config.include or matches(_rel(f), config.include))
            and not (config.exclude and matches(_rel(f), config.exclude))
        ]
        chosen = [Path(_rel(f)) for f in chosen]
    return [p for p in chosen if p.resolve() not in skip]
