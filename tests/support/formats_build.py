"""Build the PDF, DOCX, HTML and e-mail fixtures of the format tests in code.

Every name and sentence here is made up for these tests. Nothing binary is committed: each test
builds what it needs.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

from lxml import etree

FONT, SIZE = "Helvetica", 12


def _canvas(buffer: io.BytesIO, author: str | None = None):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(buffer, invariant=1)
    c.setTitle("Travel memo")
    c.setSubject("")
    c.setCreator("")
    c.setAuthor(author or "")
    c.setFont(FONT, SIZE)
    return c


def pdf_name_under_box(
    *, with_name: bool = True, name: str = "John Smith", rotate: int = 0, show_through: bool = False
) -> bytes:
    """'Memo about the meeting with NAME on Tuesday.' with a black box over NAME.

    ``with_name=False`` is the proper redaction: the same box, the name removed from the text.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buffer = io.BytesIO()
    c = _canvas(buffer)
    before, after = "Memo about the meeting with ", " on Tuesday."
    x, y = 72, 700
    c.drawString(x, y, before)
    name_x = x + stringWidth(before, FONT, SIZE)
    name_w = stringWidth(name, FONT, SIZE)
    if with_name:
        c.drawString(name_x, y, name)
    c.drawString(name_x + name_w, y, after)
    c.setFillColorRGB(0, 0, 0)
    c.rect(name_x - 1, y - 4, name_w + 2, SIZE + 6, fill=1, stroke=0)
    if show_through:  # the name printed again, in white, over the box: readable, not hidden
        c.setFillColorRGB(1, 1, 1)
        c.drawString(name_x, y, name)
    c.showPage()
    c.save()
    if rotate:  # /Rotate set afterwards: reportlab's own rotation also swaps the MediaBox
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(buffer.getvalue())
        pdf[0].set_rotation(rotate)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    return buffer.getvalue()


def pdf_white_text() -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Quarterly travel report.")
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 650, "Contact Mary Jones directly.")
    # white on a black band is visible: it must not be reported
    c.setFillColorRGB(0, 0, 0)
    c.rect(60, 590, 300, 24, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 598, "Visible heading on a dark band")
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_invisible_modes() -> bytes:
    """Render mode 3, off-page and tiny text; plus an ordinary line."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Ordinary visible line.")
    text = c.beginText(72, 650)
    text.setTextRenderMode(3)
    text.textLine("Invisible layer names Susan Clark.")
    text.setTextRenderMode(0)
    c.drawText(text)
    c.drawString(72, -200, "Below the page edge: Peter Brown.")
    c.setFont(FONT, 0.5)
    c.drawString(72, 600, "Tiny print about Linda Davis.")
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_metadata_author(author: str = "Robert Mallory") -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer, author=author)
    c.drawString(72, 700, "Budget summary for the regional office.")
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_marking_on_page_two() -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Cover sheet for the annual review.")
    c.showPage()
    c.setFont(FONT, SIZE)
    c.drawString(72, 700, "Summary of the review.")
    c.drawString(72, 680, "SECRET//NOFORN")
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_scanned_page(*, with_ocr_layer: bool) -> bytes:
    """A page that is one image; optionally with an invisible OCR text layer on top."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (300, 400), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 260, 60), fill="black")
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    if with_ocr_layer:
        text = c.beginText(72, 700)
        text.setTextRenderMode(3)
        text.textLine("Scanned letter from the regional office.")
        c.drawText(text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_text_under_image(name: str = "Karen Wilson") -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buffer = io.BytesIO()
    c = _canvas(buffer)
    before = "The file was opened by "
    c.drawString(72, 700, before + name + " last week.")
    x = 72 + stringWidth(before, FONT, SIZE)
    w = stringWidth(name, FONT, SIZE)
    c.drawImage(ImageReader(Image.new("RGB", (20, 8), "black")), x - 1, 696, width=w + 2, height=16)
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_with_earlier_revision(name: str = "James Taylor") -> bytes:
    """A PDF whose first revision named someone; an incremental update removed the line."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Minutes of the planning meeting.")
    c.drawString(72, 680, f"Present: {name} and the committee.")
    c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    page = pdf[0]
    for obj in list(page.get_objects()):
        if obj.type == raw.FPDF_PAGEOBJ_TEXT:
            left, bottom, right, top = obj.get_bounds()
            if bottom < 690:
                page.remove_obj(obj)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out, flags=raw.FPDF_INCREMENTAL)
    return out.getvalue()


def pdf_annotation_and_field() -> bytes:
    """A sticky note and a filled-in form field, both naming people."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, "Form for the visitor log.")
    c.textAnnotation("Check with Mary Jones before release", Rect=(72, 600, 200, 640))
    c.acroForm.textfield(name="visitor", value="Robert Mallory", x=72, y=500, width=200, height=20)
    c.showPage()
    c.save()
    return buffer.getvalue()


def pdf_with_attachment(payload: bytes, name: str) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_metadata_author(author=""))
    attachment = pdf.new_attachment(name)
    attachment.set_data(payload)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def docx_review_copy() -> bytes:
    """Header banner, a comment, a tracked deletion and an insertion naming people, hidden text,
    a text box-free body, a table, and an author in the core properties."""
    import docx

    d = docx.Document()
    d.core_properties.author = "Robert Mallory"
    d.core_properties.last_modified_by = ""
    d.core_properties.comments = ""
    d.sections[0].header.paragraphs[0].text = "SECRET//NOFORN"
    d.sections[0].footer.paragraphs[0].text = "Page footer without markings"
    p = d.add_paragraph("The committee met on Tuesday. ")
    d.add_comment(
        p.runs[0], text="Please remove the paragraph about John Smith.", author="Mary Jones"
    )
    deletion = etree.SubElement(
        p._p,
        _w("del"),
        {_w("id"): "91", _w("author"): "Linda Davis", _w("date"): "2026-01-05T00:00:00Z"},
    )
    run = etree.SubElement(deletion, _w("r"))
    etree.SubElement(run, _w("delText")).text = "Source was Robert Brown."
    insertion = etree.SubElement(
        p._p,
        _w("ins"),
        {_w("id"): "92", _w("author"): "Linda Davis", _w("date"): "2026-01-05T00:00:00Z"},
    )
    run = etree.SubElement(insertion, _w("r"))
    etree.SubElement(run, _w("t")).text = "The source is protected."
    hidden = d.add_paragraph("Visible sentence. ")
    hidden.add_run("Hidden note naming Susan Clark.").font.hidden = True
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Budget line"
    table.cell(0, 1).text = "Approved"
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def html_page() -> bytes:
    return b"""<!DOCTYPE html>
<html><head><title>Office notice</title><meta name="author" content="Karen Wilson"></head>
<body><!-- draft checked by Peter Brown -->
<h1>Notice</h1><p>Visitors sign in at the front desk.</p>
<div style="display: none">Escort assigned: Linda Davis</div>
<p hidden>Spare line</p>
<script>var label = "not text";</script>
</body></html>
"""


def email_with_attachment(attachment: bytes, name: str, subtype: str = "plain") -> bytes:
    m = EmailMessage()
    m["From"] = "Mary Jones <mary.jones@example.org>"
    m["To"] = "desk@example.net"
    m["Subject"] = "Meeting notes"
    m.set_content("Notes attached. Nothing else to add.\n")
    maintype = "text" if subtype in ("plain", "html") else "application"
    m.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=name)
    return bytes(m)


def pdf_with_annotation_box(kind: str, name: str = "John Smith") -> bytes:
    """'Memo … NAME …' with an annotation over NAME: ``square`` (filled black), ``highlight``
    (black or yellow) made with PDFium, or ``redact`` (a Redact annotation never applied)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from reportlab.pdfbase.pdfmetrics import stringWidth

    before = "Memo about the meeting with "
    left = 72 + stringWidth(before, FONT, SIZE) - 1
    right = left + stringWidth(name, FONT, SIZE) + 2
    if kind == "redact":
        return _hand_made_pdf(before + name + " on Tuesday.", (left, 696, right, 714))
    buffer = io.BytesIO()
    c = _canvas(buffer)
    c.drawString(72, 700, before + name + " on Tuesday.")
    c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    page = pdf[0]
    subtype = raw.FPDF_ANNOT_SQUARE if kind == "square" else raw.FPDF_ANNOT_HIGHLIGHT
    annot = raw.FPDFPage_CreateAnnot(page, subtype)
    rect = raw.FS_RECTF(left, 714, right, 696)
    raw.FPDFAnnot_SetRect(annot, rect)
    if kind == "square":
        raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_InteriorColor, 0, 0, 0, 255)
        raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_Color, 0, 0, 0, 255)
    else:
        rgb = (0, 0, 0) if kind == "highlight" else (255, 255, 0)
        raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_Color, *rgb, 255)
        quad = raw.FS_QUADPOINTSF(left, 714, right, 714, left, 696, right, 696)
        raw.FPDFAnnot_AppendAttachmentPoints(annot, quad)
    raw.FPDFPage_CloseAnnot(annot)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _hand_made_pdf(line: str, redact_rect: tuple[float, float, float, float]) -> bytes:
    """One page with one line of Helvetica and a Redact annotation (reportlab cannot make one)."""
    content = f"BT /F1 12 Tf 72 700 Td ({line}) Tj ET".encode()
    rect = " ".join(f"{v:.2f}" for v in redact_rect)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Type /Annot /Subtype /Redact /Rect [{rect}] /OC [0 0 0] >>".encode(),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_box_in_form_xobject(name: str = "John Smith") -> bytes:
    """The black box is drawn by a form XObject placed with a translation (as stamping and
    flattening tools do), not in the page's own content."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    buffer = io.BytesIO()
    c = _canvas(buffer)
    before = "Memo about the meeting with "
    c.drawString(72, 700, before + name + " on Tuesday.")
    c.beginForm("box")
    c.setFillColorRGB(0, 0, 0)
    c.rect(0, 0, stringWidth(name, FONT, SIZE) + 2, SIZE + 6, fill=1, stroke=0)
    c.endForm()
    c.saveState()
    c.translate(72 + stringWidth(before, FONT, SIZE) - 1, 696)
    c.doForm("box")
    c.restoreState()
    c.showPage()
    c.save()
    return buffer.getvalue()
