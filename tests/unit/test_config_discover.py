"""Configuration files and file discovery."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from redactcheck.config import ConfigError, load_config
from redactcheck.discover import walk
from tests.support.cli import run_cli


def test_pyproject_table_is_found_walking_up(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.redactcheck]\nfail_on = "high"\nallow = ["Tobias Renwick"]\nexclude = ["drafts/*"]\n'
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    config = load_config()
    assert config.fail_on == "high"
    assert config.allow == ["Tobias Renwick"]
    assert config.source == str(tmp_path / "pyproject.toml")


def test_dotfile_wins_over_a_farther_pyproject(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.redactcheck]\nfail_on = "high"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / ".redactcheck.toml").write_text('fail_on = "medium"\n')
    monkeypatch.chdir(inner)
    assert load_config().fail_on == "medium"


def test_unknown_keys_and_bad_values_are_errors(tmp_path):
    bad = tmp_path / ".redactcheck.toml"
    bad.write_text('fail_onn = "high"\n')
    with pytest.raises(ConfigError, match="fail_onn"):
        load_config(bad)
    bad.write_text('fail_on = "severe"\n')
    with pytest.raises(ConfigError, match="fail_on"):
        load_config(bad)


def test_allowed_terms_and_disabled_rules_from_config(tmp_path):
    doc = tmp_path / "memo.txt"
    doc.write_text("SECRET\n\n(S) Minister Okafor met Tobias Renwick.\n")
    (tmp_path / ".redactcheck.toml").write_text(
        'allow = ["Tobias Renwick"]\ndisable = ["US-PORTION-MARK"]\n'
    )
    proc = run_cli("scan", "memo.txt", "--format", "json", cwd=tmp_path)
    found = json.loads(proc.stdout)["findings"]
    texts = {f["text"] for f in found}
    assert "Tobias Renwick" not in texts
    assert "(S)" not in texts
    assert "SECRET" in texts


def test_cli_flags_override_config(tmp_path):
    doc = tmp_path / "notice.txt"
    doc.write_text("UNCLASSIFIED\n")
    (tmp_path / ".redactcheck.toml").write_text('fail_on = "high"\nnames = false\n')
    assert run_cli("scan", "notice.txt", cwd=tmp_path).returncode == 0
    assert run_cli("scan", "notice.txt", "--fail-on", "low", cwd=tmp_path).returncode == 1


def _tree(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a")
    (tmp_path / "docs" / "b.md").write_text("b")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out.txt").write_text("c")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("d")
    return tmp_path


def _names(paths, root):
    return sorted(p.relative_to(root).as_posix() for p in paths)


def test_walk_skips_git_and_honours_globs(tmp_path):
    root = _tree(tmp_path)
    assert _names(walk([root], respect_gitignore=False), root) == [
        "build/out.txt",
        "docs/a.txt",
        "docs/b.md",
    ]
    assert _names(walk([root], include=["*.md"], respect_gitignore=False), root) == ["docs/b.md"]
    assert _names(walk([root], exclude=["build"], respect_gitignore=False), root) == [
        "docs/a.txt",
        "docs/b.md",
    ]


def test_walk_honours_gitignore_in_a_work_tree(tmp_path):
    root = tmp_path
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("build/\n")
    (root / "build").mkdir()
    (root / "build" / "out.txt").write_text("x")
    (root / "keep.txt").write_text("y")
    assert _names(walk([root]), root) == [".gitignore", "keep.txt"]
    assert "build/out.txt" in _names(walk([root], respect_gitignore=False), root)


def test_symlinks_are_not_followed_by_default(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f.txt").write_text("x")
    os.symlink(tmp_path / "real", tmp_path / "link")
    os.symlink(tmp_path, tmp_path / "real" / "loop")
    assert _names(walk([tmp_path], respect_gitignore=False), tmp_path) == ["real/f.txt"]
    followed = _names(walk([tmp_path], follow_symlinks=True, respect_gitignore=False), tmp_path)
    # each physical folder is walked once, so the loop ends and f.txt is reported once
    assert [n for n in followed if n.endswith("f.txt")] in (["link/f.txt"], ["real/f.txt"])


def test_the_baseline_file_is_left_out_without_changing_the_callers_config(tmp_path):
    """``never_scanned`` returns a copy; the configuration a session was built from stays as
    the user gave it (issue 14: configuration frozen in use)."""
    from redactcheck.config import Config
    from redactcheck.targets import never_scanned, select_targets

    (tmp_path / "memo.txt").write_text("x")
    (tmp_path / ".redactcheck-baseline.json").write_text("{}")
    config = Config(exclude=["*.log"])
    never = [tmp_path / ".redactcheck-baseline.json"]
    walked = never_scanned(config, never)
    assert config.exclude == ["*.log"]
    assert walked.exclude == ["*.log", ".redactcheck-baseline.json"]
    assert [p.name for p in walk([tmp_path], exclude=walked.exclude)] == ["memo.txt"]
    assert select_targets([tmp_path / "memo.txt", never[0]], config, never=never) == [
        tmp_path / "memo.txt"
    ]
