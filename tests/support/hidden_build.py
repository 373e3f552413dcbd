"""Build the PDFs of the hidden-content precision tests in code (reportlab, pypdfium2).

Each builder reproduces one kind of page that real releases hold and that the checks once
misjudged: rotated small print, OCR layers over a logo, buttons with rounded corners, boxes
over a few letters each, redaction tools' labels, annotations with appearance streams. Every
name and sentence is made up.
"""

from __future__ import annotations

import io

FONT = "Helvetica"


def _canvas(buffer: io.BytesIO):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(buffer, invariant=1)
    c.setTitle("Test page")
    c.setFont(FONT, 12)
    return c


def _done(c, buffer: io.BytesIO) -> bytes:
    c.showPage()
    c.save()
    return buffer.getvalue()


def _set_rotation(data: bytes, rotate: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    pdf[0].set_rotation(rotate)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def rotated_small_print(*, size: float = 5.0, page_rotate: int = 0) -> bytes:
    """A vertical sidebar in small (but readable) type, and a rotated table line."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Body text of an ordinary filing.")
    c.saveState()
    c.translate(30, 200)
    c.rotate(90)
    c.setFont(FONT, size)
    c.drawString(0, 0, "Printed on recycled paper by Lilliput Office Supply, 1 Mill Lane")
    c.restoreState()
    c.saveState()
    c.translate(400, 300)
    c.rotate(270)
    c.setFont(FONT, size)
    c.drawString(0, 0, "Exhibit list: item iii, illustration li, filed Jul 1")
    c.restoreState()
    return _done(c, buffer) if not page_rotate else _set_rotation(_done(c, buffer), page_rotate)


def tiny_rotated_print() -> bytes:
    """Half-point text, rotated: unreadable in any direction."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Body text of an ordinary filing.")
    c.saveState()
    c.translate(300, 300)
    c.rotate(90)
    c.setFont(FONT, 0.5)
    c.drawString(0, 0, "Tiny sideways note about Gerald Pinewood.")
    c.restoreState()
    return _done(c, buffer)


def _logo_image():
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 80), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, 236, 76), outline="black", width=4)
    draw.text((20, 30), "NORTHWIND LAW", fill="black")
    return image


def ocr_layer_over_logo() -> bytes:
    """A letterhead logo (a small image) with an OCR program's invisible text over it."""
    from reportlab.lib.utils import ImageReader

    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawImage(ImageReader(_logo_image()), 72, 700, width=180, height=60)
    text = c.beginText(90, 722)
    text.setTextRenderMode(3)
    text.setFont(FONT, 14)
    text.textLine("NORTHWIND LAW")
    text.setTextRenderMode(0)  # Tr outlives the text object
    c.drawText(text)
    c.drawString(72, 600, "Letter body, printed normally.")
    return _done(c, buffer)


def invisible_copy_of_visible_text() -> bytes:
    """A searchable copy of the visible lines, a few letters set off their visible twins."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    lines = [f"{n:>2}  Line {n} of the transcript, spoken by the witness." for n in range(1, 21)]
    for n, line in enumerate(lines):
        c.drawString(72, 720 - 24 * n, line)
    text = c.beginText(72, 720)
    text.setTextRenderMode(3)
    text.setLeading(24)
    for n, line in enumerate(lines):
        if n % 7 == 3:  # the OCR engine set this line a little off
            text.setTextOrigin(75, 727 - 24 * n)
        else:
            text.setTextOrigin(72, 720 - 24 * n)
        text.textOut(line)
    text.setTextRenderMode(0)
    c.drawText(text)
    return _done(c, buffer)


def white_label_on_rounded_button() -> bytes:
    """White 'Share' on a dark button with rounded corners (a web page saved as PDF)."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Article text saved from a web page.")
    c.setFillColorRGB(0.1, 0.3, 0.6)
    c.roundRect(72, 640, 90, 28, 8, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(96, 650, "Share")
    return _done(c, buffer)


def box_over_a_column() -> bytes:
    """Two columns; one tall box over the right column's two lines. In reading order the
    covered words are separated by the visible left column of the second line."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    rows = [("Witness statement, first line", "Oscar Lindqvist"), ("Visible left words", "Mirela")]
    for n, (left, right) in enumerate(rows):
        c.drawString(72, 700 - 20 * n, left)
        c.drawString(320, 700 - 20 * n, right)
    c.setFillColorRGB(0, 0, 0)
    c.rect(316, 674, 110, 42, fill=1, stroke=0)
    return _done(c, buffer)


def label_fitted_in_each_box() -> bytes:
    """A redaction tool's way: each box, then the date of the redaction written into it in
    black, scaled to fill the box; nothing was under the boxes."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 720, "Statement of account, see the figures below.")
    label = "05/14/2021"
    for n, (x, y, w, h) in enumerate([(72, 650, 60, 14), (200, 650, 110, 14), (72, 600, 40, 12)]):
        c.setFillColorRGB(0, 0, 0)
        c.rect(x, y, w, h, fill=1, stroke=0)
        size = 12 * (w - 2) / stringWidth(label, FONT, 12)
        c.setFont(FONT, size)
        c.drawString(x + 1, y + 2, label)
        c.setFont(FONT, 12)
        c.drawString(72, 560 - 20 * n, f"Visible line {n + 1}.")
    return _done(c, buffer)


def same_colour_text_over_box(*, invisible: bool = False) -> bytes:
    """A black box, then black text drawn over it: unreadable, a failed redaction. With
    ``invisible`` the text is render mode 3 (an OCR layer over the box)."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 720, "The account belongs to")
    c.setFillColorRGB(0, 0, 0)
    c.rect(70, 690, 120, 18, fill=1, stroke=0)
    text = c.beginText(72, 695)
    if invisible:
        text.setTextRenderMode(3)
    text.textOut("Theodora Quist")
    text.setTextRenderMode(0)
    c.drawText(text)
    return _done(c, buffer)


def _memo_line(c, name: str) -> tuple[float, float, float]:
    """Draw 'Memo about the meeting with NAME on Tuesday.'; return NAME's left, right, base."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    before = "Memo about the meeting with "
    c.drawString(72, 700, before + name + " on Tuesday.")
    left = 72 + stringWidth(before, FONT, 12)
    return left, left + stringWidth(name, FONT, 12), 700.0


def cross_hatched_box(name: str = "Ingrid Vasquez") -> bytes:
    """An opaque white box over the name, cross-hatched in black: nothing of the name shows."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    left, right, base = _memo_line(c, name)
    c.setFillColorRGB(1, 1, 1)
    c.setStrokeColorRGB(0, 0, 0)
    c.rect(left - 2, base - 5, right - left + 4, 20, fill=1, stroke=1)
    c.setLineWidth(0.8)
    x = left - 20
    while x < right + 4:
        c.line(max(x, left - 2), base - 5 + max(0, left - 2 - x), min(x + 20, right + 2), base + 15)
        x += 5
    return _done(c, buffer)


def box_with_faint_outlines(name: str = "Ingrid Vasquez") -> bytes:
    """A near-black box over the name, and the name's outlines stroked faintly over it (as
    some printer drivers leave them): the words cannot be read, but can be copied."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    left, right, base = _memo_line(c, name)
    c.setFillColorRGB(35 / 255, 31 / 255, 32 / 255)
    c.rect(left - 1, base - 4, right - left + 2, 18, fill=1, stroke=0)
    c.setStrokeColorRGB(50 / 255, 47 / 255, 47 / 255)
    c.setLineWidth(0.1)
    text = c.beginText(left, base)
    text.setTextRenderMode(1)
    text.textOut(name)
    text.setTextRenderMode(0)
    c.drawText(text)
    return _done(c, buffer)


def thick_line_over(name: str = "Ingrid Vasquez") -> bytes:
    """A black marker line, 16 pt thick, drawn over the name."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    left, right, base = _memo_line(c, name)
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(16)
    c.line(left - 1, base + 4, right + 1, base + 4)
    return _done(c, buffer)


def annotation_with_appearance(kind: str, name: str = "Ingrid Vasquez") -> bytes:
    """An annotation over the name whose look is its appearance stream, as viewers save them:
    ``square`` (black fill), ``highlight`` (black, corners rounded off so the rectangle's
    corners stay white), ``ink`` (a 16 pt black stroke)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    buffer = io.BytesIO()
    c = _canvas(buffer)
    left, right, base = _memo_line(c, name)
    data = _done(c, buffer)
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    subtype = {
        "square": raw.FPDF_ANNOT_SQUARE,
        "highlight": raw.FPDF_ANNOT_HIGHLIGHT,
        "ink": raw.FPDF_ANNOT_INK,
    }[kind]
    annot = raw.FPDFPage_CreateAnnot(page, subtype)
    x0, y0, x1, y1 = left - 3, base - 6, right + 3, base + 14
    raw.FPDFAnnot_SetRect(annot, raw.FS_RECTF(x0, y1, x1, y0))
    if kind == "highlight":
        quad = raw.FS_QUADPOINTSF(x0, y1, x1, y1, x0, y0, x1, y0)
        raw.FPDFAnnot_AppendAttachmentPoints(annot, quad)
    r = 6  # rounded ends of a highlighter stroke
    stream = {
        "square": f"0 0 0 rg {x0} {y0} {x1 - x0} {y1 - y0} re f",
        "ink": f"16 w 0 0 0 RG {x0} {base + 4} m {x1} {base + 4} l S",
    }.get(
        kind,
        f"0 0 0 rg {x0 + r} {y0} m {x1 - r} {y0} l {x1} {y0} {x1} {y1} {x1 - r} {y1} c "
        f"{x0 + r} {y1} l {x0} {y1} {x0} {y0} {x0 + r} {y0} c f",
    )
    value = (stream + "\0").encode("utf-16-le")
    buf = ctypes.create_string_buffer(value)
    raw.FPDFAnnot_SetAP(
        annot,
        raw.FPDF_ANNOT_APPEARANCEMODE_NORMAL,
        ctypes.cast(buf, raw.FPDF_WIDESTRING),
    )
    raw.FPDFPage_CloseAnnot(annot)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def glyph_number_font(words: str, *, box: bool = False) -> bytes:
    """``words`` set in a font without a Unicode map whose codes are glyph numbers in
    TrueType's standard Macintosh order (code = character - 29, space = 3), as subsetting
    writers leave them; a Type 3 font stands in for the TrueType subset. With ``box`` a black
    box is drawn over the words afterwards."""
    codes = bytes(ord(ch) - 29 for ch in words)
    used = sorted(set(codes))
    differences = " ".join(f"{c} /g{c}" for c in used)
    procs = " ".join(f"/g{c} 9 0 R" for c in used)
    widths = " ".join("500" for _ in range(used[0], used[-1] + 1))
    content = f"BT /F1 12 Tf 72 700 Td <{codes.hex()}> Tj ET".encode()
    if box:
        content += b" 0 0 0 rg 70 696 %d 16 re f" % (6 * len(words) + 4)
    glyph = b"500 0 0 0 450 650 d1 0 0 450 650 re f"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        5: (
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] "
            f"/FontMatrix [0.001 0 0 0.001 0 0] /FirstChar {used[0]} /LastChar {used[-1]} "
            f"/Widths [{widths}] /Encoding << /Type /Encoding /Differences [{differences}] >> "
            f"/CharProcs << {procs} >> >>"
        ).encode(),
        6: b"<< >>",
        7: b"<< >>",
        8: b"<< >>",
        9: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph),
    }
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = {}
    for number, body in objects.items():
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 10\n0000000000 65535 f \n")
    for number in range(1, 10):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(b"trailer\n<< /Size 10 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def bookmark_keeps_a_redacted_heading(heading: str = "Payments to Ingrid Vasquez") -> bytes:
    """A page whose heading was redacted properly (text removed, box drawn), while the
    bookmark made from the heading still holds it."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.bookmarkPage("section-1")
    c.addOutlineEntry(heading, "section-1", level=0)
    c.setFillColorRGB(0, 0, 0)
    c.rect(70, 695, 220, 18, fill=1, stroke=0)
    c.drawString(72, 660, "The section text that was released.")
    return _done(c, buffer)


def text_outside_its_clip() -> bytes:
    """A line drawn inside a clipping rectangle that lets none of it through, next to an
    ordinary line clipped to the area it is in."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.saveState()
    path = c.beginPath()
    path.rect(60, 690, 300, 30)
    c.clipPath(path, stroke=0, fill=0)
    c.drawString(72, 700, "Visible line inside its clip.")
    c.restoreState()
    c.saveState()
    path = c.beginPath()
    path.rect(400, 100, 50, 20)
    c.clipPath(path, stroke=0, fill=0)
    c.drawString(72, 600, "Clipped away: Desmond Albright.")
    c.restoreState()
    return _done(c, buffer)
