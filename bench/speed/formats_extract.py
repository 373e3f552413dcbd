"""Extraction speed per format: builds documents in memory and times the extractors alone
(no detectors), in CPU time (the machine may be shared), so changes can be compared run to run.

    python bench/speed/formats_extract.py [pages]
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from redactcheck.extract import extract  # noqa: E402
from tests.support import formats_build as build  # noqa: E402

LINE = "The committee reviewed the travel budget and agreed on the schedule for next year."


def pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    for page in range(pages):
        c.setFillColorRGB(0.9, 0.9, 0.9)
        for cell in range(40):  # table-cell fills drawn first: many candidate boxes
            c.rect(50 + (cell % 8) * 60, 100 + (cell // 8) * 20, 58, 18, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 10)
        for row in range(50):
            c.drawString(50, 780 - row * 14, f"{page}.{row} {LINE}")
        c.rect(200, 500, 120, 14, fill=1, stroke=0)  # one box per page, over text
        c.showPage()
    c.save()
    return buffer.getvalue()


def docx(paragraphs: int) -> bytes:
    import docx as python_docx

    d = python_docx.Document()
    for i in range(paragraphs):
        d.add_paragraph(f"{i} {LINE}")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    cases = {
        f"pdf, {pages} pages x 50 lines": ("bench.pdf", pdf(pages)),
        f"docx, {pages * 50} paragraphs": ("bench.docx", docx(pages * 50)),
        "html page": ("bench.html", build.html_page() * 200),
        "eml with docx attachment": (
            "bench.eml",
            build.email_with_attachment(
                build.docx_review_copy(),
                "r.docx",
                "vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        ),
    }
    for label, (name, data) in cases.items():
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            document = extract(name, data)
            best = min(best, time.process_time() - start)
        chars = sum(len(s.text) for s in document.segments)
        print(f"{label:32} {len(data) / 1024:8.0f} KiB {chars:9d} chars {best * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
