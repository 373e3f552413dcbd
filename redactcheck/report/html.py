"""HTML review report: one self-contained file an archivist can read, filter, print and hand on.

Every document is shown with each finding highlighted in a ``<mark>`` that carries its rule,
severity, category, page and part. No outside URL, font or script is referenced: the CSS and the
small filter script are inline, and a Content-Security-Policy forbids loading anything else.
Under ``--redact`` the report reaches this renderer already masked (``report/redact.py`` replaces
every occurrence of any matched text in the document text by private-use characters of the same
length, so offsets still hold); runs of them are shown as ``[REDACTED …]``.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from redactcheck import __version__
from redactcheck.catalog import BUILTIN
from redactcheck.document import Segment
from redactcheck.finding import CATEGORIES, SEVERITIES, Finding, severity_rank
from redactcheck.report.page_view import CSS as PAGE_CSS
from redactcheck.report.page_view import page_views
from redactcheck.results import Report

#: the character ``report/redact.py`` puts in place of every masked character of document text
MASK_CHAR = "\ue000"
_MASKED = re.compile(f"{MASK_CHAR}+")

CSS = """
:root { --high:#ff8a80; --medium:#ffd54f; --low:#b3e5fc; --info:#e0e0e0; --ink:#1a1a1a; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; color: #555; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
pre.text { white-space: pre-wrap; word-wrap: break-word;
  font: 14px/1.6 ui-monospace, "DejaVu Sans Mono", monospace;
  background: #fafafa; border: 1px solid #ddd; padding: .8rem; }
mark { padding: 0 .1em; border-radius: 2px; color: var(--ink); }
mark.sev-high { background: var(--high); } mark.sev-medium { background: var(--medium); }
mark.sev-low { background: var(--low); } mark.sev-info { background: var(--info); }
sup.tag { font: 10px ui-monospace, monospace; color: #444; margin-left: 1px; }
.sev { font-weight: 600; } .sev-high-t { color: #b00020; } .sev-medium-t { color: #8a6d00; }
.redacted { font-style: italic; color: #444; }
.filters { background: #f6f6f6; border: 1px solid #ddd; padding: .5rem 1rem; margin: 1rem 0; }
.filters label { margin-right: 1rem; white-space: nowrap; }
.meta { color: #555; }
.unplaced { color: #555; font-size: .9rem; }
.gap { color: #888; }
body.hide-cat-marking .cat-marking, body.hide-cat-pii .cat-pii,
body.hide-cat-hidden .cat-hidden, body.hide-cat-structure .cat-structure,
body.hide-sev-high .sev-high, body.hide-sev-medium .sev-medium,
body.hide-sev-low .sev-low, body.hide-sev-info .sev-info { background: transparent; }
body.hide-cat-marking tr.cat-marking, body.hide-cat-pii tr.cat-pii,
body.hide-cat-hidden tr.cat-hidden, body.hide-cat-structure tr.cat-structure,
body.hide-sev-high tr.sev-high, body.hide-sev-medium tr.sev-medium,
body.hide-sev-low tr.sev-low, body.hide-sev-info tr.sev-info,
body.hide-cat-marking sup.cat-marking, body.hide-cat-pii sup.cat-pii,
body.hide-cat-hidden sup.cat-hidden, body.hide-cat-structure sup.cat-structure,
body.hide-sev-high sup.sev-high, body.hide-sev-medium sup.sev-medium,
body.hide-sev-low sup.sev-low, body.hide-sev-info sup.sev-info { display: none; }
@media print {
  .filters { display: none; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  article.doc { break-before: page; }
  mark, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  pre.text { border: none; background: none; }
}
"""

# toggles a class on <body> per unticked box (CSS does the hiding); "#hide=sev-low,cat-pii" in
# the address unticks boxes on load, so a filtered view can be linked to
SCRIPT = """
function apply(box) { document.body.classList.toggle('hide-' + box.value, !box.checked); }
var hidden = ((location.hash.match(/hide=([A-Za-z,-]+)/) || [])[1] || '').split(',');
document.querySelectorAll('.filters input').forEach(function (box) {
  if (hidden.indexOf(box.value) >= 0) { box.checked = false; }
  apply(box);
  box.addEventListener('change', function () { apply(box); });
});
"""

#: page images are embedded as data: URLs (report/page_view.py); nothing else may load
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _rule_name(report: Report, rule_id: str) -> str:
    for r in report.rules:
        if r.spec.id == rule_id:
            return r.spec.name
    info = BUILTIN.get(rule_id)
    return info.name if info else rule_id


def _plain(text: str, label: str = "[REDACTED]") -> str:
    """Escaped text with masked runs shown as one label (hides the length of what was masked)."""
    out, pos = [], 0
    for m in _MASKED.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(f'<span class="redacted">{escape(label)}</span>')
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _mark_open(f: Finding, ident: str) -> str:
    where = [f.rule_id, f.severity, f.category]
    if f.page is not None:
        where.append(f"page {f.page}")
    where += [f.part, f"line {f.line}"]
    classes = f"sev-{f.severity} cat-{f.category}"
    return (
        f'<mark id="{ident}" class="{classes}" data-rule="{escape(f.rule_id)}" '
        f'data-severity="{f.severity}" data-category="{f.category}" '
        f'data-page="{f.page or ""}" data-part="{escape(f.part)}" '
        f'title="{escape(" · ".join(where))}">'
    )


def _render_range(text: str, a: int, b: int, items: list[tuple[Finding, str]], label: str) -> str:
    """Text ``[a, b)`` with the findings in ``items`` (sorted by start, longest first) nested as
    marks; a finding that overlaps an earlier one only in part starts where that one ends."""
    out: list[str] = []
    pos, i = a, 0
    pending: list[tuple[Finding, str]] = []  # partial overlaps, all starting before items[i]
    while pending or i < len(items):
        if pending:
            f, ident = pending.pop(0)
        else:
            f, ident = items[i]
            i += 1
        start, end = max(f.start, pos), min(f.end, b)
        if start >= end:
            continue
        children: list[tuple[Finding, str]] = []
        later: list[tuple[Finding, str]] = []
        for it in pending:
            (children if it[0].start < end and it[0].end <= end else later).append(it)
        while i < len(items) and items[i][0].start < end:
            (children if items[i][0].end <= end else later).append(items[i])
            i += 1
        pending = later
        children.sort(key=lambda it: (it[0].start, -it[0].end))
        out.append(_plain(text[pos:start], label))
        out.append(_mark_open(f, ident))
        out.append(_render_range(text, start, end, children, f"[REDACTED {f.entity}]"))
        out.append(f'</mark><sup class="tag sev-{f.severity} cat-{f.category}">')
        out.append(f"{escape(f.rule_id)}</sup>")
        pos = end
    out.append(_plain(text[pos:b], label))
    return "".join(out)


#: texts longer than this are shown as excerpts around the findings, not whole
WHOLE_TEXT_LIMIT = 100_000
EXCERPT_LINES = 5


def _windows(text: str, items: list[tuple[Finding, str]]) -> list[tuple[int, int]]:
    """Merged line ranges with ``EXCERPT_LINES`` lines around each finding."""
    spans: list[tuple[int, int]] = []
    for f, _ in items:
        start = f.start
        for _ in range(EXCERPT_LINES + 1):
            start = text.rfind("\n", 0, max(start - 1, 0)) + 1 if start > 0 else 0
        end = f.end
        for _ in range(EXCERPT_LINES + 1):
            nl = text.find("\n", end + 1)
            end = len(text) if nl == -1 else nl
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _render_segment(text: str, items: list[tuple[Finding, str]]) -> str:
    if len(text) <= WHOLE_TEXT_LIMIT:
        return _render_range(text, 0, len(text), items, "[REDACTED]")
    out = []
    for a, b in _windows(text, items):
        inside = [it for it in items if a <= it[0].start and it[0].end <= b]
        gap = '<span class="gap">…</span>\n' if a > 0 else ""
        out.append(gap + _render_range(text, a, b, inside, "[REDACTED]"))
    if out and _windows(text, items)[-1][1] < len(text):
        out.append('\n<span class="gap">…</span>')
    return "".join(out)


def _segment_of(f: Finding, segments: list[Segment], masked: bool) -> int | None:
    for n, s in enumerate(segments):
        if s.part != f.part or s.page != f.page or f.end > len(s.text) or f.start >= f.end:
            continue
        piece = s.text[f.start : f.end]
        if piece == f.text or (masked and set(piece) == {MASK_CHAR}):
            return n
    return None


def _summary(report: Report) -> str:
    by_file: dict[str, Counter] = {}
    for f in report.findings:
        c = by_file.setdefault(f.path, Counter())
        c[f.category] += 1
        c[f.severity] += 1
        c["total"] += 1
    cols = list(CATEGORIES) + list(reversed(SEVERITIES)) + ["total"]
    head = "".join(f"<th>{c}</th>" for c in cols)
    rows = []
    totals: Counter = Counter()
    for path in sorted(by_file):
        c = by_file[path]
        totals.update(c)
        cells = "".join(f'<td class="n">{c.get(k, 0)}</td>' for k in cols)
        rows.append(f'<tr><td><a href="#{_doc_id(path)}">{escape(path)}</a></td>{cells}</tr>')
    cells = "".join(f'<td class="n">{totals.get(k, 0)}</td>' for k in cols)
    rows.append(f"<tr><th>all files</th>{cells}</tr>")
    return f'<table class="summary"><tr><th>file</th>{head}</tr>{"".join(rows)}</table>'


def _doc_id(path: str) -> str:
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]", "_", path)


def _filters() -> str:
    boxes = [
        f'<label><input type="checkbox" value="cat-{c}" checked> {c}</label>' for c in CATEGORIES
    ]
    boxes.append("&nbsp;|&nbsp;")
    boxes += [
        f'<label><input type="checkbox" value="sev-{s}" checked> {s}</label>'
        for s in reversed(SEVERITIES)
    ]
    return f'<div class="filters"><strong>Show:</strong> {"".join(boxes)}</div>'


def _document(
    report: Report, path: str, findings: list[Finding], ids: dict[int, str], masked: bool
) -> str:
    segments = report.documents.get(path, [])
    placed: dict[int, list[tuple[Finding, str]]] = {}
    unplaced: list[Finding] = []
    for f in findings:
        n = _segment_of(f, segments, masked)
        if n is None:
            unplaced.append(f)
        else:
            placed.setdefault(n, []).append((f, ids[id(f)]))
    rows = []
    for f in findings:
        page = "" if f.page is None else str(f.page)
        rows.append(
            f'<tr class="sev-{f.severity} cat-{f.category}">'
            f'<td><a href="#{ids[id(f)]}" title="{escape(_rule_name(report, f.rule_id))}">'
            f"{escape(f.rule_id)}</a></td>"
            f'<td class="sev sev-{f.severity}-t">{f.severity}</td><td>{f.category}</td>'
            f"<td>{page}</td><td>{escape(f.part)}</td><td>{f.line}:{f.column}</td>"
            f"<td>{escape(f.message)}</td></tr>"
        )
    parts = [
        f'<article class="doc" id="{_doc_id(path)}"><h2>{escape(path)}</h2>',
        f'<p class="meta">{len(findings)} finding(s)</p>',
        "<table><tr><th>rule</th><th>severity</th><th>category</th><th>page</th><th>part</th>"
        f"<th>line</th><th>what to check</th></tr>{''.join(rows)}</table>",
        page_views(path, findings, masked, ids),
    ]
    for n, segment in enumerate(segments):
        items = sorted(placed.get(n, []), key=lambda it: (it[0].start, -it[0].end))
        if not items and len(segments) > 1:
            continue  # long documents: show only the parts with something to review
        where = segment.part if segment.page is None else f"page {segment.page} · {segment.part}"
        body = _render_segment(segment.text, items)
        parts.append(f'<h3>{escape(where)}</h3><pre class="text">{body}</pre>')
    if unplaced:
        # under --redact no document text reaches the report: every finding is listed here
        heading = (
            "Findings (document text not shown: --redact)"
            if masked and not segments
            else "Not in the text shown"
        )
        items_html = "".join(
            f'<li id="{ids[id(f)]}" class="sev-{f.severity} cat-{f.category}">'
            f"{escape(f.rule_id)} ({f.severity}, {escape(f.part)}): "
            f'<mark class="sev-{f.severity} cat-{f.category}">{_plain(f.text)}</mark>'
            f" — {_plain(f.context)}</li>"
            for f in unplaced
        )
        parts.append(f'<div class="unplaced"><h3>{heading}</h3><ul>{items_html}</ul></div>')
    parts.append("</article>")
    return "".join(parts)


def render(report: Report) -> str:
    masked = (
        bool(report.documents)
        and any(MASK_CHAR in s.text for segs in report.documents.values() for s in segs)
        or any(f.text.startswith("[REDACTED") for f in report.findings)
    )
    ids = {id(f): f"f{n}" for n, f in enumerate(report.findings, 1)}
    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    s = report.summary()
    worst = max((severity_rank(f.severity) for f in report.findings), default=-1)
    docs = "".join(_document(report, p, by_path[p], ids, masked) for p in sorted(by_path))
    errors = ""
    if report.errors:
        items = "".join(f"<li>{escape(e.path)}: {escape(e.message)}</li>" for e in report.errors)
        errors = (
            f'<section id="errors"><h2>Files that could not be read</h2><ul>{items}</ul></section>'
        )
    baseline = ""
    if report.baseline:
        stale = report.baseline.get("stale") or []
        lis = "".join(
            f"<li>{escape(e['path'])} {escape(e['rule_id'])} "
            f"<code>{escape(e['fingerprint'])}</code></li>"
            for e in stale
        )
        baseline = (
            f'<section id="baseline"><h2>Baseline</h2><p>{report.baseline["matched"]} accepted '
            f"finding(s) not shown; {len(stale)} stale entr{'y' if len(stale) == 1 else 'ies'}."
            f"</p><ul>{lis}</ul></section>"
        )
    clean = "" if report.findings else "<p>No findings.</p>"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="redactcheck {escape(__version__)}">
<title>redactcheck review report</title><style>{CSS}{PAGE_CSS}</style></head>
<body>
<header><h1>redactcheck review report</h1>
<p class="meta">{s["files_scanned"]} file(s) scanned · {s["findings"]} finding(s) ·
{s["errors"]} error(s){" · highest severity " + SEVERITIES[worst] if worst >= 0 else ""}
{" · matched text masked, document text not shown (--redact)" if masked else ""}
 · redactcheck {escape(__version__)}</p>
</header>
<section id="summary"><h2>Summary</h2>{_summary(report)}</section>
{_filters()}
{errors}{baseline}{clean}
<main>{docs}</main>
<script>{SCRIPT}</script>
</body></html>
"""
