"""Hand-built PDFs for the hostile-release tests: a stream that inflates far past its size, a
page of very many tiny text runs, a page past the page limit. Made in code, nothing stored."""

from __future__ import annotations

import zlib

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_with_streams(pages: list[bytes], *, compress: bool = True) -> bytes:
    """A valid PDF with one page per content stream in ``pages`` (raw content operators)."""
    objects: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n)).encode()
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(n).encode() + b" >>")
    font_ref = 3 + 2 * n
    for i, content in enumerate(pages):
        contents_ref = 4 + 2 * i
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
            + f"{contents_ref} 0 R".encode()
            + b" /Resources << /Font << /F1 "
            + f"{font_ref} 0 R".encode()
            + b" >> >> >>"
        )
        body = zlib.compress(content, 9) if compress else content
        flt = b" /Filter /FlateDecode" if compress else b""
        objects.append(
            b"<< /Length "
            + str(len(body)).encode()
            + flt
            + b" >>\nstream\n"
            + body
            + b"\nendstream"
        )
    objects.append(_FONT)
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def text_page(*lines: str) -> bytes:
    ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def inflating_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (spaces: zlib packs
    about 1,000 to 1), a decompression bomb of the kind that took 3 GB in issue 15."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [compressor.compress(text_page("Harbour ledger, page one"))]
    left = inflated
    while left > 0:
        piece = chunk[: min(len(chunk), left)]
        parts.append(compressor.compress(piece))
        left -= len(piece)
    parts.append(compressor.flush())
    body = b"".join(parts)
    pdf = pdf_with_streams([b"PLACEHOLDER"], compress=False)
    stream = b"<< /Length " + str(len(body)).encode() + b" /Filter /FlateDecode >>\nstream\n"
    head, _, tail = pdf.partition(b"<< /Length 11 >>\nstream\nPLACEHOLDER")
    # offsets in the xref are now off: pdfium rebuilds the table, which is what readers do
    return head + stream + body + tail


def many_text_runs_pdf(runs: int) -> bytes:
    """One page of ``runs`` one-letter text runs (each a pdfium object), a small file."""
    content = b"BT /F1 1 Tf\n" + b"(a) Tj\n" * runs + b"ET"
    return pdf_with_streams([content])
