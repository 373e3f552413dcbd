"""Fuzzing the extractor entry point ``redactcheck.extract.extract`` with mutated PDF, DOCX and
zip bytes (made in code), and the engine's guard around it.

Bounded in CI (``REDACTCHECK_FUZZ_EXAMPLES``, default 150); run longer with
``python bench/robustness/fuzz.py --minutes 30``.
"""

from __future__ import annotations

from hypothesis import given

from redactcheck.config import Config
from redactcheck.engine import Scanner
from tests.support.fuzzing import check_extract, fuzz_settings, mutated_files, seed_files

_SCANNER = None


def _scanner() -> Scanner:
    global _SCANNER
    if _SCANNER is None:
        _SCANNER = Scanner(Config(names=False, file_timeout=30))
    return _SCANNER


def test_seed_files_are_real_documents():
    seeds = seed_files()
    assert seeds["seed.pdf"].startswith(b"%PDF-")
    assert seeds["seed.docx"].startswith(b"PK\x03\x04")
    for name, data in seeds.items():
        check_extract(name, data)


@fuzz_settings(150)
@given(mutated_files())
def test_extract_returns_a_document_or_a_clean_error(file):
    name, data = file
    check_extract(name, data)


@fuzz_settings(60)
@given(mutated_files())
def test_the_engine_never_raises_on_mutated_documents(tmp_path_factory, file):
    name, data = file
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    result = _scanner().scan_file(path)
    for error in result.errors:
        assert error.message and "\n" not in error.message
        assert "internal error" not in error.message, (error.message, error.detail)
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1
