"""Builds the hostile release folder of issue 15: every case of the issue beside the issue-8
folder of ``tests/support/hostile.py``, made in code at run time (nothing binary is committed).

Each case is small, so the test suite stays fast; the cases that need gigabytes (a PDF stream
inflating to 2 GB) have a small version here that passes a lowered limit
(``SCAN_ARGS``), and their full size in ``bench/robustness/hostile_scan.py``.

``build(root)`` returns what a scan must report: ``errors`` (relative path -> a word its one
reason holds), ``found`` (relative path -> a text that must be among its findings: content
that was silently missed before), ``clean`` (files that must scan without error) and the
``marker`` file that must never appear (nothing from the tree may run).
"""

from __future__ import annotations

import base64
import io
import os
import zipfile
from pathlib import Path

from tests.support import hostile
from tests.support.hostile_pdf import inflating_pdf, many_text_runs_pdf, pdf_with_streams, text_page

#: the options the hostile-folder test scans with: a lowered per-member (and per-PDF-stream)
#: limit lets a 16 MB stream stand for the issue's 2 GB one
SCAN_ARGS = ("--max-member-size", "8MB", "--jobs", "2")
BOMB_INFLATED = 16 * 1024 * 1024  # bench: 2 GB
TEXT_RUNS = 600_000  # over the 500,000 limit; bench: 3,000,000
#: the secret every leak test looks for: a marking with a zero-width space inside, as the
#: issue's unknown-marking message quoted it
ZW_MARKING = "SEC\u200bRET//NOFORN//ZYXQUILL"


def _w(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f"<w:body>{body}</w:body></w:document>"
    )


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_parts(parts: dict[str, str], body: str) -> bytes:
    """A DOCX with ``body`` (WordprocessingML) and extra package members ``parts``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        zf.writestr("word/document.xml", _w(body))
        for name, content in parts.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def docx_hidden_parts() -> dict[str, tuple[bytes, str]]:
    """One DOCX per place Word keeps text it does not show: name -> (bytes, marking)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    out: dict[str, tuple[bytes, str]] = {}
    out["glossary.docx"] = (
        docx_parts(
            {"word/glossary/document.xml": _w(_p("TOP SECRET//NOFORN glossary entry"))},
            _p("Visible harbour note."),
        ),
        "TOP SECRET//NOFORN",
    )
    out["docvars.docx"] = (
        docx_parts(
            {
                "word/settings.xml": f'<w:settings xmlns:w="{w}"><w:docVars>'
                '<w:docVar w:name="banner" w:val="SECRET//REL TO USA, GBR"/>'
                "</w:docVars></w:settings>"
            },
            _p("Visible harbour note."),
        ),
        "SECRET//REL TO USA, GBR",
    )
    out["customxml.docx"] = (
        docx_parts(
            {"customXml/item1.xml": "<data><banner>TOP SECRET//SI//NOFORN</banner></data>"},
            _p("Visible harbour note."),
        ),
        "TOP SECRET//SI//NOFORN",
    )
    out["fallback.docx"] = (
        docx_parts(
            {},
            '<w:p><mc:AlternateContent><mc:Choice Requires="wps">'
            + _p("Text box as shown.")
            + "</mc:Choice><mc:Fallback>"
            + _p("SECRET//NOFORN only in the fallback")
            + "</mc:Fallback></mc:AlternateContent></w:p>",
        ),
        "SECRET//NOFORN",
    )
    out["fieldcode.docx"] = (
        docx_parts(
            {},
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
            ' DOCPROPERTY "TOP SECRET//NOFORN" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        ),
        "TOP SECRET//NOFORN",
    )
    out["alttext.docx"] = (
        docx_parts(
            {},
            '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" '
            'descr="Photo stamped SECRET//NOFORN"/></wp:inline></w:drawing></w:r></w:p>',
        ),
        "SECRET//NOFORN",
    )
    inner = docx_parts({}, _p("TOP SECRET//NOFORN embedded report"))
    out["embedded.docx"] = (
        _with_binary(
            docx_parts({}, _p("Visible harbour note.")), "word/embeddings/report.docx", inner
        ),
        "TOP SECRET//NOFORN",
    )
    out["altchunk.docx"] = (
        docx_parts(
            {
                "word/_rels/document.xml.rels": f'<Relationships xmlns="{rels}">'
                '<Relationship Id="rIdChunk" Target="afchunk.htm" Type="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships/aFChunk"/></Relationships>',
                "word/afchunk.htm": "<html><body><p>SECRET//NOFORN merged chunk</p></body></html>",
            },
            _p("Visible harbour note.") + '<w:altChunk r:id="rIdChunk"/>',
        ),
        "SECRET//NOFORN",
    )
    return out


def _with_binary(docx: bytes, name: str, data: bytes) -> bytes:
    buffer = io.BytesIO(docx)
    with zipfile.ZipFile(buffer, "a") as zf:
        zf.writestr(name, data)
    return buffer.getvalue()


def email(headers: bytes, body: bytes) -> bytes:
    return headers.replace(b"\n", b"\r\n") + b"\r\n" + body.replace(b"\n", b"\r\n")


#: the sizes of the issue itself, for ``bench/robustness/hostile_scan.py``
FULL = {
    "bomb_inflated": 2048 * 1024 * 1024,
    "text_runs": 3_000_000,
    "portions": 100_000,
    "docx_bomb": hostile.BOMB_MEMBER_SIZE,
    "long_line": hostile.LONG_LINE_SIZE,
}


def build(
    root: Path,
    *,
    git_config: bool = False,
    bomb_inflated: int = BOMB_INFLATED,
    text_runs: int = TEXT_RUNS,
    portions: int = 20_000,
    docx_bomb: int = 64 * 1024 * 1024,
    long_line: int = 2 * 1024 * 1024,
) -> dict:
    """Create the folder in ``root``; see the module docstring for what is returned.

    ``git_config`` plants a repository whose configuration runs a command if git is ever run
    in it (issue 15, item 1), and one whose ``.gitignore`` leaves every file out.
    The sizes default to the test's small versions; ``FULL`` holds the issue's.
    """
    expected = hostile.build(root, bomb_size=docx_bomb, long_line=long_line)
    errors: dict[str, str] = dict(expected["errors"])
    found: dict[str, str] = {}
    clean: list[str] = list(expected["clean"])
    marker = root.parent / "PWNED-marker"

    # --- 2. one file must not lose the report ---------------------------------------------
    (root / os.fsdecode(b"\xff\xfe-not-utf8.txt")).write_bytes(b"SECRET//NOFORN in a bad name\n")
    found["\\xff\\xfe-not-utf8.txt"] = "SECRET//NOFORN"
    (root / "eightbit.eml").write_bytes(
        email(
            b"From: J\xf6rg M\xfcller <joerg@example.org>\nTo: Ann <ann@example.org>\n"
            b"Subject: SECRET//NOFORN harbour \xff report\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n",
            b"Plain body.\n",
        )
    )
    found["eightbit.eml"] = "SECRET//NOFORN"
    att = base64.encodebytes(b"TOP SECRET//NOFORN attachment with a markup name\n")
    (root / "markup-name.eml").write_bytes(
        email(
            b"From: a@example.org\nTo: b@example.org\nSubject: files\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="b"\n',
            b"--b\nContent-Type: text/plain\n\nSee attached.\n--b\n"
            b"Content-Type: application/octet-stream\n"
            b'Content-Disposition: attachment; filename="[/].txt"\n'
            b"Content-Transfer-Encoding: base64\n\n" + att + b"--b--\n",
        )
    )
    found["markup-name.eml"] = "TOP SECRET//NOFORN"
    (root / "bomb-stream.pdf").write_bytes(inflating_pdf(bomb_inflated))
    errors["bomb-stream.pdf"] = "inflates"
    deep = root / "long-path"
    fd = os.open(root, os.O_RDONLY)
    try:
        os.mkdir("long-path", dir_fd=fd)
        current = os.open("long-path", os.O_RDONLY, dir_fd=fd)
        for _ in range(22):  # 22 x 200 characters: past PATH_MAX (4096)
            os.mkdir("d" * 200, dir_fd=current)
            nxt = os.open("d" * 200, os.O_RDONLY, dir_fd=current)
            os.close(current)
            current = nxt
        handle = os.open("memo.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=current)
        os.write(handle, b"SECRET//NOFORN past PATH_MAX\n")
        os.close(handle)
        os.close(current)
    finally:
        os.close(fd)
    errors[deep.name + "/" + "/".join(["d" * 200] * 20)] = "too long"

    # --- 3. injection into what people read -----------------------------------------------
    (root / "ansi-\x1b[2J-\x07.txt").write_text("(C) Berth fees.\n", encoding="utf-8")
    (root / "line\n::error::forged.txt").write_text("SECRET//NOFORN\n", encoding="utf-8")
    found["line\\x0a::error::forged.txt"] = "SECRET//NOFORN"
    (root / "formula.txt").write_text(
        '=HYPERLINK("http://example.invalid","x")\n@SUM(1+1)\nSECRET//NOFORN\n',
        encoding="utf-8",
    )

    (root / "=2+3.txt").write_text("SECRET//NOFORN\n", encoding="utf-8")
    found["=2+3.txt"] = "SECRET//NOFORN"

    # --- 4. leaks under --redact ----------------------------------------------------------
    (root / "zero-width.txt").write_text(f"{ZW_MARKING}\n(S) Quay roster.\n", encoding="utf-8")

    # --- 5. configuration from the scanned tree --------------------------------------------
    # (the port is filled in by the test: a listener that records any connection)
    (root / ".redactcheck.toml").write_text(
        'dask_scheduler = "tcp://127.0.0.1:PORT"\ncache_dir = "cache-in-tree"\n', encoding="utf-8"
    )

    # --- 6. unbounded work ----------------------------------------------------------------
    (root / "text-runs.pdf").write_bytes(many_text_runs_pdf(text_runs))
    errors["text-runs.pdf"] = "text objects"
    (root / "css.html").write_text(
        "<html><head><style>" + ".a{" * 40_000 + "</style></head><body><p>SECRET//NOFORN css"
        "</p></body></html>",
        encoding="utf-8",
    )
    found["css.html"] = "SECRET//NOFORN"
    (root / "portions.txt").write_text(
        "".join(f"({'S' if i % 2 else 'C'}) Line {i} of the ledger.\n" for i in range(portions)),
        encoding="utf-8",
    )
    found["portions.txt"] = "(S)"

    # --- 7. silently missed ---------------------------------------------------------------
    big = "a" * (11 * 1024 * 1024)
    (root / "huge-comment.html").write_text(
        f"<html><body><!--{big}--><p>TOP SECRET//NOFORN after the comment</p></body></html>",
        encoding="utf-8",
    )
    # the comment is one 11 MB line: that part is named under errors, the rest is scanned
    errors["huge-comment.html"] = "comment: a line is longer than"
    found["huge-comment.html"] = "TOP SECRET//NOFORN"
    (root / "nested-multipart.eml").write_bytes(
        email(
            b"From: a@example.org\nTo: b@example.org\nSubject: nested\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="outer"\n',
            b"--outer\nContent-Type: text/plain\n\nOuter body.\n--outer\n"
            b'Content-Type: multipart/mixed; boundary="inner"\n\n--inner\n'
            b'Content-Type: text/plain\nContent-Disposition: attachment; filename="inner.txt"\n\n'
            b"TOP SECRET//NOFORN inside the inner part\n--inner--\n--outer--\n",
        )
    )
    found["nested-multipart.eml"] = "TOP SECRET//NOFORN"
    for script, text in {
        "cyrillic": "Доклад о порте.\nSECRET//NOFORN\nКонец.\n",
        "greek": "Έκθεση για το λιμάνι.\nSECRET//NOFORN\n",
        "cjk": "港口报告。\nSECRET//NOFORN\n",
    }.items():
        (root / f"utf16-{script}.txt").write_bytes(text.encode("utf-16-le"))
        found[f"utf16-{script}.txt"] = "SECRET//NOFORN"
    (root / "archive.mbox").write_bytes(
        b"From a@example.org Mon Jan  1 10:00:00 2024\nFrom: a@example.org\nTo: b@example.org\n"
        b'Subject: one\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain\n\nSee attached.\n--b\nContent-Type: text/plain\n"
        b'Content-Disposition: attachment; filename="notes.txt"\n'
        b"Content-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(b"TOP SECRET//NOFORN in a mailbox attachment\n")
        + b"--b--\n"
    )
    found["archive.mbox"] = "TOP SECRET//NOFORN"
    (root / "one-nul.txt").write_bytes(b"Harbour memo.\x00\nSECRET//NOFORN\n")
    found["one-nul.txt"] = "SECRET//NOFORN"
    (root / "binary-named.txt").write_bytes(bytes(range(256)) * 64)
    errors["binary-named.txt"] = "binary"
    for name, (data, marking) in docx_hidden_parts().items():
        (root / name).write_bytes(data)
        found[name] = marking
    (root / "html-parts.html").write_text(
        '<html><head><meta name="classification" content="SECRET//NOFORN"></head><body>'
        "<p>Visible.</p><svg><text>TOP SECRET//NOFORN svg</text></svg>"
        "<noscript>SECRET//REL TO USA, GBR</noscript>"
        "<template><p>TOP SECRET//SI//NOFORN template</p></template>"
        '<iframe srcdoc="&lt;p&gt;CONFIDENTIAL//NOFORN frame&lt;/p&gt;"></iframe>'
        '<input name="q" value="SECRET//ORCON"></body></html>',
        encoding="utf-8",
    )
    found["html-parts.html"] = "TOP SECRET//SI//NOFORN"
    (root / "rlo.txt").write_text(
        "Routine.\n\u202eNROFON//TERCES\u202c\nS\u0415CR\u0415T//NOFORN\n", encoding="utf-8"
    )
    (root / "ok.pdf").write_bytes(pdf_with_streams([text_page("SECRET//NOFORN", "Berth 4")]))
    found["ok.pdf"] = "SECRET//NOFORN"

    # --- 1. code execution (another change; planted only when asked) ------------------------
    if git_config:
        repo = root / "repo"
        (repo / ".git").mkdir(parents=True)
        (repo / ".git" / "config").write_text(
            f"[core]\n\tfsmonitor = touch {marker}\n\tsshCommand = touch {marker}\n"
            f"[diff]\n\texternal = touch {marker}\n",
            encoding="utf-8",
        )
        (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
        (repo / "note.txt").write_text("SECRET//NOFORN in a repository\n", encoding="utf-8")
        found["repo/note.txt"] = "SECRET//NOFORN"
        # a repository whose .gitignore leaves everything out: said on stderr, never silent
        hiding = root / "hiding"
        (hiding / ".git").mkdir(parents=True)
        (hiding / ".gitignore").write_text("*\n", encoding="utf-8")
        (hiding / "left-out.txt").write_text("TOP SECRET//NOFORN\n", encoding="utf-8")
    return {"errors": errors, "found": found, "clean": clean, "marker": marker}


def snapshot(root: Path) -> dict[bytes, tuple | None]:
    """Every entry under ``root`` (names as bytes: some are not UTF-8) with size and mtime."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
            except OSError:  # past PATH_MAX: listed by name only
                out[path] = None
                continue
            out[path] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return out
