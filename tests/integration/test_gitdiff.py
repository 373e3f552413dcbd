"""``scan --diff REF`` and ``--staged`` read only the files git says changed."""

from __future__ import annotations

import json
import subprocess

from tests.support.cli import run_cli


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _repo(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "T")
    for name in ("old.txt", "edited.txt", "removed.txt"):
        (repo / name).write_text("(S) first version\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "one")
    (repo / "edited.txt").write_text("(S) first version\n(C) added line\n", encoding="utf-8")
    (repo / "new.txt").write_text("(C) brand new\n", encoding="utf-8")
    (repo / "sub").mkdir()
    (repo / "sub" / "deep.txt").write_text("(C) in a folder\n", encoding="utf-8")
    _git(repo, "rm", "-q", "removed.txt")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "two")
    return repo


def _paths(proc) -> set[str]:
    assert proc.returncode in (0, 1), proc.stderr
    return {f["path"] for f in json.loads(proc.stdout)["findings"]}


def test_diff_scans_only_files_changed_since_ref(tmp_path):
    repo = _repo(tmp_path)
    proc = run_cli("scan", "--no-names", "--diff", "HEAD~1", "-f", "json", cwd=repo)
    assert _paths(proc) == {"edited.txt", "new.txt", "sub/deep.txt"}
    assert json.loads(proc.stdout)["summary"]["files_scanned"] == 3
    # limited to a folder, and run from inside it
    sub = run_cli("scan", "--no-names", "--diff", "HEAD~1", "-f", "json", "sub", cwd=repo)
    assert _paths(sub) == {"sub/deep.txt"}
    inside = run_cli("scan", "--no-names", "--diff", "HEAD~1", "-f", "json", cwd=repo / "sub")
    assert _paths(inside) == {"deep.txt"}
    none = run_cli("scan", "--no-names", "--diff", "HEAD", "-f", "json", cwd=repo)
    assert _paths(none) == set() and none.returncode == 0


def test_staged_scans_only_staged_files(tmp_path):
    repo = _repo(tmp_path)
    (repo / "old.txt").write_text("(S) first version\n(S) staged change\n", encoding="utf-8")
    (repo / "new.txt").write_text("(C) unstaged edit\n", encoding="utf-8")
    _git(repo, "add", "old.txt")
    proc = run_cli("scan", "--no-names", "--staged", "-f", "json", cwd=repo)
    assert _paths(proc) == {"old.txt"}


def test_bad_ref_and_no_repository_are_one_line_errors(tmp_path):
    repo = _repo(tmp_path)
    bad = run_cli("scan", "--no-names", "--diff", "no-such-ref", cwd=repo)
    assert bad.returncode == 2 and "--diff no-such-ref" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    plain = tmp_path / "plain"
    plain.mkdir()
    outside = run_cli("scan", "--no-names", "--staged", cwd=plain)
    assert outside.returncode == 2 and outside.stderr.startswith("redactcheck: error: --staged")
