"""Run the marking/contact probe (tests/support/marking_probe.py) through a whole-document scan and
say, per kind, which expected spans were missed and which traps were reported."""

from __future__ import annotations

from collections import Counter

from redactcheck.config import Config
from redactcheck.engine import Scanner

LABEL = {"marking": "MARKING"}
CONTACT = {"PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS"}


def label_of(f) -> str | None:
    if f.category == "marking":
        return "MARKING"
    if f.entity in CONTACT:
        return "CONTACT"
    return None


def scanner(names: bool) -> Scanner:
    return Scanner(Config(names=names, cache=False, jobs=1, respect_gitignore=False))


def findings_of(scan: Scanner, text: str) -> list:
    [result] = scan.scan_batch([(f"probe{hash(text) & 0xFFFF}.txt", text.encode())])
    return list(result.findings)


def outcome(scan: Scanner, case) -> tuple[list, list]:
    """(missed spans, false findings): a span is found when a finding of its label overlaps
    it; for a trap every finding of its label is false."""
    found = [(f.start, f.end, label_of(f), f) for f in findings_of(scan, case.text)]
    missed = [
        (s, e, lab)
        for s, e, lab in case.spans
        if not any(fs < e and s < fe and fl == lab for fs, fe, fl, _ in found)
    ]
    false = [
        f
        for fs, fe, fl, f in found
        if case.trap_label
        and fl == case.trap_label
        and (not case.forbidden or any(fs < e and s < fe for s, e in case.forbidden))
    ]
    return missed, false


def run(cases, verbose: bool = False, counter=Counter, names: bool = True) -> None:
    scan = scanner(names)
    total, miss, traps, fp = counter(), counter(), counter(), counter()
    for case in cases:
        missed, false = outcome(scan, case)
        kind = case.kind
        if case.trap_label:
            traps[kind] += 1
            if false:
                fp[kind] += 1
                print(f"FALSE {kind}: {[f.text for f in false]} in {case.text[:60]!r}")
            continue
        total[kind] += len(case.spans)
        miss[kind] += len(missed)
        for s, e, lab in missed:
            print(
                f"MISS {kind} {lab}: {case.text[s:e]!r}   | {case.text[max(0, s - 20) : e + 20]!r}"
            )
    print()
    for kind in total:
        print(f"{kind:18} found {total[kind] - miss[kind]:3}/{total[kind]:3}")
    for kind in traps:
        print(f"{kind:18} false {fp[kind]:3}/{traps[kind]:3}")
