"""Shared fixtures: one loaded scanner per session (the spaCy model is slow to load), a CLI
runner that calls the real entry point in a subprocess, and helpers to write fixture files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "REDACTCHECK_FINGERPRINT_KEY")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: int = 300
):
    """Run ``python -m redactcheck ARGS`` as a user would; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "redactcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env or cli_env(),
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def scanner():
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    return Scanner(Config())


@pytest.fixture(scope="session")
def rules_scanner():
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    return Scanner(Config(names=False))


@pytest.fixture
def write(tmp_path):
    """write("name.txt", "text") -> Path in a fresh temporary folder."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return _write
