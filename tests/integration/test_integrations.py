"""The shipped pre-commit hook (run by the real pre-commit tool, offline) and the GitHub Action's
scan step (run as a script the way the runner runs it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.cli import REPO, cli_env

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def _init(repo: Path) -> None:
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "T")


@pytest.fixture
def shim(tmp_path) -> dict[str, str]:
    """An environment whose PATH has a ``redactcheck`` command running this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "redactcheck"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m redactcheck "$@"\n')
    script.chmod(0o755)
    env = cli_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return env


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed")
def test_pre_commit_hook_fails_on_a_marking_and_passes_once_baselined(tmp_path, shim):
    # the hook repository: this checkout's .pre-commit-hooks.yaml, cloned by pre-commit locally
    hooks = tmp_path / "hooks"
    _init(hooks)
    shutil.copy(REPO / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    _git(hooks, "add", ".")
    _git(hooks, "commit", "-qm", "hooks")
    rev = _git(hooks, "rev-parse", "HEAD")

    project = tmp_path / "project"
    _init(project)
    config = {
        "repos": [
            {
                "repo": str(hooks),
                "rev": rev,
                "hooks": [
                    {
                        "id": "redactcheck-system",
                        "args": ["--no-names", "--baseline", ".redactcheck-baseline.json"],
                    }
                ],
            }
        ]
    }
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    (project / "notes.txt").write_text("Meeting notes, nothing sensitive.\n")
    run = lambda *a: subprocess.run(  # noqa: E731
        a, cwd=project, env=shim, capture_output=True, text=True, timeout=300
    )
    assert run("redactcheck", "baseline", "create", "--no-names").returncode == 0
    _git(project, "add", ".")

    (project / "memo.txt").write_text("SECRET//NOFORN\n(S) The plan.\n")
    _git(project, "add", "memo.txt")
    failed = run(str(PRE_COMMIT), "run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "US-BANNER-CLASSIFIED" in failed.stdout and "memo.txt" in failed.stdout

    updated = run("redactcheck", "baseline", "update", "--no-names")
    assert updated.returncode == 0, updated.stderr
    _git(project, "add", ".")
    passed = run(str(PRE_COMMIT), "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_hook_definitions_are_well_formed():
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"redactcheck", "redactcheck-system"}
    for hook in hooks.values():
        assert hook["entry"].startswith("redactcheck scan")
        assert hook["pass_filenames"] is True and hook["require_serial"] is True
    assert hooks["redactcheck"]["language"] == "python"
    assert hooks["redactcheck-system"]["language"] == "system"


def _scan_step(action: dict) -> dict:
    return next(s for s in action["runs"]["steps"] if s.get("id") == "scan")


def _run_step(step: dict, inputs: dict[str, str], cwd: Path, env: dict[str, str]):
    """Run a composite step's script as the runner would: inputs through its env mapping."""
    output = cwd / "github_output"
    output.write_text("")
    step_env = dict(env, GITHUB_OUTPUT=str(output))
    for name, value in step["env"].items():
        key = value.removeprefix("${{ inputs.").removesuffix(" }}")
        step_env[name] = inputs[key]
    proc = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=cwd, env=step_env, capture_output=True, text=True
    )
    return proc, dict(line.split("=", 1) for line in output.read_text().splitlines())


def test_action_scans_writes_sarif_and_reports_the_exit_code(tmp_path, shim):
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    inputs["args"] = "--no-names"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "memo.txt").write_text("SECRET//NOFORN\n(S) The plan.\n")
    (tmp_path / "clean.txt").write_text("Nothing to see.\n")

    proc, out = _run_step(_scan_step(action), inputs, tmp_path, shim)
    assert proc.returncode == 0, proc.stderr  # the step itself succeeds so SARIF gets uploaded
    assert out["exit-code"] == "1"
    sarif = json.loads((tmp_path / "redactcheck.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"US-BANNER-CLASSIFIED", "US-PORTION-MARK"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/memo.txt"
               for r in results)  # fmt: skip
    assert "NOFORN" not in json.dumps(results)  # CI output is redacted

    inputs["paths"] = "clean.txt"
    proc, out = _run_step(_scan_step(action), inputs, tmp_path, shim)
    assert out["exit-code"] == "0", proc.stderr
