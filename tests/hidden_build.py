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
