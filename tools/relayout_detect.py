"""Move ``redactcheck/detect/`` modules into subject subpackages and rewrite every reference.

Issue 14, item 5: ``detect/`` by subject. Run from the repository root, on a clean tree
(commit first), after the branches that edit ``detect/`` are merged:

    python tools/relayout_detect.py            # move, rewrite, ruff; then review `git diff`
    python tools/relayout_detect.py --dry-run  # print what would move and which files change

It is idempotent: a module already in its subpackage is left alone, and a second run changes
nothing. What it does:

1. ``git mv`` each module of :data:`MAPPING` (and new modules matched by :data:`PREFIXES`)
   into ``detect/markings/``, ``detect/pii/`` or ``detect/accel/``, each with an
   ``__init__.py`` saying what the subpackage is for; modules shared by two subjects stay at
   ``detect/`` (see :data:`SHARED`).
2. Rewrites references in every tracked text file (``redactcheck/``, ``tests/``, ``bench/``,
   ``tools/``, ``docs/``, ``README``, ``pyproject.toml`` with its import-linter contracts and
   mypy per-module sections, rule YAML comments): dotted module paths
   (``redactcheck.detect.names`` → ``redactcheck.detect.pii.names``, including strings such as
   monkeypatch targets), ``from redactcheck.detect import a, b`` (split per subpackage) and
   file paths in text (``redactcheck/detect/names.py`` and ``detect/names.py``).
3. Redraws the detect step of docs/architecture.md's flow diagram and its detect room, and
   adds an import-linter contract: acceleration imports neither markings nor PII.
4. Runs ``ruff check --fix --select I`` (import order) and ``ruff format`` on changed Python
   files, then lists lines a longer path pushed over 100 characters (rewrap them by hand) and
   modules over 400 lines (issue 14: each needs a reason at its top).

No compatibility shims are left at the old paths.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DETECT = ROOT / "redactcheck" / "detect"

#: module → subpackage
MAPPING = {
    # markings: the YAML rules, OCR tolerance for damaged markings, document structure
    "rules": "markings",
    "ocr_banner": "markings",
    "ocr_markings": "markings",
    "ocr_phrases": "markings",
    "structure": "markings",
    # personal data: names (model, candidates, word lists, rules, refinement) and contacts
    "names": "pii",
    "nlp": "pii",
    "name_candidates": "pii",
    "name_words": "pii",
    "person_rules": "pii",
    "refine": "pii",
    "spans": "pii",
    "casing": "pii",
    "phone": "pii",
    "contact_rules": "pii",
    # acceleration: regex facts, the keyword gate, the Hyperscan/RE2 wrappers
    "regex_facts": "accel",
    "keywords": "accel",
    "fastscan": "accel",
}
#: New modules (added by branches merged later) placed by the start of their name.
PREFIXES = {"ocr_": "markings", "marking": "markings", "name": "pii", "person": "pii"}
#: Modules that stay at ``detect/``: used by more than one subject (or by the pipeline).
SHARED = {
    "__init__": "the package",
    "lexicons": "word lists (rules/lexicons) read by markings and PII alike",
    "edit_distance": "Myers' edit distance, for OCR-damaged markings and name words",
    "overlap": "one hit per marked region across all detectors, used by the pipeline",
}
SUBPACKAGES = {
    "markings": "Markings: the YAML rules (behind the keyword gate), OCR-damaged markings in "
    "banner position, and document-level structure checks.",
    "pii": "Personal data: names (Presidio + spaCy, name candidates and word lists, person "
    "rules, refinement) and contacts (phone numbers, addresses).",
    "accel": "Acceleration: what a regex guarantees (regex_facts, shared with the ReDoS check), "
    "the keyword gate, and the Hyperscan/RE2 wrappers. Imports neither markings nor PII.",
}
TEXT_SUFFIXES = {".py", ".md", ".toml", ".txt", ".yaml", ".yml", ".sh", ".cfg", ".ini", ".rst"}
CONTRACT = """
[[tool.importlinter.contracts]]
name = "Acceleration knows nothing of the subjects it speeds up"
type = "forbidden"
source_modules = ["redactcheck.detect.accel"]
forbidden_modules = ["redactcheck.detect.markings", "redactcheck.detect.pii"]
"""
LONG = 400
#: docs/architecture.md: the detect step of the flow diagram (path, what it does) ...
DIAGRAM = [
    ("detect/markings/rules.py", "YAML rules (rules/) behind the keyword gate"),
    ("detect/markings/ocr_*.py", "OCR-damaged markings (called from rules.py)"),
    ("detect/pii/names.py", "names, contacts (Presidio + spaCy)"),
    ("detect/overlap.py", "one hit per marked region"),
    ("detect/markings/structure.py", "stated level; document-level checks"),
]
#: ... and the detect room of "Each room's job"
ROOM = (
    "- `detect/`: where hits are born, one subpackage per subject. `detect/markings/`: `rules.py` "
    "(the YAML rules of `rules/` on the normalised text of `normalize.py`, behind the keyword "
    "gate), `ocr_markings.py`, `ocr_banner.py` and `ocr_phrases.py` (OCR-damaged marking words "
    "in banner position, notice phrases across line breaks), `structure.py` (document-level "
    "checks, and `apply_stated_level`: severity from the level the document states). "
    "`detect/pii/`: `names.py` (Presidio + spaCy; `nlp.py` builds the analyser), "
    "`name_candidates.py` and `name_words.py` (given-name/surname lists, shape and context), "
    "`person_rules.py` (filters and document-level spreading), `refine.py` (model results to "
    "hits; span helpers in `spans.py`), `casing.py`, contacts in `contact_rules.py` and "
    "`phone.py`. `detect/accel/` (imports neither of the others): `regex_facts.py` (what a rule "
    "regex guarantees, read from Python's regex parser: the gate's keywords and line-break "
    "bounds, and the parse trees the ReDoS check of `ruleset/redos.py` walks), `keywords.py` "
    "(the gate), `fastscan.py` (Hyperscan and RE2 wrappers). At `detect/` itself, what several "
    "subjects share: `lexicons.py` (word lists), `edit_distance.py`, `overlap.py`."
)


def git(*args: str, check: bool = True) -> str:
    out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if check and out.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout


def plan() -> dict[str, str]:
    """Every module to place (already moved ones included, so rewrites stay complete)."""
    placed = dict(MAPPING)
    for path in sorted(DETECT.glob("*.py")):
        name = path.stem
        if name in MAPPING or name in SHARED:
            continue
        sub = next((s for p, s in PREFIXES.items() if name.startswith(p)), None)
        if sub is None:
            print(f"NOTE: detect/{name}.py is not in the mapping; left at detect/ (decide by hand)")
        else:
            print(f"NOTE: detect/{name}.py is new; placed in {sub}/ by its name")
            placed[name] = sub
    return placed


def move(placed: dict[str, str], dry: bool) -> None:
    for sub, doc in SUBPACKAGES.items():
        init = DETECT / sub / "__init__.py"
        if not init.exists():
            print(f"create {init.relative_to(ROOT)}")
            if not dry:
                init.parent.mkdir(exist_ok=True)
                text = textwrap.fill(f'"""{doc}"""', width=96, break_on_hyphens=False)
                init.write_text(text + "\n", encoding="utf-8")
                git("add", str(init))
    for name, sub in sorted(placed.items()):
        old, new = DETECT / f"{name}.py", DETECT / sub / f"{name}.py"
        if old.exists() and not new.exists():
            print(f"git mv {old.relative_to(ROOT)} {new.relative_to(ROOT)}")
            if not dry:
                git("mv", str(old), str(new))
        elif old.exists() and new.exists():
            raise SystemExit(f"both {old} and {new} exist: merge them by hand first")
        elif not new.exists():
            print(f"NOTE: detect/{name}.py not found (gone or renamed on a branch?)")


def rewriter(placed: dict[str, str]):
    names = "|".join(sorted(placed, key=len, reverse=True))
    dotted = re.compile(rf"\bredactcheck\.detect\.({names})\b")
    path = re.compile(rf"(?<![\w.])detect/({names})\b(\.py\b)?(?!/)")
    from_pkg = re.compile(
        r"^(?P<indent>[ \t]*)from redactcheck\.detect import "
        r"(?:\((?P<paren>[^)]*)\)|(?P<plain>[^\n#]+?))(?P<comment>[ \t]*#[^\n]*)?$",
        re.M,
    )

    def split_from(m: re.Match[str]) -> str:
        body = m.group("paren") if m.group("paren") is not None else m.group("plain")
        items = [i.strip() for i in body.replace("\n", " ").split(",") if i.strip()]
        groups: dict[str, list[str]] = {}
        for item in items:
            module = item.split(" as ")[0].strip()
            sub = placed.get(module)
            key = f"redactcheck.detect.{sub}" if sub else "redactcheck.detect"
            groups.setdefault(key, []).append(item)
        comment = m.group("comment") or ""
        lines = [
            f"{m.group('indent')}from {pkg} import {', '.join(group)}"
            for pkg, group in groups.items()
        ]
        lines[0] += comment
        return "\n".join(lines)

    def rewrite(text: str) -> str:
        text = dotted.sub(lambda m: f"redactcheck.detect.{placed[m.group(1)]}.{m.group(1)}", text)
        text = path.sub(
            lambda m: f"detect/{placed[m.group(1)]}/{m.group(1)}{m.group(2) or ''}", text
        )
        return from_pkg.sub(split_from, text)

    return rewrite


def rewrite_files(placed: dict[str, str], dry: bool) -> list[Path]:
    rewrite = rewriter(placed)
    changed = []
    for rel in git("ls-files").splitlines():
        path = ROOT / rel
        if path.suffix not in TEXT_SUFFIXES or not path.is_file():
            continue
        if rel.startswith(("tools/relayout", "tests/fixtures/")):
            continue  # the relayout scripts name old paths; fixture documents are data
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if rel == "pyproject.toml" and CONTRACT.splitlines()[2] not in new:
            new = new.rstrip("\n") + "\n" + CONTRACT
        if new != text:
            changed.append(path)
            print(f"rewrite {rel}")
            if not dry:
                path.write_text(new, encoding="utf-8")
    return changed


def architecture_doc(dry: bool) -> None:
    """Redraw the detect step of the flow diagram (longer paths broke its right border) and
    rewrite the detect room of docs/architecture.md; the same text on every run."""
    path = ROOT / "docs" / "architecture.md"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("│ detect ")]
    ends = [i for i, line in enumerate(lines) if line.startswith("│ locate ")]
    if starts and ends and ends[0] > starts[0]:
        width = len(lines[starts[0]])
        column = max(len(p) for p, _ in DIAGRAM) + 2
        drawn = []
        for name, what in DIAGRAM:
            body = "│" + " " * 13 + name.ljust(column) + what
            if len(body) > width - 2:
                raise SystemExit(f"architecture diagram: shorten {what!r} in DIAGRAM")
            drawn.append(body.ljust(width - 1) + "│")
        lines[starts[0] + 1 : ends[0]] = drawn
    new = "\n".join(lines)
    room = re.compile(r"^- `detect/`:.*?(?=^- `)", re.S | re.M)
    wrapped = textwrap.fill(ROOM, width=99, subsequent_indent="  ", break_on_hyphens=False)
    new = room.sub(lambda _: wrapped + "\n", new, count=1)
    if new != text:
        print("rewrite docs/architecture.md (detect step of the diagram, detect room)")
        if not dry:
            path.write_text(new, encoding="utf-8")


def tidy(changed: list[Path]) -> None:
    py = [str(p) for p in changed if p.suffix == ".py"]
    py += [str(p) for p in DETECT.rglob("*.py")]
    if not py:
        return
    py = sorted(set(py))
    for cmd in (["ruff", "check", "--fix", "--select", "I", "-q", *py], ["ruff", "format", *py]):
        subprocess.run([sys.executable, "-m", *cmd], cwd=ROOT, check=False)


def report_wide() -> None:
    """Lines a longer module path pushed over the limit (strings and comments: by hand)."""
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "E501", "--output-format", "concise"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wide = [line for line in out.stdout.splitlines() if "E501" in line]
    if wide:
        print("\nlines over the length limit, to rewrap by hand:")
        print("\n".join(f"  {line}" for line in wide))


def report_long() -> None:
    print(f"\nmodules over {LONG} lines (each needs a reason at its top, issue 14):")
    for path in sorted((ROOT / "redactcheck").rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > LONG:
            print(f"  {lines:5d}  {path.relative_to(ROOT)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="print, change nothing")
    args = ap.parse_args()
    if not args.dry_run and git("status", "--porcelain", "--untracked-files=no").strip():
        raise SystemExit("the tree has uncommitted changes: commit or stash them first")
    placed = plan()
    for name, why in SHARED.items():
        if (DETECT / f"{name}.py").exists():
            print(f"stays detect/{name}.py: {why}")
    move(placed, args.dry_run)
    changed = rewrite_files(placed, args.dry_run)
    architecture_doc(args.dry_run)
    if not args.dry_run:
        tidy(changed)
        report_wide()
    report_long()
    if not args.dry_run:
        print("\nnext: review `git diff` (prose naming a module without its folder), run the")
        print("tests, commit")


if __name__ == "__main__":
    main()
