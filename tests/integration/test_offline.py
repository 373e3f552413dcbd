"""Offline guarantee: no code path opens a network connection at run time.

Two independent proofs: a full scan (names on) with every socket entry point patched to fail,
and a scan inside a network namespace with no network at all (``unshare -rn``), whose findings
must equal those of a normal run.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys

import pytest

from tests.support.cli import cli_env

MEMO = """\
CONFIDENTIAL//NOFORN

From: Perpetua Oyelaran-Baines <p.oyelaran@harbour-board.example.org>
To: Lucan Thistlewood <lucan.thistlewood@quay-registry.example.co.uk>

(C) Lucan, the berth survey for Wrenmouth is attached; call me on (202) 555-0173.
See https://www.harbour-board.example.org/surveys for the index.

Perpetua
"""


def _findings(report: dict) -> list[tuple]:
    return sorted(
        (f["path"], f["rule_id"], f["text"], f["line"], f["column"]) for f in report["findings"]
    )


@pytest.fixture
def no_network(monkeypatch):
    """Make every way of reaching the network raise, and record who tried."""
    attempts: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append(f"{name}{args[1:2]!r}")
            raise OSError(f"network access attempted during a scan: {name}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    return attempts


@pytest.mark.nlp
def test_full_scan_with_names_makes_no_connection(no_network, tmp_path):
    from redactcheck.config import Config
    from redactcheck.detect.pii import nlp
    from redactcheck.engine import Scanner

    nlp.offline_tld_extractor.cache_clear()  # build tldextract again, under the patch
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    config = Config(entities=["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "URL", "IP_ADDRESS"])
    report = Scanner(config).scan([tmp_path])
    assert not report.errors, report.errors
    found = {(f.rule_id, f.text) for f in report.findings}
    assert ("PII-EMAIL", "p.oyelaran@harbour-board.example.org") in found
    assert ("PII-EMAIL", "lucan.thistlewood@quay-registry.example.co.uk") in found
    assert any(rule == "PII-PERSON" for rule, _ in found)
    assert no_network == []


def _unshare_usable() -> str | None:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    try:
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"unshare failed to run: {exc}"
    if probe.returncode != 0:
        return (
            "user and network namespaces are not permitted here: "
            + probe.stderr.decode(errors="replace").strip()
        )
    return None


@pytest.mark.nlp
def test_scan_in_a_namespace_without_network_matches_a_normal_scan(tmp_path):
    reason = _unshare_usable()
    if reason:
        pytest.skip(f"offline namespace test skipped: {reason}")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "memo.txt").write_text(MEMO, encoding="utf-8")
    (folder / "cable.txt").write_text(
        "SECRET//NOFORN\nSUBJECT: (S) Visit of Minister Halvard Skeie\n1. (S) Details follow.\n",
        encoding="utf-8",
    )
    args = [sys.executable, "-m", "redactcheck", "scan", str(folder), "--format", "json"]
    env = cli_env()
    normal = subprocess.run(
        args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300
    )
    isolated = subprocess.run(
        ["unshare", "-rn", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert normal.returncode == 1, normal.stderr
    assert isolated.returncode == normal.returncode, isolated.stderr
    # the namespace really has no network
    check = subprocess.run(
        [
            "unshare",
            "-rn",
            sys.executable,
            "-c",
            "import socket; socket.create_connection(('1.1.1.1', 53), 2)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode != 0
    a, b = json.loads(normal.stdout), json.loads(isolated.stdout)
    assert _findings(a) == _findings(b)
    assert len(_findings(a)) >= 8
