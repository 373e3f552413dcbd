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
from email.message import EmailMessage
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
    try:
        return str(make_header(decode_header(value)))
    except (LookupError, ValueError, UnicodeError, email.errors.HeaderParseError):
        return value


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
    count = 0
    for attachment in message.iter_attachments():
        count += 1
        if count > MAX_PARTS:
            doc.notes.append(f"only the first {MAX_PARTS} attachments were scanned")
            break
        try:
            name = attachment.get_filename() or _default_name(attachment, count)
        except (IndexError, ValueError, LookupError, email.errors.HeaderParseError):
            name = _default_name(attachment, count)  # malformed Content-Disposition
        if attachment.get_content_type() == "message/rfc822":
            payload = attachment.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            data = inner.as_bytes(policy=policy.default) if inner is not None else b""
            add_attachment(doc, name if name.endswith(".eml") else f"{name}.eml", data)
            continue
        data = attachment.get_payload(decode=True) or b""
        add_attachment(doc, name, data)


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    return content if isinstance(content, str) else content.decode("utf-8", errors="replace")


def _default_name(part: EmailMessage, number: int) -> str:
    subtype = part.get_content_subtype()
    extension = {"plain": "txt", "html": "html", "pdf": "pdf", "rfc822": "eml"}.get(subtype, "bin")
    return f"part{number}.{extension}"
