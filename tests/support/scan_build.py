"""Build scanned releases in code: a synthetic portion-marked memo typeset with reportlab,
rendered to a page image by PDFium, skewed, speckled, and saved as an image-only PDF.

Every name, number and sentence is made up. Used by the OCR tests (one page) and by
``bench/speed/ocr_throughput.py`` (a hundred pages).
"""

from __future__ import annotations

import io

BANNER = "SECRET//NOFORN"
NAMES = ("Harold Whitcombe", "Margaret Ellison")
PHONE = "(202) 555-0147"


def memo_lines(page: int = 1) -> list[str]:
    """The memo's lines between the banners; later pages vary the subject and date."""
    return [
        "DEPARTMENT OF EXAMPLES",
        "MEMORANDUM FOR THE RECORD",
        "",
        f"SUBJECT: (U) Quarterly liaison review, part {page}",
        "",
        f"(S//NF) On {page + 2} March the liaison team met {NAMES[0]} at the",
        "regional office to review the exchange of reports.",
        "",
        f"(U) Contact {NAMES[1]} at {PHONE} for the schedule.",
        "",
        "(C) Further meetings are planned for the spring.",
        "",
        "Classified By: Jonathan Pemberton, Director",
        "Reason: 1.4(c)",
        "Declassify On: 20451231",
    ]


def memo_pdf(pages: int = 1) -> bytes:
    """The memo as a PDF with a text layer: the page a scanner was fed."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(612, 792), invariant=1)
    for page in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 14)
        c.drawCentredString(306, 750, BANNER)
        c.drawCentredString(306, 30, BANNER)
        c.setFont("Courier", 12)
        y = 690
        for line in memo_lines(page):
            c.drawString(72, y, line)
            y -= 18
        c.showPage()
    c.save()
    return buffer.getvalue()


def scanned_memo(
    pages: int = 1, *, dpi: int = 200, skew: float = 0.6, noise: float = 0.004, seed: int = 7
) -> bytes:
    """The memo as a scanner returns it: one grey image per page, rotated by ``skew``
    degrees, with ``noise`` of the pixels flipped to black or white. No text layer."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(seed)
    source = pdfium.PdfDocument(memo_pdf(pages))
    images = []
    for index in range(len(source)):
        bitmap = source[index].render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil().convert("L")
        bitmap.close()
        image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
        pixels = np.asarray(image).copy()
        flips = rng.random(pixels.shape) < noise
        pixels[flips] = rng.choice(np.array([0, 255], dtype=np.uint8), size=int(flips.sum()))
        images.append(Image.fromarray(pixels))
    source.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def word_boxes(pages: int = 1) -> dict[tuple[int, str], list[tuple[float, float, float, float]]]:
    """Where each word of the typeset memo is, as ``(page, word) -> boxes`` in PDF points
    (every occurrence): the truth a finding's box on the scan must contain."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(memo_pdf(pages))
    out: dict[tuple[int, str], list[tuple[float, float, float, float]]] = {}
    for number in range(1, len(pdf) + 1):
        textpage = pdf[number - 1].get_textpage()
        text = textpage.get_text_range()
        position = 0
        for word in text.split():
            start = text.index(word, position)
            position = start + len(word)
            boxes = [textpage.get_charbox(i) for i in range(start, start + len(word))]
            out.setdefault((number, word), []).append(
                (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
            )
    pdf.close()
    return out


def skewed_point(x: float, y: float, skew: float = 0.6) -> tuple[float, float]:
    """Where a point of the typeset page lands on the scan turned by ``skew`` degrees
    (counter-clockwise about the page centre, as ``scanned_memo`` turns it)."""
    import math

    cx, cy = 306.0, 396.0
    a = math.radians(skew)
    dx, dy = x - cx, y - cy
    return cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)


def scan_with_garbage_layer() -> bytes:
    """The scanned memo with a bad OCR layer under the image: invisible text that is mostly
    not words (what an old OCR pass leaves on a noisy scan)."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scan = pdfium.PdfDocument(scanned_memo())
    bitmap = scan[0].render(scale=150 / 72, grayscale=True)
    image = bitmap.to_pil()
    bitmap.close()
    scan.close()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(612, 792), invariant=1)
    c.drawImage(ImageReader(image), 0, 0, width=612, height=792)
    text = c.beginText(72, 700)
    text.setTextRenderMode(3)
    for n in range(12):
        text.textLine(f"~:; lI|1 ,. {n}rr ;;' Il! _ -- ^^ |/ t1l ' ,,, ij :")
    text.setTextRenderMode(0)
    c.drawText(text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def scan_with_markers(dpi: int = 200) -> bytes:
    """One scanned memo page where a grey felt marker was drawn over the first name (the ink
    under it still darker than the marker) and a solid black box over the phone number."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    source = pdfium.PdfDocument(memo_pdf())
    bitmap = source[0].render(scale=dpi / 72, grayscale=True)
    pixels = np.asarray(bitmap.to_pil().convert("L")).copy()
    bitmap.close()
    source.close()
    boxes = word_boxes()
    scale = dpi / 72

    def cover(words: list[str], value: int, keep_ink: bool) -> None:
        found = [boxes[(1, w)][0] for w in words]
        left = int((min(b[0] for b in found) - 4) * scale)
        right = int((max(b[2] for b in found) + 4) * scale)
        top = int((792 - max(b[3] for b in found) - 5) * scale)
        bottom = int((792 - min(b[1] for b in found) + 5) * scale)
        area = pixels[top:bottom, left:right]
        # a marker darkens the paper to ``value``; the ink under it stays as dark as it was
        pixels[top:bottom, left:right] = np.minimum(area, value) if keep_ink else value

    cover(NAMES[0].split(), 90, keep_ink=True)
    cover(PHONE.split(), 0, keep_ink=False)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="PDF", resolution=dpi)
    return out.getvalue()
