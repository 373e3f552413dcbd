"""Malformed input: each extractor itself turns every failure into a one-line ExtractError.

The extractors are called directly, not through ``extract()`` (whose last-resort net would
turn any exception into a generic error), so a library exception the extractor forgot to
handle fails here.
"""

from __future__ import annotations

import random

import pytest

from redactcheck.extract import ExtractError, get_extractor, sniff
from tests.support import formats_build as build

DOCX_TYPE = "vnd.openxmlformats-officedocument.wordprocessingml.document"


def _seeds() -> dict[str, bytes]:
    return {
        "memo.pdf": build.pdf_name_under_box(),
        "minutes.pdf": build.pdf_with_earlier_revision(),
        "outer.pdf": build.pdf_with_attachment(build.pdf_white_text(), "inner.pdf"),
        "review.docx": build.docx_review_copy(),
        "notice.html": build.html_page(),
        "mail.eml": build.email_with_attachment(build.docx_review_copy(), "r.docx", DOCX_TYPE),
    }


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    op = rng.random()
    if op < 0.4:
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif op < 0.7:
        buf = buf[: rng.randrange(len(buf))]
    else:
        i, j = rng.randrange(len(buf)), rng.randrange(len(buf))
        buf = buf[:i] + buf[j : j + rng.randint(1, 2000)] + buf[i:]
    return bytes(buf)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_documents_raise_only_extract_error(seed):
    rng = random.Random(seed)
    seeds = _seeds()
    for _ in range(60):
        name = rng.choice(sorted(seeds))
        data = _mutate(seeds[name], rng)
        extractor = get_extractor(sniff(name, data))
        try:
            document = extractor(name, data)
        except ExtractError as exc:
            assert str(exc) and "\n" not in str(exc)
            continue
        for placed in document.hidden:
            f = placed.hit
            assert any(s is placed.segment for s in document.segments)
            assert placed.segment.text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.pdf", b""),
        ("empty.docx", b""),
        ("empty.html", b""),
        ("blank.html", b"   \n <!-- only a comment --> \n"),
        ("empty.eml", b""),
        ("headers.eml", b"From: <@>\nTo: ,,,@\nSubject: =?bogus?Q?x?=\n\nBody\n"),
    ],
)
def test_empty_and_degenerate_files(name, data):
    extractor = get_extractor(sniff(name, data))
    try:
        extractor(name, data)
    except ExtractError as exc:
        assert "\n" not in str(exc)


def test_html_too_deep_is_refused_not_silently_cut():
    deep = (
        b"<html><body>" + b"<div>" * 5000 + b"Robert Mallory" + b"</div>" * 5000 + b"</body></html>"
    )
    with pytest.raises(ExtractError, match="nested too deeply"):
        get_extractor("text/html")("deep.html", deep)
    shallow = (
        b"<html><body>" + b"<div>" * 100 + b"Robert Mallory" + b"</div>" * 100 + b"</body></html>"
    )
    document = get_extractor("text/html")("ok.html", shallow)
    assert [s.text for s in document.segments] == ["Robert Mallory"]


def test_repetitive_but_legitimate_docx_is_read():
    import io
    import zipfile

    body = "<w:p><w:r><w:t>Budget line approved.</w:t></w:r></w:p>" * 60_000
    xml = f'<w:document xmlns:w="{build.W}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)
    document = get_extractor(sniff("big.docx", buffer.getvalue()))("big.docx", buffer.getvalue())
    assert document.segments[0].text.count("Budget line approved.") == 60_000


def test_outlook_msg_says_what_to_do(rules_scanner, tmp_path):
    path = tmp_path / "note.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    result = rules_scanner.scan_file(path)
    assert [e.message for e in result.errors] == [
        "Outlook .msg is not supported: save the message as .eml"
    ]
