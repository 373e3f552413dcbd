"""Shared pytest fixtures: one loaded scanner per session (the spaCy model is slow to
load) and a helper to write fixture files. Builders and the CLI runner are plain modules in
tests/support/ (bench/ imports them too)."""

from __future__ import annotations

from pathlib import Path

import pytest


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
