"""Nothing in a scanned folder's git metadata may run a program (issue 15, item 1).

Each test plants, in a repository's ``.git/config``, every configuration key that makes git
start a command, each command touching its own marker file. A sanity check first proves that
git itself does run the planted commands (so the test can fail), then redactcheck must leave
every marker absent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from redactcheck.discover import GITIGNORED, walk
from tests.support.cli import run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

#: Keys that run a command, as git documents them (git-config(1), gitattributes(5), githooks(5)).
COMMAND_KEYS = (
    "core.fsmonitor",
    "core.pager",
    "core.editor",
    "core.sshCommand",
    "core.askPass",
    "core.alternateRefsCommand",
    "diff.external",
    "diff.evil.textconv",
    "diff.evil.command",
    "filter.evil.clean",
    "filter.evil.smudge",
    "filter.evil.process",
    "merge.evil.driver",
    "credential.helper",
    "gpg.program",
    "sequence.editor",
    "uploadpack.packObjectsHook",
    "pager.diff",
)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(repo)}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


def _plant(repo: Path, markers: Path) -> None:
    """A repository whose configuration runs a marker command for every key above, and hooks."""
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "archivist@example.org")
    _git(repo, "config", "user.name", "Test Archivist")
    (repo / "memo.txt").write_text("SECRET//NOFORN\nThe courier leaves at noon.\n")
    (repo / ".gitattributes").write_text("* filter=evil diff=evil merge=evil\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "first")
    for key in COMMAND_KEYS:
        marker = markers / key.replace(".", "_")
        _git(repo, "config", key, f"touch {marker}; cat")
    hooks = repo / ".git" / "hooks"
    for hook in ("pre-commit", "post-checkout", "post-index-change", "reference-transaction"):
        script = hooks / hook
        script.write_text(f"#!/bin/sh\ntouch {markers / ('hook_' + hook)}\n")
        script.chmod(0o755)
    # a later edit makes the working tree differ (content filters and fsmonitor then matter)
    (repo / "memo.txt").write_text("SECRET//NOFORN\nThe courier leaves at one.\n")


def _scan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("scan", *args, cwd=cwd)


def test_the_planted_keys_do_run_under_git_itself(tmp_path):
    """Sanity: plain git obeys the plant, so the absence of markers below means something."""
    repo, markers = tmp_path / "repo", tmp_path / "markers"
    repo.mkdir()
    markers.mkdir()
    _plant(repo, markers)
    _git(repo, "status")
    _git(repo, "diff", "HEAD")
    ran = {p.name for p in markers.iterdir()}
    assert "core_fsmonitor" in ran
    assert "filter_evil_process" in ran  # a long-running filter is preferred over clean


def test_scanning_a_folder_with_a_hostile_repository_runs_nothing(tmp_path):
    release, markers = tmp_path / "release", tmp_path / "markers"
    repo = release / "transfer"
    repo.mkdir(parents=True)
    markers.mkdir()
    _plant(repo, markers)
    (repo / ".gitignore").write_text("drafts/\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "note.txt").write_text("TOP SECRET\n")
    out = _scan(str(release), "--no-names", "--no-cache", "--format", "json", "-v", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert sorted(p.name for p in markers.iterdir()) == []
    report = json.loads(out.stdout)
    scanned = {f["path"] for f in report["findings"]}
    assert any(p.endswith("memo.txt") for p in scanned)
    assert not any("drafts" in p for p in scanned)  # the .gitignore rule is still honoured
    assert "drafts/note.txt: " + GITIGNORED in out.stderr


def test_diff_and_staged_in_the_users_repository_run_nothing(tmp_path):
    repo, markers = tmp_path / "repo", tmp_path / "markers"
    repo.mkdir()
    markers.mkdir()
    _plant(repo, markers)
    out = _scan("--diff", "HEAD", "--no-names", "--no-cache", "--format", "json", cwd=repo)
    assert out.returncode == 1, out.stderr
    assert [f["path"] for f in json.loads(out.stdout)["findings"]][0].endswith("memo.txt")
    assert sorted(p.name for p in markers.iterdir()) == []
    _git(repo, "add", "memo.txt")  # plain git runs the plant: clear its markers first
    for marker in markers.iterdir():
        marker.unlink()
    staged = _scan("--staged", "--no-names", "--no-cache", "--format", "json", cwd=repo)
    assert staged.returncode == 1, staged.stderr
    assert sorted(p.name for p in markers.iterdir()) == []


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _kept(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in walk([root]))


def test_gitignore_rules_follow_git_precedence(tmp_path):
    """Deeper files win, ``!`` re-includes, an ignored folder hides everything below it."""
    (tmp_path / ".git").mkdir()
    _tree(
        tmp_path,
        {
            ".gitignore": "*.log\nbuild/\n/top.txt\n",
            ".git/info/exclude": "secret-notes.txt\n",
            "a.log": "",
            "keep.txt": "",
            "top.txt": "",
            "sub/top.txt": "",
            "sub/.gitignore": "!wanted.log\n",
            "sub/wanted.log": "",
            "sub/other.log": "",
            "build/out.txt": "",
            "build/.gitignore": "!out.txt\n",
            "secret-notes.txt": "",
        },
    )
    assert _kept(tmp_path) == [".gitignore", "keep.txt", "sub/.gitignore", "sub/top.txt",
                               "sub/wanted.log"]  # fmt: skip


def test_gitignore_is_only_honoured_inside_a_work_tree(tmp_path):
    _tree(tmp_path, {".gitignore": "*\n", "memo.txt": ""})
    assert _kept(tmp_path) == [".gitignore", "memo.txt"]


def test_nested_repository_hiding_everything_is_listed_not_silent(tmp_path):
    """A planted ``.gitignore: *`` hides files, but each one is named as skipped."""
    (tmp_path / "inner" / ".git").mkdir(parents=True)
    _tree(tmp_path, {"inner/.gitignore": "*\n", "inner/memo.txt": "SECRET\n", "outer.txt": ""})
    skipped: list = []
    kept = sorted(p.relative_to(tmp_path).as_posix() for p in walk([tmp_path], errors=skipped))
    assert kept == ["outer.txt"]
    assert sorted(Path(s.path).name for s in skipped) == [".gitignore", "memo.txt"]
    assert all(s.benign and s.reason == GITIGNORED for s in skipped)


def test_a_file_named_on_the_command_line_is_read_even_if_ignored(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "*.txt\n", "memo.txt": "x"})
    assert [p.name for p in walk([tmp_path / "memo.txt"])] == ["memo.txt"]
