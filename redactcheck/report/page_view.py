"""PDF pages in the HTML report: each page with findings as a small image, the findings'
boxes drawn on it where the words are, so a reviewer of a scan sees what was read where.

The PDF is opened again (read only) when the report is written; pages are rendered in memory
as JPEG thumbnails and embedded as ``data:`` URLs, so the report stays one file that loads
nothing. Size is bounded: ``MAX_PAGES`` page images per document at ``RESOLUTION`` dpi.
Under ``--redact`` no page image is embedded (it would show the very text that is masked):
the page is an empty outline with the boxes filled.
"""

from __future__ import annotations

import base64
import ctypes
import io
import os
from html import escape

from redactcheck.finding import Finding

RESOLUTION = 60  # dpi of the thumbnails: a letter page is about 510 x 660 pixels
QUALITY = 60  # JPEG quality; a text page is 40-80 kB
MAX_PAGES = 40  # page images per document; the rest are listed by number
MAX_FILE_BYTES = 500 * 1024 * 1024


def page_views(path: str, findings: list[Finding], masked: bool, anchors: dict[int, str]) -> str:
    """HTML figures for the pages of ``path`` that hold findings with a box; "" when the file
    is not a PDF that can be read again."""
    boxed = [f for f in findings if f.bbox is not None and f.page is not None]
    if not boxed or not path.lower().endswith(".pdf") or not os.path.isfile(path):
        return ""
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return ""
        # imported here: only an HTML report with PDF pages draws them (40 ms to import)
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(path)
    except Exception:  # noqa: BLE001 - the report is written whatever the file holds now
        return ""
    by_page: dict[int, list[Finding]] = {}
    for f in boxed:
        if f.page is not None:
            by_page.setdefault(f.page, []).append(f)
    out = []
    try:
        for number in sorted(by_page)[:MAX_PAGES]:
            if number > len(pdf):
                continue
            try:
                out.append(_figure(pdf[number - 1], number, by_page[number], masked, anchors))
            except Exception:  # noqa: BLE001 - one page that cannot be drawn is left out
                continue
    finally:
        pdf.close()
    rest = sorted(by_page)[MAX_PAGES:]
    if rest:
        out.append(
            f'<p class="meta">{len(rest)} more page(s) with findings are not drawn '
            f"(pages {escape(', '.join(map(str, rest[:20])))}{' …' if len(rest) > 20 else ''}).</p>"
        )
    return f'<div class="pages">{"".join(out)}</div>' if out else ""


def _figure(page, number: int, findings: list[Finding], masked: bool, anchors) -> str:
    # imported here: as above, only for PDF pages in an HTML report
    import pypdfium2.raw as raw

    scale = RESOLUTION / 72
    width, height = page.get_size()
    if page.get_rotation() in (90, 270):
        width, height = height, width
    w_px, h_px = max(1, round(width * scale)), max(1, round(height * scale))
    image = ""
    if not masked:
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            pil = bitmap.to_pil()
            w_px, h_px = bitmap.width, bitmap.height
        finally:
            bitmap.close()
        buffer = io.BytesIO()
        pil.save(buffer, format="JPEG", quality=QUALITY, optimize=True)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        image = f'<image href="data:image/jpeg;base64,{data}" width="{w_px}" height="{h_px}"/>'
    rects = []
    dx, dy = ctypes.c_int(), ctypes.c_int()
    for f in sorted(findings, key=lambda f: -_area(f.bbox)):
        if f.bbox is None:
            continue
        corners = []
        for x, y in ((f.bbox[0], f.bbox[1]), (f.bbox[2], f.bbox[3])):
            raw.FPDF_PageToDevice(
                page, 0, 0, w_px, h_px, 0, x, y, ctypes.byref(dx), ctypes.byref(dy)
            )
            corners.append((dx.value, dy.value))
        x0, x1 = sorted((corners[0][0], corners[1][0]))
        y0, y1 = sorted((corners[0][1], corners[1][1]))
        pad = 2
        title = escape(f"{f.rule_id} ({f.severity})")
        fill = " filled" if masked else ""
        rects.append(
            f'<a href="#{anchors.get(id(f), "")}"><rect class="box sev-{f.severity}{fill}" '
            f'x="{x0 - pad}" y="{y0 - pad}" width="{x1 - x0 + 2 * pad}" '
            f'height="{y1 - y0 + 2 * pad}"><title>{title}</title></rect></a>'
        )
    outline = f'<rect class="page" x="0" y="0" width="{w_px}" height="{h_px}"/>'
    return (
        f'<figure class="page" id="page-{number}"><figcaption>page {number}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w_px} {h_px}" '
        f'width="{w_px}" height="{h_px}">{outline}{image}{"".join(rects)}</svg></figure>'
    )


def _area(bbox) -> float:
    return (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])


CSS = """
.pages { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0 1rem; }
figure.page { margin: 0; }
figure.page figcaption { font-size: .85rem; color: #555; }
figure.page svg { border: 1px solid #bbb; max-width: 100%; height: auto; background: #fff; }
svg rect.page { fill: #fff; }
svg rect.box { fill: none; stroke-width: 2.5; }
svg rect.box.sev-high { stroke: #d32f2f; } svg rect.box.sev-medium { stroke: #f9a825; }
svg rect.box.sev-low { stroke: #0288d1; } svg rect.box.sev-info { stroke: #757575; }
svg rect.box.filled { fill: #222; stroke: #222; }
"""
