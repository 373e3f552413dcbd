"""Files changed since a git ref (``scan --diff REF``) or staged for commit (``scan --staged``).

A pull-request job or a commit hook then reads only what changed. Deleted files are left out;
the files read are the ones on disk (pre-commit stashes unstaged edits first, so for it the disk
holds exactly the staged content).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: Configuration that would make git run a program, forced off for every call. git is only run
#: for ``--diff``/``--staged``, in the repository the user is in (never in one found inside a
#: scanned folder, see ``gitignore.py``), and even there nothing of its configuration may start
#: a process: no file-system monitor, no hooks, no external diff, no pager.
SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=" + os.devnull,
    "core.pager=cat",
    "core.untrackedCache=false",
    "diff.external=",
    "core.askPass=",
    "credential.helper=",
)

#: The system and global configuration are not read; git asks nothing on the terminal and takes
#: no optional locks (a read-only command then never rewrites the index).
SAFE_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_EXTERNAL_DIFF": "",
    "GIT_PAGER": "cat",
}


def git_command(args: list[str], extra: tuple[str, ...] = ()) -> list[str]:
    """``git`` with every program-starting setting disabled, then ``args``."""
    command = ["git"]
    for setting in (*SAFE_CONFIG, *extra):
        command += ["-c", setting]
    return [*command, *args]


def _run(args: list[str], cwd: Path, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        git_command(args, extra),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **SAFE_ENV},
        stdin=subprocess.DEVNULL,
    )


def _filter_overrides(cwd: Path) -> tuple[str, ...]:
    """Empty every content filter the repository defines (``filter.NAME.clean`` and the like).

    Filters are named by the repository's own configuration, so they cannot be listed in
    ``SAFE_CONFIG``; reading the configuration runs nothing, and an empty command disables one.
    """
    proc = _run(["config", "-z", "--name-only", "--get-regexp", r"^filter\..*\."], cwd)
    keys = {k for k in proc.stdout.split("\0") if k} if proc.returncode == 0 else set()
    return tuple(f"{key}=" for key in sorted(keys))


class GitError(Exception):
    """git is missing, this is not a work tree, or the ref is unknown (one-line message)."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = _run(args, cwd, _filter_overrides(cwd) if args[0] == "diff" else ())
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
        args = ["diff", "--cached", "--name-only", "-z", "--no-ext-diff", "--no-textconv"]
        args.append("--diff-filter=ACMRT")
    else:
        if not ref or ref.startswith("-"):
            raise GitError(f"not a git ref: {ref!r}")
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], here)
        args = ["diff", "--name-only", "-z", "--no-ext-diff", "--no-textconv"]
        args += ["--diff-filter=ACMRT", ref, "--"]
    out = _git(args, top)
    files = [top / name for name in out.split("\0") if name]
    return sorted(f for f in files if f.is_file())


def within(files: list[Path], roots: list[Path]) -> list[Path]:
    """Those of ``files`` that lie under one of ``roots`` (all of them when no roots)."""
    if not roots:
        return files
    resolved = [r.resolve() for r in roots]
    return [f for f in files if any(f == r or r in f.parents for r in resolved)]
