"""Bound what a PDF may cost before pdfium opens it: inflated stream size and object counts.

pdfium inflates a whole stream in memory and builds one object per text-showing operator of
a page. A 2 MB file whose stream inflates to 2 GB, or a 200 KB one whose content stream holds
millions of tiny text runs, would take gigabytes and then the machine. Nothing in pdfium's API
bounds either, so the raw file is walked here first, inflating each zlib stream in small
steps with nothing kept (``zlib.decompressobj(max_length=…)``), and the file is refused with a
one-line error when a limit is passed: one stream may inflate to ``--max-member-size`` (a
stream is a PDF's archive member; 100 MB by default), all together to 2 GB.

Streams are found by their ``stream`` keyword and recognised as zlib data by their header, not
by their dictionary, so an indirect ``/Filter`` or a ``/FlateDecode`` applied twice cannot hide
one. Filters other than Flate (LZW, run-length) are not measured; their expansion is bounded
by the worker memory watch (``--max-memory``).
"""

from __future__ import annotations

import re
import zlib

from redactcheck.limits import LimitExceeded, check_deadline, current

MB = 1024 * 1024
#: inflated bytes of all streams of one file together
MAX_TOTAL_BYTES = 2048 * MB
#: text-showing operators (``Tj``, ``TJ``) in one stream: a dense page has a few thousand;
#: each costs pdfium several hundred bytes
MAX_TEXT_OPERATORS = 500_000
#: how many times a stream's inflated data is itself inflated again (``[/FlateDecode
#: /FlateDecode]``)
MAX_LAYERS = 4

_STREAM = re.compile(rb"stream\r?\n")
_STEP = 1 * MB


def _is_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


class _Budget:
    __slots__ = ("operators", "stream", "total")

    def __init__(self) -> None:
        self.total = 0
        self.stream = 0
        self.operators = 0


def _count(piece: bytes, tail: bytes, budget: _Budget) -> bytes:
    """Count text operators in ``piece`` (with the last byte of the previous piece, so an
    operator split across two pieces is still seen); return the new tail."""
    joined = tail + piece
    budget.operators += joined.count(b"Tj") + joined.count(b"TJ")
    if budget.operators > MAX_TEXT_OPERATORS:
        raise LimitExceeded(
            f"PDF content stream holds over {MAX_TEXT_OPERATORS} text objects; not scanned "
            "(a file built to exhaust memory)"
        )
    return joined[-1:]


def _grow(size: int, budget: _Budget) -> None:
    budget.stream += size
    budget.total += size
    limit = current().max_member_size  # a stream is a PDF's archive member
    if limit and budget.stream > limit:
        raise LimitExceeded(
            f"PDF stream inflates to over {limit // MB} MB, over the limit "
            "(--max-member-size); not scanned"
        )
    if budget.total > MAX_TOTAL_BYTES:
        raise LimitExceeded(
            f"PDF streams inflate to over {MAX_TOTAL_BYTES // MB} MB in all; not scanned"
        )


def _inflate(data: bytes, budget: _Budget, layer: int = 1) -> None:
    """Inflate ``data`` step by step, counting; nothing is kept but a small head of the
    output, to see whether it is zlib data once more."""
    inflater = zlib.decompressobj()
    inner: zlib._Decompress | None = None  # type: ignore[name-defined]
    pending = data
    tail = b""
    first = True
    try:
        while pending:
            piece = inflater.decompress(pending, _STEP)
            pending = inflater.unconsumed_tail
            if not piece:
                break
            if first and layer < MAX_LAYERS and _is_zlib(piece[:2]):
                inner = zlib.decompressobj()
            first = False
            if inner is None:
                _grow(len(piece), budget)
                tail = _count(piece, tail, budget)
            else:
                _feed_inner(inner, piece, budget)
            check_deadline()
    except zlib.error:
        return  # damaged or not zlib after all: pdfium decides what to make of it


def _feed_inner(inner, piece: bytes, budget: _Budget) -> None:
    pending = piece
    while pending:
        out = inner.decompress(pending, _STEP)
        pending = inner.unconsumed_tail
        if not out:
            break
        _grow(len(out), budget)
        _count(out, b"", budget)


def check_pdf_streams(data: bytes) -> None:
    """Raise :class:`LimitExceeded` when a stream of ``data`` inflates past the limits or
    holds too many text objects; return quietly otherwise (damaged streams included)."""
    budget = _Budget()
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        end = data.find(b"endstream", start)
        if end == -1:
            end = len(data)
        pos = max(end + len(b"endstream"), start)
        budget.stream = 0
        body = data[start:end]
        if _is_zlib(body[:2]):
            _inflate(body, budget)
        else:
            budget.operators = 0
            _count(body, b"", budget)
        budget.operators = 0
