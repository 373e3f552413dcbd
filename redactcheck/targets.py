"""Which files a scan reads: the paths given, or only those changed in git (``--diff``,
``--staged``), minus files that must never be scanned (the baseline itself)."""

from __future__ import annotations

from pathlib import Path

from redactcheck.config import Config
from redactcheck.discover import _matches
from redactcheck.gitdiff import changed_files, within


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def select_targets(
    paths: list[Path],
    config: Config,
    *,
    diff: str | None = None,
    staged: bool = False,
    never: list[Path] | None = None,
) -> list[Path]:
    """Paths to hand to ``Scanner.scan``; raises ``GitError`` for a bad ref or no work tree.

    In git mode the include/exclude globs are applied here, since the engine always scans a
    file it is given by name. Files in ``never`` are also added to ``config.exclude`` (by name)
    so the engine's folder walk skips them too.
    """
    skip = {p.resolve() for p in never or []}
    for p in never or []:
        if p.name not in config.exclude:
            config.exclude = [*config.exclude, p.name]  # also when found by walking a folder
    if diff is None and not staged:
        chosen = list(paths) if paths else [Path(".")]
    else:
        chosen = within(changed_files(diff, staged=staged), list(paths) or [Path(".")])
        chosen = [
            f
            for f in chosen
            if (not config.include or _matches(_rel(f), config.include))
            and not (config.exclude and _matches(_rel(f), config.exclude))
        ]
        chosen = [Path(_rel(f)) for f in chosen]
    return [p for p in chosen if p.resolve() not in skip]
