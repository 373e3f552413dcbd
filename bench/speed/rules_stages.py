"""Where the CPU seconds of a rules-only scan go, stage by stage (one process, jobs=1).

    python bench/speed/rules_stages.py ../shared/corpus/docs

cProfile charges every Python call, so it inflates the many small steps of the OCR layer about
fourfold and hides what a step costs; a sampler (py-spy) gives shares but needs ptrace. This
wraps the per-document functions of each stage (called a few thousand times a scan, so the
wrapper costs nothing measurable) with CPU-time counters and prints, per stage, its CPU seconds
and share of the scan: reading and extraction, normalisation, the keyword gate (and the
Hyperscan grouping inside it), the OCR steps one by one, the structure checks, locating
(fingerprints, line and column), and what is left of rule detection (``re`` in the gate's
windows and building hits). Stages nest (``rules.detect`` holds the gate and the OCR steps);
the figures are inclusive. Nothing is written.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

_MARKINGS = "redactcheck.detect.markings."
#: (module, function) of the OCR steps, as ``ocr_markings`` calls them (through the module)
_OCR_STEPS = [
    ("ocr_banner", "banner_findings"),
    ("ocr_captions", "field_findings"),
    ("ocr_captions", "slot_findings"),
    ("ocr_box_row", "box_row_findings"),
    ("ocr_page_edge", "page_edge_findings"),
    ("ocr_repeat", "title_case_banners"),
    ("ocr_repeat", "repeated_level_findings"),
    ("ocr_form_level", "form_level_findings"),
    ("ocr_captions", "caption_findings"),
    ("ocr_captions", "phrase_findings"),
    ("ocr_phrases", "phrase_findings"),
    ("ocr_review_stamp", "review_stamp_findings"),
    ("ocr_lending_stamp", "lending_stamp_findings"),
    ("ocr_no_objection", "no_objection_findings"),
    ("ocr_portion", "damaged_portion_findings"),
    ("ocr_authority", "authority_findings"),
    ("ocr_impdet", "impdet_findings"),
    ("ocr_stamp_siblings", "sibling_findings"),
    ("ocr_noise_level", "noise_level_findings"),
    ("ocr_cut_level", "cut_level_findings"),
    ("ocr_case_level", "case_level_findings"),
]

spent: Counter[str] = Counter()
#: the labels in the order they were wrapped (stage, then the steps inside it)
order: list[str] = []


def _timed(label: str, func: Callable) -> Callable:
    clock = time.process_time
    order.append(label)

    def wrapper(*args, **kwargs):
        t0 = clock()
        try:
            return func(*args, **kwargs)
        finally:
            spent[label] += clock() - t0

    return wrapper


def _wrap(module: str, name: str, label: str, callers: list[str]) -> None:
    """Time ``module.name`` where ``callers`` look it up (a name imported with ``from`` is
    a binding of the importing module)."""
    func = getattr(importlib.import_module(module), name)
    for caller in callers:
        setattr(importlib.import_module(caller), name, _timed(label, func))


def _wrap_method(cls: type, name: str, label: str) -> None:
    setattr(cls, name, _timed(label, getattr(cls, name)))


def instrument() -> None:
    from redactcheck.detect.accel import keywords
    from redactcheck.detect.markings.rules import RuleDetector
    from redactcheck.pipeline import Pipeline

    _wrap_method(Pipeline, "detect_document", "detect_document (all detection, locating)")
    _wrap_method(Pipeline, "read", "read files")
    _wrap_method(RuleDetector, "detect", "  rules.detect (gate, re, hits, OCR steps)")
    _wrap_method(keywords.KeywordGate, "windows", "    keyword gate")
    _wrap_method(keywords._HyperscanLines, "__call__", "      Hyperscan keyword lines")
    rules = _MARKINGS + "rules"
    _wrap("redactcheck.normalize", "normalize", "    normalisation", [rules])
    _wrap("redactcheck.detect.markings.rules", "_dedupe", "    dedupe hits", [rules])
    ocr = _MARKINGS + "ocr_markings"
    _wrap(ocr, "ocr_marking_findings", "    OCR steps (all)", [rules])
    for module, name in _OCR_STEPS:
        _wrap(_MARKINGS + module, name, f"      {module}.{name}", [_MARKINGS + module])
    stamp = _MARKINGS + "ocr_stamp_lines"
    _wrap(stamp, "stamp_line_findings", "        ocr_stamp_lines", [_MARKINGS + "ocr_phrases"])
    for name in ("check_structure", "locate", "extract", "drop_nested_markings"):
        _wrap("redactcheck.pipeline", name, f"  {name}", ["redactcheck.pipeline"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    instrument()
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    scanner = Scanner(Config(names=False, cache=False, jobs=1, respect_gitignore=False))
    list(scanner.scan_results(files[:5]))  # warm compiled rules and lazy tables
    spent.clear()
    t0 = time.process_time()
    size = count = 0
    for result in scanner.scan_results(files):
        size += result.size
        count += len(result.findings)
    total = time.process_time() - t0
    print(
        f"scan {total:.2f} CPU s, {size / 1e6:.1f} MB, {size / 1e6 / total:.1f} MB/s, "
        f"{count} findings"
    )
    for label in dict.fromkeys(order):
        seconds = spent[label]
        print(f"{seconds:7.3f} s {100 * seconds / total:5.1f}%  {label}")
    detect = spent["  rules.detect (gate, re, hits, OCR steps)"]
    known = (
        sum(spent[k] for k in ("    keyword gate", "    normalisation", "    OCR steps (all)"))
        + spent["    dedupe hits"]
    )
    print(
        f"{detect - known:7.3f} s {100 * (detect - known) / total:5.1f}%  "
        "  rest of rules.detect: re in the windows, building hits, sorting"
    )


if __name__ == "__main__":
    main()
