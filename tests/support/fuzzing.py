"""Strategies and properties shared by the fuzz tests and ``bench/robustness/fuzz.py``.

The properties are plain functions that raise ``AssertionError`` on a bug, so the same code runs
a bounded number of examples in CI (``REDACTCHECK_FUZZ_EXAMPLES``, default small) and for as
long as asked from ``bench/robustness/fuzz.py --minutes N``.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from functools import lru_cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from redactcheck.document import Placed, Segment
from redactcheck.extract import ExtractError, extract
from redactcheck.extract.text import decode
from redactcheck.limits import FileTimeout, Limits, file_scope
from redactcheck.locate import locate
from redactcheck.normalize import normalize


def examples(default: int) -> int:
    """How many examples a fuzz test runs: ``REDACTCHECK_FUZZ_EXAMPLES`` or ``default``."""
    return int(os.environ.get("REDACTCHECK_FUZZ_EXAMPLES", default))


def fuzz_settings(default: int) -> settings:
    return settings(
        max_examples=examples(default),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- text --------------------------------------------------------------------------------------

MARKING_FRAGMENTS = [
    "SECRET", "TOP SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "//", "NOFORN", "NF", "REL TO USA, GBR",
    "(S)", "(C)", "(TS//SI//NF)", "(U)", "(S//NF)", "SIPDIS", "Classified By:", "Derived From:",
    "Declassify On:", "DECL:", "20451231", "S E C R E T", "S-E-C-R-E-T", "5ECRET", "C0NFIDENTIAL",
    "ＳＥＣＲＥＴ", "SЕCRET", "ТОР", "SE\u200bCRET", "¶", "1.", "SUBJECT:", "ORCON", "FOUO", "CUI",
]  # fmt: skip
WHITESPACE = [" ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u3000", "\u2028", "\u200b", "\ufeff", "  "]

text_pieces = st.one_of(
    st.sampled_from(MARKING_FRAGMENTS),
    st.sampled_from(WHITESPACE),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="ascii"), max_size=12),
)
documents = st.lists(text_pieces, max_size=40).map("".join)


@lru_cache(maxsize=1)
def rule_detector():
    from redactcheck.detect.markings.rules import RuleDetector
    from redactcheck.ruleset.loader import load_rules

    return RuleDetector(load_rules())


def check_normalize(text: str) -> None:
    norm = normalize(text)
    assert len(norm.text) <= len(text)
    previous = -1
    for i, ch in enumerate(norm.text):
        o = norm.to_original(i)
        assert 0 <= o < len(text), (i, o)
        assert o > previous, "two normalised characters map to one original one"
        previous = o
        assert ch == text[o] or ch.isascii(), (ch, text[o])
    if norm.text:
        start, end = norm.span(0, len(norm.text))
        assert 0 <= start < end <= len(text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def check_rules_and_locate(text: str) -> None:
    segment = Segment(text)
    findings = rule_detector().detect(segment)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.text
    located = locate([Placed(segment, f) for f in findings], "fuzz.txt", b"k")
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    for f in located:
        line = sum(1 for s in starts if s <= f.start)
        assert f.line == line, (f.line, line)
        assert f.column == f.start - starts[line - 1] + 1
        assert f.end_line >= f.line
        if not _LINE_BREAK.search(f.text):
            assert f.text.replace("\t", " ") in f.context
        assert len(f.fingerprint) == 32


def check_decode_text(text: str) -> None:
    """A UTF-8 file decodes to exactly its text (one leading BOM aside)."""
    data = text.encode("utf-8")
    try:
        decoded, encoding = decode(data)
    except ExtractError:
        assert "\x00" in text[:8192], "refused a UTF-8 text without NUL"
        return
    if "\x00" not in text[:8192]:
        assert encoding is None
        assert decoded == (text[1:] if text.startswith("\ufeff") else text)


def check_decode_bytes(data: bytes) -> None:
    """Any bytes: a string or a clean ExtractError, nothing else."""
    try:
        decoded, _ = decode(data)
    except ExtractError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(decoded, str)


# --- documents ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def seed_files() -> dict[str, bytes]:
    """Valid PDF, DOCX and zip files made in code, to mutate."""
    from docx import Document as DocxDocument
    from reportlab.pdfgen import canvas

    pdf = io.BytesIO()
    page = canvas.Canvas(pdf)
    page.setAuthor("Ottilie Braskwater")
    page.drawString(72, 720, "SECRET//NOFORN")
    page.drawString(72, 700, "(S) Captain Eamon Drisk sails on Tuesday.")
    page.showPage()
    page.drawString(72, 720, "Page two: (C) harbour fees.")
    page.save()

    docx = io.BytesIO()
    doc = DocxDocument()
    doc.core_properties.author = "Ottilie Braskwater"
    doc.sections[0].header.paragraphs[0].text = "CONFIDENTIAL"
    doc.add_paragraph("(C) Captain Eamon Drisk sails on Tuesday.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Pilot"
    table.cell(0, 1).text = "Wenna Trask"
    doc.save(docx)

    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "word/document.xml", "<w:document>" + "<w:t>SECRET</w:t>" * 50 + "</w:document>"
        )
        zf.writestr("notes.txt", "Captain Eamon Drisk")
    return {
        "seed.pdf": pdf.getvalue(),
        "seed.docx": docx.getvalue(),
        "seed.zip": plain_zip.getvalue(),
    }


@st.composite
def mutated_files(draw) -> tuple[str, bytes]:
    """A seed file under its own or another extension, with flips, cuts, splices and inserts."""
    seeds = seed_files()
    name = draw(st.sampled_from(sorted(seeds)))
    data = bytearray(seeds[name])
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "splice", "zero"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[pos] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[pos:]
        elif kind == "insert":
            data[pos:pos] = draw(st.binary(max_size=64))
        elif kind == "splice":
            other = seeds[draw(st.sampled_from(sorted(seeds)))]
            at = draw(st.integers(0, len(other) - 1))
            data[pos:pos] = other[at : at + draw(st.integers(1, 512))]
        else:
            end = min(len(data), pos + draw(st.integers(1, 256)))
            data[pos:end] = bytes(end - pos)
    ext = draw(st.sampled_from([name.rsplit(".", 1)[1], "pdf", "docx", "txt", "bin"]))
    return f"fuzz.{ext}", bytes(data)


FUZZ_LIMITS = Limits(max_member_size=20 * 1024 * 1024, file_timeout=30)


def check_extract(name: str, data: bytes) -> None:
    """``extract`` returns a document or raises a one-line ExtractError; never anything else,
    never a hang (a time-out here is a bug, not an acceptable answer)."""
    with file_scope(FUZZ_LIMITS):
        try:
            document = extract(name, data)
        except FileTimeout as exc:
            raise AssertionError(f"extractor hung on {name} ({len(data)} bytes)") from exc
        except ExtractError as exc:
            message = str(exc)
            assert message and "\n" not in message
            assert "Traceback" not in message
            return
    for segment in document.segments:
        assert isinstance(segment.text, str)
