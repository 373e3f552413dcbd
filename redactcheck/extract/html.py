"""HTML: the text a browser shows, and apart from it what it does not show.

Visible text goes to ``body``; elements hidden with ``display:none``, ``visibility:hidden`` or
the ``hidden`` attribute go to ``hidden-text``; HTML comments to ``comment``; the title,
``<meta>`` contents and ``title``/``alt`` attributes to ``metadata``. Scripts and styles are
not text and are skipped. Parsed with lxml, which never fetches anything.
"""

from __future__ import annotations

import re

from lxml import etree, html

from redactcheck.document import Document, Segment
from redactcheck.extract import ExtractError
from redactcheck.extract.hidden import hidden_finding

_SKIP = {"script", "style", "template", "noscript", "head", "svg", "math", "object", "iframe"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul",
    "title", "caption", "details", "summary", "option",
}  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_NAMES = {"author", "description", "keywords", "creator", "publisher", "dc.creator",
               "dc.contributor", "dc.publisher", "og:title", "og:description", "twitter:creator",
               "subject", "reply-to", "copyright"}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v]+")


def extract_html(path: str, data: bytes) -> Document:
    doc = Document(path=path, media_type="text/html")
    add_html(doc, data)
    return doc


def add_html(doc: Document, data: bytes | str) -> None:
    """Add the segments of an HTML text to ``doc``, with a finding for each hidden line."""
    for segment, flagged in html_segments(data):
        doc.segments.append(segment)
        if not flagged:
            continue
        rule, reason = flagged
        severity = "low" if rule == "HIDDEN-COMMENT" else None  # page comments are common
        offset = 0
        for line in segment.text.split("\n"):
            if line.strip():
                doc.findings.append(
                    hidden_finding(
                        rule, segment, offset, offset + len(line), reason=reason, severity=severity
                    )
                )
            offset += len(line) + 1


#: the class or id a selector ends with (``div .note`` -> ``.note``)
_LAST_SIMPLE = re.compile(r"([.#])([\w-]+)\s*\Z")


def _hiding_selectors(root: etree._Element) -> tuple[set[str], set[str]]:
    """Classes and ids that the page's own stylesheets hide (``.name { display: none }``,
    ``#a, .b {visibility: hidden}``, inside ``@media`` too).

    The stylesheet is cut at each ``}`` and each piece read once, so the time is linear in
    its length: a single regular expression spanning selector and block took 57 s on
    120 KB of crafted CSS (issue 15)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in root.iter("style"):
        for block in (style.text or "").split("}"):
            head, brace, body = block.rpartition("{")
            if not brace or not _HIDDEN_STYLE.search(body):
                continue
            selectors = re.split(r"[{};]", head)[-1]
            for selector in selectors.split(","):
                m = _LAST_SIMPLE.search(selector)
                if m:
                    (classes if m.group(1) == "." else ids).add(m.group(2))
    return classes, ids


def _is_hidden(el: etree._Element, classes: set[str], ids: set[str]) -> bool:
    if el.get("hidden") is not None:
        return True
    if el.tag == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    if classes and classes.intersection((el.get("class") or "").split()):
        return True
    if ids and el.get("id") in ids:
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def html_segments(data: bytes | str) -> list[tuple[Segment, tuple[str, str] | None]]:
    """Segments of an HTML document, each with the hidden-content rule its lines fall under."""
    parser = html.HTMLParser(remove_comments=False, no_network=True, recover=True, huge_tree=False)
    if not data.strip():
        return []
    try:
        root = html.fromstring(data, parser=parser)
    except etree.ParserError:  # nothing but blanks or comments: no text
        return []
    if any("Excessive depth" in e.message for e in parser.error_log):
        # libxml2 stops at 256 levels and would silently drop the rest: refuse instead
        raise ExtractError("HTML nested too deeply (over 256 levels), not scanned")
    visible: list[str] = []
    hidden: list[str] = []
    comments: list[str] = []
    meta: list[str] = []

    hiding_classes, hiding_ids = _hiding_selectors(root)
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        meta.append(f"title: {_clean(title.text)}")
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or el.get("http-equiv") or "").lower()
        content = el.get("content")
        if name in _META_NAMES and content and content.strip():
            meta.append(f"{name}: {_clean(content)}")

    def walk(el: etree._Element, in_hidden: bool) -> None:
        if isinstance(el, etree._Comment):
            if (el.text or "").strip():
                comments.append(_clean(el.text or ""))
            return
        if not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        if tag in _SKIP:
            return
        now_hidden = in_hidden or _is_hidden(el, hiding_classes, hiding_ids)
        out = hidden if now_hidden else visible
        for attr in ("title", "alt"):
            value = el.get(attr)
            if value and value.strip():
                meta.append(f"{attr}: {_clean(value)}")
        if tag == "input" and el.get("value") and now_hidden:
            out.append(el.get("value") or "")
            out.append("\n")
        if tag in _BLOCK:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child, now_hidden)
            if child.tail:
                out.append(child.tail)
        if tag in _BLOCK:
            out.append("\n")

    walk(root, False)
    # comments before or after the root element are siblings, not children
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        if isinstance(sibling, etree._Comment) and (sibling.text or "").strip():
            comments.append(_clean(sibling.text or ""))

    out: list[tuple[Segment, tuple[str, str] | None]] = []
    for part, pieces, flag in (
        ("body", visible, None),
        ("hidden-text", hidden, ("HIDDEN-TEXT", "hidden element")),
        ("comment", comments, ("HIDDEN-COMMENT", "")),
        ("metadata", list(dict.fromkeys(meta)), None),  # a repeated title="…" once
    ):
        joiner = "" if part in ("body", "hidden-text") else "\n"
        text = _lines(joiner.join(pieces))
        if text:
            out.append((Segment(text, part), flag))
    return out


def _clean(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    """Collapse runs of spaces and blank lines the way a browser does (roughly)."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
