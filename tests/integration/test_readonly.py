"""Read-only guarantee: a scan never writes into the scanned tree.

The tree is a git work tree holding text, a Python module (an import would leave a
``__pycache__``), hostile files and a ``.gitignore``. Every entry's checksum, size, mode and
modification time, and the list of entries itself, must be the same after scans in every
output format, run from inside the tree (where a careless tool would drop its caches).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.cli import cli_env, run_cli
from tests.support.hostile import MEMO, minimal_pdf


def snapshot(root: Path) -> dict[str, tuple]:
    """path -> (kind, size, mtime_ns, mode, sha256 or link target) for every entry."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            full = Path(dirpath) / name
            st = full.lstat()
            rel = full.relative_to(root).as_posix()
            if full.is_symlink():
                out[rel] = ("link", os.readlink(full), st.st_mtime_ns)
            elif full.is_dir():
                out[rel] = ("dir", st.st_mode, st.st_mtime_ns)
            else:
                digest = hashlib.sha256(full.read_bytes()).hexdigest()
                out[rel] = ("file", st.st_size, st.st_mtime_ns, st.st_mode, digest)
    st = root.stat()
    out["."] = ("dir", st.st_mode, st.st_mtime_ns)
    return out


@pytest.fixture
def tree(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "release"
    root.mkdir()
    (root / "memo.txt").write_text(MEMO, encoding="utf-8")
    (root / "notes.md").write_text("# Notes\n\n(S) The tide tables are wrong.\n")
    (root / "helper.py").write_text("SECRET = 'harbour'\n")
    (root / "cp1252.txt").write_bytes("Müller: CONFIDENTIAL\n".encode("cp1252"))
    (root / "zeros.txt").write_bytes(b"\0" * 64)
    (root / "report.pdf").write_bytes(minimal_pdf())
    (root / "broken.docx").write_text("not a zip\n")
    (root / "ignored.log").write_text("SECRET//NOFORN\n")
    (root / ".gitignore").write_text("*.log\n")
    (root / "sub").mkdir()
    (root / "sub" / "cable.txt").write_text("SECRET//NOFORN\n(S) Deep text.\n")
    os.symlink("memo.txt", root / "link-to-memo.txt")
    env = cli_env(
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )  # fmt: skip
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "init"]):
        subprocess.run(cmd, cwd=root, env=env, check=True, capture_output=True)
    return root


@pytest.mark.nlp
def test_scanning_changes_nothing_in_the_tree(tree, tmp_path):
    before = snapshot(tree)
    env = cli_env(PYTHONDONTWRITEBYTECODE="")  # let Python write bytecode where it normally would
    env.pop("PYTHONDONTWRITEBYTECODE")
    outputs = tmp_path / "out"
    outputs.mkdir()
    runs = [
        ("scan", "."),
        ("scan", ".", "--format", "json", "--verbose"),
        ("scan", ".", "--format", "sarif", "--no-names", "--follow-symlinks"),
        ("scan", ".", "--format", "csv", "--redact", "-o", str(outputs / "r.csv")),
        ("scan", ".", "--format", "jsonl", "--no-gitignore", "--no-names"),
        ("scan", "memo.txt", "sub/cable.txt", "--format", "json", "--debug"),
    ]
    for args in runs:
        proc = run_cli(*args, cwd=tree, env=env)
        assert proc.returncode in (1, 2), (args, proc.stderr)
        assert "Traceback" not in proc.stdout
    after = snapshot(tree)
    assert sorted(after) == sorted(before), set(after) ^ set(before)
    assert after == before
    assert not any("__pycache__" in p or ".redactcheck" in p for p in after)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=tree, capture_output=True, text=True
    )
    assert status.stdout.strip() == "!! ignored.log"
