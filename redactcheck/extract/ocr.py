"""OCR of PDF pages without a text layer, with the Tesseract command (``--ocr``).

Tesseract is run as a program, offline, on a rendered page image written to a private
temporary folder (never next to the input). No Python binding is needed; when the program is
missing the caller says so and reports the page as not checked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import pypdfium2 as pdfium

RESOLUTION = 300  # dpi: Tesseract's accuracy drops sharply below ~200
TIMEOUT = 180  # seconds per page
MAX_PIXELS = 60_000_000  # a huge page is scaled down rather than rendered at 300 dpi


class OCRUnavailable(Exception):
    """OCR was asked for but cannot run; the message says why, in one line."""


def tesseract() -> str:
    """Path of the Tesseract program, or :class:`OCRUnavailable`."""
    path = os.environ.get("REDACTCHECK_TESSERACT") or shutil.which("tesseract")
    if not path:
        raise OCRUnavailable("--ocr was asked for but Tesseract is not installed")
    return path


def ocr_page(page: pdfium.PdfPage, program: str) -> str:
    """Text of one rendered page as Tesseract reads it."""
    width, height = page.get_size()
    scale = RESOLUTION / 72
    if width * height * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / max(width * height, 1.0)) ** 0.5
    bitmap = page.render(scale=scale)
    try:
        image = bitmap.to_pil()
    except ImportError as exc:
        raise OCRUnavailable("--ocr needs Pillow to hand pages to Tesseract") from exc
    finally:
        bitmap.close()
    with tempfile.TemporaryDirectory(prefix="redactcheck-ocr-") as folder:
        png = os.path.join(folder, "page.png")
        image.save(png)
        try:
            proc = subprocess.run(
                [program, png, "stdout"],
                capture_output=True,
                timeout=TIMEOUT,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OCRUnavailable(f"Tesseract could not be run ({type(exc).__name__})") from exc
    if proc.returncode != 0:
        raise OCRUnavailable(f"Tesseract failed with status {proc.returncode}")
    return proc.stdout.decode("utf-8", errors="replace")
