"""E-mail (.eml, RFC 822/MIME) with the standard ``email`` package.

Address headers and the subject go to ``header`` (From/To/Cc are personal data); the text body
(or the HTML body, read like an HTML file, when there is no text one) to ``body``; every
attachment, forwarded messages included, is extracted like a file of its own under
``attachment:NAME``. Outlook ``.msg`` is not read: the maintained reader (extract-msg) is GPL.
"""

from __future__ import annotations

import email.errors
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser

from redactcheck.document import Document, Segment
from redactcheck.extract import add_attachment
from redactcheck.extract.html import add_html

HEADERS = ("From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date")
MAX_PARTS = 2000


def extract_email(path: str, data: bytes) -> Document:
    doc = Document(path=path, media_type="message/rfc822")
    message: EmailMessage = BytesParser(policy=policy.default).parsebytes(data)  # type: ignore[assignment]
    _read_message(message, doc)
    return doc


def _header_text(message: EmailMessage) -> str:
    """Address and subject headers as ``Name: value`` lines.

    Raw values are decoded here rather than through the policy's parsers, which raise on some
    malformed addresses: a bad header must not cost the rest of the message.
    """
    wanted = {name.lower(): name for name in HEADERS}
    lines = []
    for name, value in message.raw_items():
        label = wanted.get(name.lower())
        if label is None:
            continue
        text = " ".join(_decode_header(str(value)).split())
        if text:
            lines.append(f"{label}: {text}")
    return "\n".join(lines)


def _decode_header(value: str) -> str:
    value = _undo_surrogates(value)
    try:
        return str(make_header(decode_header(value)))
    except (LookupError, ValueError, UnicodeError, email.errors.HeaderParseError):
        return value


def _undo_surrogates(value: str) -> str:
    """Raw 8-bit header bytes (no RFC 2047 encoding) reach us as lone surrogates: read them as
    UTF-8, else as Windows-1252, the two encodings such mail is written in, so the names in
    them are found (and the report can be encoded at all)."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_message(message: EmailMessage, doc: Document) -> None:
    headers = _header_text(message)
    if headers:
        doc.segments.append(Segment(headers, "header"))
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = _content(body)
        if body.get_content_subtype() == "html":
            add_html(doc, content)
        elif content.strip():
            doc.segments.append(Segment(content, "body"))
    _read_attachments(message.iter_attachments(), doc, [0])


def _read_attachments(parts, doc: Document, count: list[int]) -> None:
    """Every attachment, and every part of an attached ``multipart/*`` container (a forwarded
    bundle, a nested ``multipart/mixed``), each read like a file of its own."""
    for attachment in parts:
        count[0] += 1
        if count[0] > MAX_PARTS:
            doc.errors.append(f"only the first {MAX_PARTS} attachments were scanned")
            return
        try:
            name = attachment.get_filename() or _default_name(attachment, count[0])
        except (IndexError, ValueError, LookupError, email.errors.HeaderParseError):
            name = _default_name(attachment, count[0])  # malformed Content-Disposition
        if attachment.is_multipart() and attachment.get_content_type() != "message/rfc822":
            _read_attachments(attachment.iter_parts(), doc, count)
            continue
        if attachment.get_content_type() == "message/rfc822":
            payload = attachment.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            data = inner.as_bytes(policy=policy.default) if inner is not None else b""
            add_attachment(doc, name if name.endswith(".eml") else f"{name}.eml", data)
            continue
        data = attachment.get_payload(decode=True) or b""
        add_attachment(doc, name, data)


def extract_mbox(path: str, data: bytes) -> Document:
    """A Unix mailbox (``From `` lines between messages): each message is read like an
    ``.eml`` file of its own, under ``attachment:message N.eml``, attachments included."""
    doc = Document(path=path, media_type="application/mbox")
    for number, message in enumerate(_mbox_messages(data), 1):
        if number > MAX_PARTS * 50:
            doc.errors.append(f"only the first {MAX_PARTS * 50} messages were scanned")
            break
        add_attachment(doc, f"message {number}.eml", message)
    return doc


def _mbox_messages(data: bytes):
    """The messages of an mbox, each without its ``From `` separator line; ``>From`` quoting
    of the mboxrd format is left as it is (it is text in the body)."""
    starts = [0] if data.startswith(b"From ") else []
    pos = 0
    while True:
        found = data.find(b"\nFrom ", pos)
        if found == -1:
            break
        starts.append(found + 1)
        pos = found + 1
    if not starts:
        starts = [0]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        chunk = data[start:end]
        if chunk.startswith(b"From "):
            chunk = chunk.split(b"\n", 1)[1] if b"\n" in chunk else b""
        if chunk.strip():
            yield chunk


def _content(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        content = data.decode("utf-8", errors="replace")
    return content if isinstance(content, str) else content.decode("utf-8", errors="replace")


def _default_name(part: EmailMessage, number: int) -> str:
    subtype = part.get_content_subtype()
    extension = {"plain": "txt", "html": "html", "pdf": "pdf", "rfc822": "eml"}.get(subtype, "bin")
    return f"part{number}.{extension}"
