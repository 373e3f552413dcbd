"""HTML: the text a browser shows, and apart from it what it does not show.

Visible text goes to ``body`` (SVG and MathML text, ``<noscript>`` and ``<object>`` fallback
included); elements hidden with ``display:none``, ``visibility:hidden``, the ``hidden``
attribute or a ``<template>`` go to ``hidden-text``; HTML comments to ``comment``; the title,
``<meta>`` contents and ``title``/``alt``/``aria-label``/``placeholder`` attributes to
``metadata``; input values to ``form-field``; a page in an ``<iframe srcdoc>`` to
``iframe-…`` parts. Scripts and styles are not text and are skipped. Parsed with lxml, which
never fetches anything.
"""

from __future__ import annotations

import re

from lxml import etree, html

from redactcheck.document import Document, Segment
from redactcheck.extract import ExtractError
from redactcheck.extract.hidden import hidden_finding

#: not text: code and style; ``head`` is read for its title and ``<meta>`` only
_SKIP = {"script", "style", "head"}
#: never shown by a browser, yet in the file: read as hidden text
_NEVER_SHOWN = {"template"}
#: ``<meta>`` names that describe the page's mechanics, not its content
_TECHNICAL_META = {"viewport", "robots", "theme-color", "color-scheme", "referrer",
                   "format-detection", "content-type", "x-ua-compatible", "googlebot"}  # fmt: skip
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul",
    "title", "caption", "details", "summary", "option",
    "svg", "text", "math", "noscript", "object", "template", "textarea",
}  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
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
                doc.hidden.append(
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
    if not data.strip():
        return []
    root = _parse(data)
    if root is None:
        return []
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
        if name not in _TECHNICAL_META and content and content.strip():
            meta.append(f"{name or 'meta'}: {_clean(content)}")
    fields: list[str] = []
    frames: list[tuple[Segment, tuple[str, str] | None]] = []

    def walk(el: etree._Element, in_hidden: bool) -> None:
        if isinstance(el, etree._Comment):
            if (el.text or "").strip():
                comments.append(_clean(el.text or ""))
            return
        if not isinstance(el.tag, str):
            return
        tag = el.tag.lower()
        if "}" in tag:  # svg/math elements may carry a namespace
            tag = tag.rsplit("}", 1)[1]
        if tag in _SKIP:
            return
        now_hidden = in_hidden or tag in _NEVER_SHOWN or _is_hidden(el, hiding_classes, hiding_ids)
        out = hidden if now_hidden else visible
        for attr in ("title", "alt", "aria-label", "placeholder"):
            value = el.get(attr)
            if value and value.strip():
                meta.append(f"{attr}: {_clean(value)}")
        if tag == "input" and (el.get("value") or "").strip():
            if now_hidden:
                out.append(el.get("value") or "")
                out.append("\n")
            else:
                fields.append(f"{el.get('name') or 'input'}: {_clean(el.get('value') or '')}")
        if tag == "iframe" and (el.get("srcdoc") or "").strip():
            # a whole page in an attribute: read it like any page, under its own parts
            for segment, flag in html_segments(el.get("srcdoc") or ""):
                segment.part = f"iframe-{segment.part}"
                frames.append((segment, flag))
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
        ("form-field", fields, None),
    ):
        joiner = "" if part in ("body", "hidden-text") else "\n"
        text = _lines(joiner.join(pieces))
        if text:
            out.append((Segment(text, part), flag))
    return out + frames


def _parse(data: bytes | str) -> etree._Element | None:
    """The document tree, read whole or refused: never a silently shortened tree.

    libxml2 stops at a text node, attribute or comment over 10 MB ("Buffer size limit
    exceeded") and drops everything after it; such a file is read again without that limit
    (its size is bounded by ``--max-file-size``, its memory by ``--max-memory``). Nesting over
    256 levels is refused with an error, as libxml2 drops what lies deeper."""
    for huge in (False, True):
        parser = html.HTMLParser(
            remove_comments=False, no_network=True, recover=True, huge_tree=huge
        )
        try:
            root = html.fromstring(data, parser=parser)
        except etree.ParserError:  # nothing but blanks or comments: no text
            return None
        errors = list(parser.error_log)
        if any("Excessive depth" in e.message for e in errors):
            raise ExtractError("HTML nested too deeply (over 256 levels), not scanned")
        if not any(e.type_name == "ERR_RESOURCE_LIMIT" for e in errors):
            return root
    raise ExtractError("HTML holds a part over the parser's size limit; not scanned")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    """Collapse runs of spaces and blank lines the way a browser does (roughly)."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
