"""Builds the "hostile release folder" of issue 8 in a temporary directory.

Used by ``tests/integration/test_hostile_folder.py`` and ``bench/robustness/hostile_scan.py``.
Everything is made in code at run time (nothing binary is committed); the memo is synthetic, its
names made up.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

MEMO = """\
SECRET//NOFORN

MEMORANDUM FOR THE HARBOUR LIAISON BOARD

FROM: Odalys Fenwright, Assistant Registrar

SUBJECT: (U) Berth allocations for the autumn convoy

1. (S) Captain Ilse Marrowby will bring the convoy into Quarry Sound on 9 October.
Her crew list is not to leave the registry.

2. (C) The pilot roster is held by Teodor Vasquill; contact him on (202) 555-0199.

Classified By: Odalys Fenwright, Assistant Registrar
Declassify On: 20511231

SECRET//NOFORN
"""

#: What the memo must yield whatever else is in the folder: (rule id, matched text).
MEMO_MARKINGS = {("US-BANNER-SECRET", "SECRET//NOFORN")}

DEEP_LEVELS = 40
DEEP_TEXT = "Routine note.\n(C) Mooring fees rise in spring.\n"

BOMB_MEMBER_SIZE = 400 * 1024 * 1024
LONG_LINE_SIZE = 20 * 1024 * 1024


def minimal_pdf(text: str = "Quarterly harbour report") -> bytes:
    """A small valid PDF made with reportlab."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def encrypted_pdf(text: str = "Quarterly harbour report") -> bytes:
    """A PDF that needs a password to open."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("open-sesame", canPrint=0)
    page = canvas.Canvas(buffer, encrypt=enc)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def write_docx_bomb(path: Path, member_size: int = BOMB_MEMBER_SIZE) -> None:
    """A DOCX-shaped zip whose ``word/document.xml`` inflates to ``member_size`` bytes."""
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"/>',
        )
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            written = 0
            while written < member_size:
                piece = chunk[: min(len(chunk), member_size - written)]
                member.write(piece)
                written += len(piece)


def write_long_line(path: Path, size: int = LONG_LINE_SIZE) -> None:
    """``size`` bytes of words with no newline at all."""
    unit = b"harbour ledger entry without any line break "
    with path.open("wb") as fh:
        written = 0
        while written < size:
            piece = unit * 20_000
            piece = piece[: size - written]
            fh.write(piece)
            written += len(piece)


def build(
    root: Path, *, bomb_size: int = BOMB_MEMBER_SIZE, long_line: int = LONG_LINE_SIZE
) -> dict:
    """Create the folder; return what a scan must report about it.

    ``errors`` maps each broken file (relative path) to a word its one-line reason must hold;
    ``skipped`` lists files that are not documents (listed with ``--verbose``, not errors);
    ``clean`` lists files that scan without error.
    """
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(8)
    (root / "memo.txt").write_text(MEMO, encoding="utf-8")
    # text in a legacy encoding: decoded by detection, so it is scanned, not an error
    (root / "legacy-cp1252.txt").write_bytes(
        "Président Müller signed the SECRET annex.\n".encode("cp1252")
    )
    # invalid UTF-8 that no encoding explains
    (root / "garbled.txt").write_bytes(bytes(range(128, 256)) * 8)
    (root / "random.bin").write_bytes(rng.randbytes(64 * 1024))
    (root / "empty.txt").write_bytes(b"")
    (root / "zeros.txt").write_bytes(b"\x00" * 4096)
    pdf = minimal_pdf()
    (root / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (root / "encrypted.pdf").write_bytes(encrypted_pdf())
    (root / "not-a-zip.docx").write_text("This was saved as plain text, not as a Word file.\n")
    write_docx_bomb(root / "bomb.docx", bomb_size)
    write_long_line(root / "one-line.txt", long_line)
    os.symlink("loop-b", root / "loop-a")
    os.symlink("loop-a", root / "loop-b")
    os.symlink("..", root / "up")
    deep = root
    for level in range(DEEP_LEVELS):
        deep = deep / f"level{level:02d}"
    deep.mkdir(parents=True)
    (deep / "deep-note.txt").write_text(DEEP_TEXT, encoding="utf-8")
    deep_rel = deep.relative_to(root).as_posix() + "/deep-note.txt"
    return {
        "errors": {
            "garbled.txt": "undecodable",
            "zeros.txt": "NUL",
            "truncated.pdf": "PDF",
            "encrypted.pdf": "PDF",
            "not-a-zip.docx": "not a valid DOCX",
            "bomb.docx": "limit",
            "one-line.txt": "longer than",
            "loop-a": "loop",
            "loop-b": "loop",
        },
        "skipped": ["random.bin", "up"],
        "clean": ["memo.txt", "legacy-cp1252.txt", "empty.txt", deep_rel],
        "deep": deep_rel,
    }
