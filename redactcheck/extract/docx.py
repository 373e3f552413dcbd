"""DOCX: everything Word keeps, not only what it shows.

Body and tables, headers and footers, footnotes and endnotes, comments, tracked insertions and
deletions, hidden (``w:vanish``) text, text boxes, core, extended and custom properties. The
package is read with ``zipfile`` and lxml (entities and network off), after checking member
count and sizes so a zip bomb is refused before anything is inflated.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from redactcheck.document import Document, Segment
from redactcheck.extract import ExtractError, add_attachment
from redactcheck.extract.hidden import hidden_finding, identifies
from redactcheck.limits import read_member

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"

#: property (local name) -> label; those marked True identify a person or organisation.
CORE_FIELDS = {
    "creator": ("author", True),
    "lastModifiedBy": ("last modified by", True),
    "title": ("title", False),
    "subject": ("subject", False),
    "description": ("comments", False),
    "keywords": ("keywords", False),
    "category": ("category", False),
    "contentStatus": ("status", False),
}
APP_FIELDS = {"Company": ("company", True), "Manager": ("manager", True)}

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


@dataclass(slots=True)
class Lines:
    """Lines of one part, with the spans a hidden-content finding should cover."""

    lines: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # line, char start, reason

    def add(self, text: str, *, flag: str | None = None, flag_from: int = 0) -> None:
        text = text.replace("\r", " ").replace("\n", " ")
        if not text.strip():
            return
        self.lines.append(text)
        if flag is not None:
            self.spans.append((len(self.lines) - 1, flag_from, flag))

    def segment(self, part: str) -> Segment | None:
        return Segment("\n".join(self.lines), part) if self.lines else None


def extract_docx(path: str, data: bytes) -> Document:
    doc = Document(
        path=path,
        media_type=("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    )
    package = _open(data)
    names = set(package.namelist())
    if "word/document.xml" not in names:
        raise ExtractError("not a Word document (no word/document.xml)")
    parts: dict[str, Lines] = {}

    def lines(part: str) -> Lines:
        return parts.setdefault(part, Lines())

    body = _xml(package, "word/document.xml")
    _read_story(body, "body", lines)
    for name in sorted(names):
        if re.fullmatch(r"word/header\d*\.xml", name):
            _read_story(_xml(package, name), "header", lines)
        elif re.fullmatch(r"word/footer\d*\.xml", name):
            _read_story(_xml(package, name), "footer", lines)
    for name, part in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        if name in names:
            _read_story(_xml(package, name), part, lines)
    if "word/comments.xml" in names:
        _read_comments(_xml(package, "word/comments.xml"), lines("comment"))
    if "word/glossary/document.xml" in names:  # building blocks: text Word keeps, not shows
        _read_story(_xml(package, "word/glossary/document.xml"), "glossary", lines)
    _read_properties(package, names, lines("metadata"))
    if "word/settings.xml" in names:
        _read_variables(_xml(package, "word/settings.xml"), lines("metadata"))
    for name in sorted(names):
        if re.fullmatch(r"customXml/item\d+\.xml", name):
            _read_custom_xml(_xml(package, name), lines("custom-xml"))
    _read_alt_text(body, lines("alt-text"))
    _read_embedded(package, names, body, doc)

    for part, content in parts.items():
        segment = content.segment(part)
        if segment is None:
            continue
        doc.segments.append(segment)
        starts = [0]
        for line in content.lines:
            starts.append(starts[-1] + len(line) + 1)
        for line_no, char_from, reason in content.spans:
            start = starts[line_no] + char_from
            end = starts[line_no] + len(content.lines[line_no])
            rule = {
                "comment": "HIDDEN-COMMENT",
                "tracked-deletion": "HIDDEN-TRACKED-CHANGE",
                "tracked-insertion": "HIDDEN-TRACKED-CHANGE",
                "hidden-text": "HIDDEN-TEXT",
                "alternate-content": "HIDDEN-TEXT",
                "metadata": "HIDDEN-METADATA",
            }[part]
            doc.hidden.append(hidden_finding(rule, segment, start, end, reason=reason))
    return doc


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError) as exc:
        raise ExtractError("not a valid DOCX (not a zip archive)") from exc
    infos = package.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ExtractError(f"DOCX has too many members ({len(infos)}), not scanned")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise ExtractError("DOCX unpacks to more than the size limit (zip bomb?), not scanned")
    return package


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        with package.open(name) as fh:
            raw = fh.read(MAX_MEMBER_BYTES + 1)
    except (
        zipfile.BadZipFile, zlib.error, OSError, RuntimeError, EOFError, ValueError,
        NotImplementedError,
    ) as exc:  # fmt: skip
        raise ExtractError(f"damaged DOCX: cannot unpack {name}") from exc
    if len(raw) > MAX_MEMBER_BYTES:
        raise ExtractError(f"DOCX member {name} is larger than the size limit")
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ExtractError(f"damaged DOCX: {name} is not well-formed XML") from exc
    if root is None:
        raise ExtractError(f"damaged DOCX: {name} is empty")
    return root


def _is_on(el: etree._Element | None) -> bool:
    if el is None:
        return False
    return el.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _run_text(run: etree._Element, deleted: bool = False) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == f"{_W}t" or (deleted and tag == f"{_W}delText"):
            out.append(child.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _author(el: etree._Element) -> str:
    return " ".join((el.get(f"{_W}author") or "").split())


def _read_story(root: etree._Element, part: str, lines) -> None:
    """Every paragraph of a story (body, header, note …), text boxes included, in order.

    Inserted, deleted and hidden runs go to their own parts (one line per change, prefixed with
    its author) so each text is scanned once, and the visible line reads as the reader sees it.
    """
    fallback: list[str] = []
    for para in root.iter(f"{_W}p"):
        if any(
            isinstance(a.tag, str) and a.tag == f"{{{MC}}}Fallback" for a in para.iterancestors()
        ):
            # mostly the same text box as in mc:Choice; what differs, Word never shows
            fallback.append("".join(_run_text(r) for r in para.iter(f"{_W}r") if _owner(r) is para))
            continue
        visible: list[str] = []
        changes: list[tuple[str, str, str]] = []  # (part, author, text)
        for run in para.iter(f"{_W}r"):
            if _owner(run) is not para:
                continue
            wrapper = _change_wrapper(run, para)
            props = run.find(f"{_W}rPr")
            hidden = props is not None and _is_on(props.find(f"{_W}vanish"))
            if wrapper is not None and wrapper.tag in (f"{_W}del", f"{_W}moveFrom"):
                text = _run_text(run, deleted=True)
                _append_change(changes, "tracked-deletion", _author(wrapper), text)
            elif wrapper is not None:
                _append_change(changes, "tracked-insertion", _author(wrapper), _run_text(run))
            elif hidden:
                _append_change(changes, "hidden-text", "", _run_text(run))
            else:
                visible.append(_run_text(run))
        lines(part).add("".join(visible))
        instructions = " ".join(
            " ".join((t.text or "").split()) for t in para.iter(f"{_W}instrText")
        ) + " ".join(f.get(f"{_W}instr") or "" for f in para.iter(f"{_W}fldSimple"))
        lines("field-code").add(" ".join(instructions.split()))
        for change_part, author, text in changes:
            if not text.strip():
                continue
            if change_part == "hidden-text":
                where = "" if part == "body" else f" in {part}"
                lines("hidden-text").add(text, flag=f"w:vanish{where}")
            else:
                prefix = f"{author}: " if author else ""
                kind = "deletion" if change_part == "tracked-deletion" else "insertion"
                lines(change_part).add(prefix + text, flag=kind)
    _read_fallback(fallback, part, lines)


def _read_fallback(texts: list[str], part: str, lines) -> None:
    shown = set(lines(part).lines)
    for text in texts:
        if text.strip() and text.replace("\r", " ").replace("\n", " ") not in shown:
            where = "" if part == "body" else f" in {part}"
            lines("alternate-content").add(text, flag=f"mc:Fallback text Word does not show{where}")


def _owner(run: etree._Element) -> etree._Element | None:
    for ancestor in run.iterancestors(f"{_W}p"):
        return ancestor
    return None


def _change_wrapper(run: etree._Element, para: etree._Element) -> etree._Element | None:
    for ancestor in run.iterancestors():
        if ancestor is para:
            return None
        if ancestor.tag in (f"{_W}del", f"{_W}ins", f"{_W}moveFrom", f"{_W}moveTo"):
            return ancestor
    return None


def _append_change(changes: list[tuple[str, str, str]], part: str, author: str, text: str) -> None:
    if changes and changes[-1][0] == part and changes[-1][1] == author:
        changes[-1] = (part, author, changes[-1][2] + text)
    else:
        changes.append((part, author, text))


def _read_comments(root: etree._Element, lines: Lines) -> None:
    for comment in root.iter(f"{_W}comment"):
        paras = []
        for para in comment.iter(f"{_W}p"):
            paras.append("".join(_run_text(r, deleted=False) for r in para.iter(f"{_W}r")))
        text = " ".join(p for p in paras if p.strip())
        author = _author(comment)
        line = f"{author}: {text}" if author else text
        if line.strip():
            lines.add(line, flag="comment")


def _read_properties(package: zipfile.ZipFile, names: set[str], lines: Lines) -> None:
    """Core (docProps/core.xml), extended (app.xml) and custom (custom.xml) properties."""
    if "docProps/core.xml" in names:
        for el in _xml(package, "docProps/core.xml"):
            _property(lines, etree.QName(el).localname, el.text, CORE_FIELDS)
    if "docProps/app.xml" in names:
        for el in _xml(package, "docProps/app.xml"):
            _property(lines, etree.QName(el).localname, el.text, APP_FIELDS)
    if "docProps/custom.xml" in names:
        for prop in _xml(package, "docProps/custom.xml"):
            name = prop.get("name") or "property"
            value = " ".join("".join(prop.itertext()).split())
            if value:
                label = f"custom property {name}"
                lines.add(f"{label}: {value}", flag=label, flag_from=len(label) + 2)


def _property(lines: Lines, local: str, text: str | None, known: dict) -> None:
    if local not in known or not text or not text.strip():
        return
    label, identifying = known[local]
    value = " ".join(text.split())
    if identifying and identifies(value):
        lines.add(f"{label}: {value}", flag=label, flag_from=len(label) + 2)
    else:
        lines.add(f"{label}: {value}")


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: embedded files and alternative-format chunks read like attachments, by extension
_READABLE_EMBEDDED = (".docx", ".pdf", ".htm", ".html", ".xhtml", ".txt", ".eml", ".md")


def _read_variables(settings: etree._Element, lines: Lines) -> None:
    """Document variables (``w:docVar``): name/value pairs macros and templates keep, never
    shown in the document."""
    for var in settings.iter(f"{_W}docVar"):
        name = var.get(f"{_W}name") or "variable"
        value = " ".join((var.get(f"{_W}val") or "").split())
        if value:
            label = f"document variable {name}"
            lines.add(f"{label}: {value}", flag=label, flag_from=len(label) + 2)


def _read_custom_xml(root: etree._Element, lines: Lines) -> None:
    """Custom XML data parts (data bound to content controls, or left there by a tool)."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.text and el.text.strip():
            lines.add(" ".join(el.text.split()))
        for value in el.attrib.values() if isinstance(el.tag, str) else ():
            if len(value.split()) > 1:  # prose in an attribute, not an identifier
                lines.add(" ".join(value.split()))


def _read_alt_text(root: etree._Element, lines: Lines) -> None:
    """Alternative text and titles of pictures, shapes and charts (``wp:docPr``)."""
    for el in root.iter(f"{{{WP}}}docPr"):
        for attr in ("title", "descr"):
            value = " ".join((el.get(attr) or "").split())
            if value:
                lines.add(value)


def _read_embedded(
    package: zipfile.ZipFile, names: set[str], body: etree._Element, doc: Document
) -> None:
    """Embedded documents (``word/embeddings/``) and alternative-format chunks
    (``w:altChunk``: a whole HTML, text or Word file merged in when opened), read like
    attachments; a format redactcheck cannot read is named under errors, not passed over."""

    targets = [n for n in sorted(names) if n.startswith("word/embeddings/") and not n.endswith("/")]
    chunk_ids = [c.get(f"{{{R}}}id") for c in body.iter(f"{_W}altChunk")]
    if chunk_ids and "word/_rels/document.xml.rels" in names:
        rels = _xml(package, "word/_rels/document.xml.rels")
        by_id = {
            r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{{{PKG_RELS}}}Relationship")
        }
        for ident in chunk_ids:
            target = by_id.get(ident, "")
            member = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            if member in names and member not in targets:
                targets.append(member)
    for member in targets:
        label = member.rsplit("/", 1)[-1]
        if not label.lower().endswith(_READABLE_EMBEDDED):
            doc.errors.append(f"embedded file {label} not read (format not supported)")
            continue
        add_attachment(doc, label, read_member(package, member))
