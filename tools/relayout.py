"""Move tests/ and bench/ into the layout of issue 14, item 6, and fix every reference.

Why a script and not a commit: other branches still add and edit tests and bench scripts. The
lead runs this once on the fully merged main; it is idempotent (a second run changes nothing)
and can be run again after a late merge (files that came back to the old places are moved,
references to old paths are fixed).

    python tools/relayout.py             # move (git mv), rewrite, print a summary
    python tools/relayout.py --dry-run   # print what would move; change nothing
    python tools/relayout.py --no-ruff   # skip the import sort and format of changed files

Layout made:

    tests/unit/<subpackage>/   one test module per module of redactcheck/ (mirrors the package)
    tests/integration/         the command line and the whole scan, end to end
    tests/quality/             what is found: probes, labelled sets, precision checks
    tests/support/             builders and helpers (no tests), importable by bench/ as well
    tests/conftest.py          pytest fixtures only; tests/fixtures stays where it is
    bench/speed/  bench/quality/  bench/robustness/

Known files are placed by the tables below (decided by reading each one). A file the tables do
not know is placed by a rule and printed with the reason, so the lead can check it:
  tests: a helper (not test_*.py) goes to support/; a test whose name says probe/quality/
  precision/recall/eval_set/shared goes to quality/; one that runs the command line or a
  subprocess, or imports nothing of redactcheck, to integration/; otherwise to unit/, under
  the subpackage it imports most.
  bench: by words of its name and first docstring line (speed, quality, robustness); data files
  go with the script that names them; anything undecided stays and is printed.

After the moves: tests/ and its folders become packages (``__init__.py``, so two test modules
may share a name in different folders); imports are rewritten (``from tests.conftest import``,
bare ``import scan_build``, ``from tests import hostile``, bench siblings); every
``Path(__file__)`` expression of a moved file is re-aimed at the same target; the path
strings ``tests/NAME`` and ``bench/NAME`` in tracked text files are rewritten; the marked
section of docs/architecture.md that describes tests and benchmarks is written anew.
"""

from __future__ import annotations

import argparse
import ast
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ME = Path(__file__).resolve()

TEST_FOLDERS = ("unit", "integration", "quality", "support")
BENCH_FOLDERS = ("speed", "quality", "robustness")

#: test module -> folder under tests/ (decided by reading each file on main 396fb29, plus the
#: test modules of the open branches names3 and mark3)
TESTS = {
    # unit: mirrors the package (unit/ itself for top-level modules and the package's shape)
    "test_architecture.py": "unit",  # the package as a whole: cycles, layers, mypy
    "test_chunk.py": "unit",
    "test_config_discover.py": "unit",
    "test_evaluate.py": "unit",
    "test_finding_lifecycle.py": "unit",
    "test_fuzz_text.py": "unit",  # properties of normalize/locate/rules on random text
    "test_hostile_units.py": "unit",  # safetext, paths, csv, html, isolation helpers directly
    "test_isolation.py": "unit",
    "test_locate_lines.py": "unit",
    "test_normalize.py": "unit",
    "test_progress.py": "unit",
    "test_reuse_by_text.py": "unit",  # cache.ReuseByText
    "test_contact_addresses.py": "unit/detect",
    "test_keyword_gate.py": "unit/detect",
    "test_lexicons.py": "unit/detect",
    "test_marking_rules.py": "unit/detect",
    "test_name_candidates.py": "unit/detect",
    "test_names_document.py": "unit/detect",  # branch names3
    "test_names_fastpath.py": "unit/detect",
    "test_ocr_markings.py": "unit/detect",
    "test_overlap.py": "unit/detect",
    "test_phone_prefilter.py": "unit/detect",
    "test_portion_evidence.py": "unit/detect",
    "test_prefilter.py": "unit/detect",
    "test_structure.py": "unit/detect",
    "test_formats_robustness.py": "unit/extract",  # each extractor called directly
    "test_fuzz_extract.py": "unit/extract",
    "test_review_table.py": "unit/report",
    "test_rule_safety.py": "unit/ruleset",
    "test_rules_docs.py": "unit/ruleset",
    "test_suppress.py": "unit/suppress",
    # integration: the command line and whole scans, as users and CI run them
    "test_baseline.py": "integration",  # baseline create/scan/update through the CLI
    "test_cli.py": "integration",
    "test_formats_cli.py": "integration",
    "test_formats_exact.py": "integration",
    "test_formats_office.py": "integration",
    "test_formats_pdf.py": "integration",
    "test_git_safety.py": "integration",
    "test_gitdiff.py": "integration",
    "test_hostile_folder.py": "integration",
    "test_hostile_release.py": "integration",
    "test_html_report.py": "integration",
    "test_integrations.py": "integration",
    "test_no_leaks.py": "integration",
    "test_ocr_scanned.py": "integration",
    "test_offline.py": "integration",
    "test_page_view.py": "integration",
    "test_readonly.py": "integration",
    "test_review.py": "integration",
    "test_scale.py": "integration",
    "test_scan_memo.py": "integration",
    "test_schemas.py": "integration",
    # quality: what is found on probes and labelled sets
    "test_eval_set.py": "quality",
    "test_marking_probe.py": "quality",  # branch mark3
    "test_names_probe.py": "quality",
    "test_names_quality.py": "quality",
    "test_pdf_hidden_precision.py": "quality",
    "test_shared_cable.py": "quality",
}
#: helpers (no tests) of tests/, for tests and bench/ alike
SUPPORT = {
    "formats_build.py",
    "fuzzing.py",
    "hidden_build.py",
    "hostile.py",
    "hostile_pdf.py",
    "hostile_release.py",
    "review_docs.py",
    "scale_fixtures.py",
    "scan_build.py",
    "marking_probe.py",  # branch mark3
    "probe_run.py",  # branch mark3
}
#: data folders of tests/ that belong to one folder (tests/fixtures is shared: it stays)
TEST_DATA = {"eval": "quality"}
TEST_KEEP = {"conftest.py", "__init__.py", "fixtures", "__pycache__"}

#: bench entry -> folder under bench/
BENCH = {
    "throughput.py": "speed",
    "rules_cpu.py": "speed",
    "normalize_speed.py": "speed",
    "formats_extract.py": "speed",
    "keyword_gate.py": "speed",
    "ner_components.py": "speed",
    "ocr_throughput.py": "speed",
    "scale.py": "speed",
    # the same-findings proofs every speed change comes with (docs/performance.md)
    "compare_rules_findings.py": "speed",
    "same_findings.py": "speed",
    "quality.py": "quality",
    "marking_eval.py": "quality",
    "prose_fp.py": "quality",
    "blind_eval.py": "quality",
    "blind_set": "quality",
    "cable_person_sample.py": "quality",
    "cable_person_sample.tsv": "quality",
    "person_coverage.py": "quality",
    "person_labels.jsonl": "quality",
    "eval_dev_split.tsv": "quality",
    "figures.sh": "quality",
    "fuzz.py": "robustness",
    "hostile_scan.py": "robustness",
    "linear_time.py": "robustness",
    "redos.py": "robustness",
    "large_file.py": "robustness",  # bounded memory at the size limit (SECURITY.md)
}
BENCH_WORDS = {
    "speed": r"speed|throughput|cpu|fast|profil|timing|per second|MB/s|startup|start-up",
    "quality": r"quality|precision|recall|eval|label|probe|false.positive|_fp|coverage|figure",
    "robustness": r"fuzz|hostile|redos|linear|crash|malformed|bomb|robust|hang",
}

#: what the data files of bench/ hold (for docs/architecture.md)
DATA_NOTES = {
    "blind_set": "blind-labelled sets: document names, offsets and labels (no shared text)",
    "cable_person_sample.tsv": "hand labels of sampled PERSON findings on cables (offsets only)",
    "eval_dev_split.tsv": "eval-dev split into tune and check halves (document names)",
    "person_labels.jsonl": "hand labels of Presidio PERSON spans on the corpus (offsets only)",
}

#: the marked section of docs/architecture.md written by this script
SECTION_START = "<!-- tests-and-bench: written by tools/relayout.py -->"
SECTION_END = "<!-- /tests-and-bench -->"

#: text files whose path references are rewritten (data files never: offsets would move)
TEXT_SUFFIXES = {".py", ".md", ".sh", ".toml", ".yaml", ".yml", ".cfg", ".ini", ".txt", ""}
DATA_PARTS = ({"fixtures"}, {"eval", "docs"}, {"blind_set"})

warnings: list[str] = []


def warn(message: str) -> None:
    warnings.append(message)
    print(f"WARNING: {message}")


def git(*args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def tracked() -> set[str]:
    return set(git("ls-files", "-z").split("\0")) - {""}


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


# --- deciding where things go --------------------------------------------------------------


def redactcheck_imports(text: str) -> Counter:
    """How often each redactcheck subpackage (or top-level module) is imported from."""
    counts: Counter = Counter()
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return counts
    for node in ast.walk(tree):
        modules = []
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [(node.module, len(node.names))]
        elif isinstance(node, ast.Import):
            modules = [(a.name, 1) for a in node.names]
        for module, weight in modules:
            parts = module.split(".")
            if parts[0] != "redactcheck" or len(parts) < 2:
                continue
            sub = parts[1] if (REPO / "redactcheck" / parts[1]).is_dir() else ""
            counts[sub] += weight
    return counts


def test_rule(path: Path) -> tuple[str, str]:
    """(folder, reason) for a test file the table does not know."""
    name = path.name
    if not name.startswith("test_"):
        return "support", "a helper, not a test module"
    text = path.read_text(encoding="utf-8", errors="replace")
    if re.search(r"probe|quality|precision|recall|eval_set|shared", path.stem):
        return "quality", "its name says it measures what is found"
    if re.search(r"\brun_cli\(|\bcli_env\(|\bsubprocess\b", text):
        return "integration", "runs the command line or a subprocess"
    counts = redactcheck_imports(text)
    if not counts:
        return "integration", "imports nothing of redactcheck directly"
    sub, _ = counts.most_common(1)[0]
    return ("unit/" + sub if sub else "unit"), f"imports redactcheck.{sub or '<top level>'} most"


def bench_rule(path: Path, placed: dict[str, str]) -> tuple[str | None, str]:
    """(folder or None, reason) for a bench entry the table does not know."""
    if path.suffix != ".py" and path.suffix != ".sh":
        for script, folder in placed.items():
            other = REPO / "bench" / script
            if other.suffix == ".py" and other.exists() and path.name in other.read_text():
                return folder, f"data named by {script}"
        return None, "data no script names"
    text = path.read_text(encoding="utf-8", errors="replace")
    doc = path.stem + " " + (text.split('"""')[1].splitlines()[0] if '"""' in text else "")
    hits = [f for f, words in BENCH_WORDS.items() if re.search(words, doc, re.IGNORECASE)]
    if len(hits) == 1:
        return hits[0], f"its name/docstring says {hits[0]}"
    return None, "name and docstring do not say speed, quality or robustness (one of them)"


def plan_moves(files: set[str]) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """[(old, new, reason)] for every tracked entry at an old place; and bench placements."""
    moves: list[tuple[str, str, str]] = []
    for entry in sorted({f.split("/")[1] for f in files if f.startswith("tests/")}):
        old = REPO / "tests" / entry
        if entry in TEST_KEEP or entry in TEST_FOLDERS:
            continue
        if entry in TEST_DATA:
            moves.append((f"tests/{entry}", f"tests/{TEST_DATA[entry]}/{entry}", "table"))
        elif old.is_file() and old.suffix == ".py":
            if entry in TESTS or entry in SUPPORT:
                folder, reason = TESTS.get(entry, "support"), "table"
            else:
                folder, reason = test_rule(old)
                reason = "RULE: " + reason
            moves.append((f"tests/{entry}", f"tests/{folder}/{entry}", reason))
        else:
            warn(f"tests/{entry}: not a Python file nor a known data folder; left in place")
    placed: dict[str, str] = {}
    undecided = []
    for entry in sorted({f.split("/")[1] for f in files if f.startswith("bench/")}):
        if entry in BENCH_FOLDERS or entry == "__pycache__":
            continue
        if entry in BENCH:
            placed[entry] = BENCH[entry]
            moves.append((f"bench/{entry}", f"bench/{BENCH[entry]}/{entry}", "table"))
        else:
            undecided.append(entry)
    for entry in undecided:  # scripts first, so data can follow the script that names it
        path = REPO / "bench" / entry
        if path.suffix in (".py", ".sh"):
            folder, reason = bench_rule(path, placed)
            if folder:
                placed[entry] = folder
                moves.append((f"bench/{entry}", f"bench/{folder}/{entry}", "RULE: " + reason))
            else:
                warn(f"bench/{entry}: {reason}; left in place, move it by hand")
    for entry in undecided:
        path = REPO / "bench" / entry
        if path.suffix not in (".py", ".sh"):
            folder, reason = bench_rule(path, placed)
            if folder:
                moves.append((f"bench/{entry}", f"bench/{folder}/{entry}", "RULE: " + reason))
            else:
                warn(f"bench/{entry}: {reason}; left in place, move it by hand")
    return moves, placed


# --- the module and path maps of the current tree ------------------------------------------


def test_modules() -> dict[str, str]:
    """Bare module name -> dotted name, for every module under tests/ now."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "tests").rglob("*.py")):
        if path.name == "__init__.py" or "__pycache__" in path.parts:
            continue
        dotted = ".".join(path.relative_to(REPO).with_suffix("").parts)
        if path.stem in found and found[path.stem] != dotted:
            warn(f"two test modules named {path.stem}: bare imports of it stay ambiguous")
        found.setdefault(path.stem, dotted)
    return found


def bench_modules() -> dict[str, str]:
    """Bare module name -> folder under bench/ ('' at the top), for every bench script now."""
    return {
        p.stem: p.parent.relative_to(REPO / "bench").as_posix().strip(".")
        for p in (REPO / "bench").rglob("*.py")
        if "__pycache__" not in p.parts
    }


def old_to_new() -> dict[str, str]:
    """Old repository path -> present path, for every entry of the new layout whose old path
    is gone (from the tree itself, so a re-run after a late merge knows earlier moves)."""
    mapping: dict[str, str] = {}
    for folder in TEST_FOLDERS:
        base = REPO / "tests" / folder
        if not base.is_dir():
            continue
        for path in base.rglob("*.py"):
            if path.name != "__init__.py" and "__pycache__" not in path.parts:
                mapping[f"tests/{path.name}"] = rel(path)
        for path in base.iterdir():
            if path.is_dir() and path.name in TEST_DATA:
                mapping[f"tests/{path.name}"] = rel(path)
    for folder in BENCH_FOLDERS:
        base = REPO / "bench" / folder
        if base.is_dir():
            for path in base.iterdir():
                if path.name != "__pycache__":
                    mapping[f"bench/{path.name}"] = rel(path)
    return {old: new for old, new in mapping.items() if not (REPO / old).exists()}


def moved_target(path: Path, mapping: dict[str, str]) -> Path:
    """Where an old absolute path is now (itself when nothing of it moved)."""
    try:
        parts = path.relative_to(REPO).parts
    except ValueError:
        return path
    for n in range(len(parts), 0, -1):
        head = "/".join(parts[:n])
        if head in mapping:
            return REPO / mapping[head] / Path(*parts[n:]) if parts[n:] else REPO / mapping[head]
    return path


# --- rewriting Python ----------------------------------------------------------------------

CHAIN = r'((?:\.parent\b(?!s))*)(?:\.parents\[(\d+)\])?((?:\s*/\s*"[^"\n]+")*)'
FILE_ANCHOR = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?" + CHAIN)


def _ups(parents: str, index: str | None) -> int:
    return parents.count(".parent") + (int(index) + 1 if index is not None else 0)


def _segs(text: str) -> list[str]:
    return re.findall(r'"([^"\n]+)"', text)


def _express(anchor: Path, target: Path) -> tuple[int, list[str]]:
    """(levels up, then names down) from ``anchor`` to ``target``."""
    parts = Path(os.path.relpath(target, anchor)).parts
    ups = sum(1 for p in parts if p == "..")
    return ups, [p for p in parts if p not in ("..", ".")]


def _chain(ups: int, segs: list[str]) -> str:
    up = "" if ups == 0 else ".parent" if ups == 1 else f".parents[{ups - 1}]"
    return up + "".join(f' / "{s}"' for s in segs)


def fix_file_paths(text: str, old: Path, new: Path, mapping: dict[str, str]) -> str:
    """Re-aim every ``Path(__file__)…`` expression (and names assigned from one, such as
    ``HERE``/``REPO``) of a file moved from ``old`` to ``new`` at the same target. A name for
    the file's own folder keeps meaning 'my folder' (siblings moved with it)."""
    anchors: dict[str, tuple[Path, Path]] = {}

    def file_expr(m: re.Match) -> str:
        ups, segs = _ups(m.group(1), m.group(2)), _segs(m.group(3))
        if ups == 0:
            return m.group(0)
        target = old.parents[ups - 1].joinpath(*segs)
        moved = new.parent if (ups == 1 and not segs) else moved_target(target, mapping)
        nups, nsegs = _express(new, moved)
        nups = max(nups, 1)  # relpath from a file counts the file itself as a folder
        if (nups, nsegs) == (ups, segs):
            return m.group(0)
        start = m.group(0)[: m.start(1) - m.start(0)]
        return start + _chain(nups, nsegs)

    out = []
    for line in text.splitlines(keepends=True):
        fixed = FILE_ANCHOR.sub(file_expr, line)
        assign = re.match(r"([A-Z_][A-Z0-9_]*)\s*=\s*" + FILE_ANCHOR.pattern + r"\s*$", line)
        if assign:
            ups, segs = _ups(assign.group(2), assign.group(3)), _segs(assign.group(4))
            if ups:
                before = old.parents[ups - 1].joinpath(*segs)
                after = new.parent if (ups == 1 and not segs) else moved_target(before, mapping)
                anchors[assign.group(1)] = (before, after)
        out.append(fixed)
    text = "".join(out)
    for name, (before, after) in anchors.items():

        def named(m: re.Match, name=name, before=before, after=after) -> str:
            ups, segs = _ups(m.group(1), m.group(2)), _segs(m.group(3))
            if ups == 0 and not segs:
                return m.group(0)
            target = (before.parents[ups - 1] if ups else before).joinpath(*segs)
            nups, nsegs = _express(after, moved_target(target, mapping))
            if (nups, nsegs) == (ups, segs):
                return m.group(0)
            return name + _chain(nups, nsegs)

        text = re.sub(r"(?<![\w.])" + name + r"\b" + CHAIN, named, text)
    return text


def _names(spec: str) -> list[str]:
    return [n.strip() for n in spec.strip().strip("()").replace("\n", " ").split(",") if n.strip()]


def fix_imports(
    text: str, path: Path, is_bench: bool, tmods: dict[str, str], cli_names: set[str]
) -> str:
    """Imports of test modules at their new dotted place (conftest's helpers from
    tests.support.cli); bare test-module imports made absolute, except a script's own bare
    import of a module beside it under ``if __name__ == "__main__":`` (run as a script, its
    folder is on sys.path and the repository root may not be)."""
    main = re.search(r"^if __name__ == .__main__.:", text, flags=re.M)
    main_at = main.start() if main else len(text)
    here = ".".join(path.parent.relative_to(REPO).parts)

    def script_sibling(m: re.Match, module: str) -> bool:
        return m.start() > main_at and tmods.get(module, "").rsplit(".", 1)[0] == here

    def target(module: str) -> str | None:
        if module.split(".")[-1] == "conftest":
            return "tests.conftest"
        if (REPO / Path(*module.split("."))).with_suffix(".py").exists():
            return None  # still where it is
        name = module.split(".")[-1]
        return tmods.get(name)

    def from_import(m: re.Match) -> str:
        indent, module, spec, tail = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        bare = not module.startswith("tests.")
        if bare and (module not in tmods or (is_bench and module in bench_modules())):
            return m.group(0)
        if bare and script_sibling(m, module):
            return m.group(0)
        new = target(module if bare else module)
        if new == "tests.conftest":
            names = _names(spec)
            helpers = [n for n in names if n.split(" as ")[0].strip() in cli_names]
            rest = [n for n in names if n not in helpers]
            lines = []
            if helpers:
                lines.append(f"{indent}from tests.support.cli import {', '.join(helpers)}{tail}")
            if rest:
                lines.append(f"{indent}from tests.conftest import {', '.join(rest)}{tail}")
            return "\n".join(lines)
        if new is None:
            return m.group(0)
        return f"{indent}from {new} import {spec}{tail}"

    text = re.sub(
        r"^([ \t]*)from[ \t]+((?:tests\.)?[\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^#\n]*?)"
        r"([ \t]*#[^\n]*)?$",
        lambda m: (
            from_import(m)
            if m.group(2).startswith("tests.") or m.group(2) in tmods or m.group(2) == "conftest"
            else m.group(0)
        ),
        text,
        flags=re.M,
    )

    def from_tests(m: re.Match) -> str:
        indent, spec, tail = m.group(1), m.group(2), m.group(3) or ""
        groups: dict[str, list[str]] = {}
        for name in _names(spec):
            base = name.split(" as ")[0].strip()
            where = tmods.get(base, "tests." + base)
            if (REPO / "tests" / f"{base}.py").exists() or (REPO / "tests" / base).is_dir():
                where = "tests." + base
            groups.setdefault(where.rsplit(".", 1)[0], []).append(name)
        return "\n".join(f"{indent}from {p} import {', '.join(n)}{tail}" for p, n in groups.items())

    text = re.sub(
        r"^([ \t]*)from[ \t]+tests[ \t]+import[ \t]+(\([^)]*\)|[^#\n]*?)([ \t]*#[^\n]*)?$",
        from_tests,
        text,
        flags=re.M,
    )

    def bare_import(m: re.Match) -> str:
        indent, module, alias, tail = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        if module not in tmods or (is_bench and module in bench_modules()):
            return m.group(0)
        if script_sibling(m, module):
            return m.group(0)
        parent, name = tmods[module].rsplit(".", 1)
        return f"{indent}from {parent} import {name}{alias}{tail}"

    text = re.sub(
        r"^([ \t]*)import[ \t]+(\w+)([ \t]+as[ \t]+\w+)?([ \t]*#[^\n]*)?$",
        bare_import,
        text,
        flags=re.M,
    )
    for m in re.finditer(r"^[ \t]*import[ \t]+tests\.[\w.]+", text, flags=re.M):
        warn(f"'{m.group(0).strip()}' kept as written: fix its uses by hand")
    return text


def fix_bench_syspath(text: str, path: Path, tmods: dict[str, str]) -> str:
    """bench: the folder of test helpers is no longer put on sys.path (they are imported as
    tests.support.X from the repository root); the bench folder put there becomes the
    folder of the siblings the script imports bare."""
    bmods = bench_modules()
    siblings = set()
    for m in re.finditer(r"^[ \t]*(?:from[ \t]+(\w+)[ \t]+import|import[ \t]+(\w+))", text, re.M):
        name = m.group(1) or m.group(2)
        if name in bmods and name != path.stem:
            siblings.add(bmods[name])
    own = path.parent.relative_to(REPO / "bench").as_posix().strip(".")
    lines = text.splitlines(keepends=True)
    inserts = [ln.strip() for ln in lines if ln.lstrip().startswith("sys.path.insert(")]
    out = []
    for line in lines:
        m = re.match(r'([ \t]*sys\.path\.insert\(0, str\()(.+?) / "tests"\)\)(.*\n?)$', line)
        if m:
            plain = f"{m.group(1).strip()}{m.group(2)}))"
            if plain in inserts:
                continue  # the repository root is on sys.path already
            line = f"{m.group(1)}{m.group(2)})){m.group(3)}"
        m = re.match(r'([ \t]*sys\.path\.insert\(0, str\()(.+?) / "bench"\)\)(.*\n?)$', line)
        if m:
            if len(siblings) == 1:
                (sub,) = siblings
                line = f'{m.group(1)}{m.group(2)} / "bench" / "{sub}")){m.group(3)}'
            elif siblings:
                warn(f"{rel(path)}: imports bench scripts of several folders; fix sys.path")
        m = re.match(r"[ \t]*sys\.path\.insert\(0, str\(HERE\)\)", line)
        if m and siblings and siblings != {own}:
            warn(f"{rel(path)}: puts its own folder on sys.path but imports from {siblings}")
        out.append(line)
    return "".join(out)


def fix_shell_paths(text: str, old: Path, new: Path) -> str:
    """``$(dirname "$0")/..`` in a moved shell script still names the same folder."""

    def sub(m: re.Match) -> str:
        ups = m.group(1).count("/..")
        target = old.parent.parents[ups - 1] if ups else old.parent
        nups, segs = _express(new.parent, target)
        return '$(dirname "$0")' + "/.." * nups + "".join("/" + s for s in segs)

    return re.sub(r'\$\(dirname "\$0"\)((?:/\.\.)*)', sub, text)


# --- conftest ------------------------------------------------------------------------------

CLI_DOC = '''"""Where the repository and its data are, and the command line run as a user runs it
(a real ``python -m redactcheck`` in a subprocess). Plain functions, not fixtures: bench/
imports them too."""
'''
CONFTEST_DOC_OLD = (
    '"""Shared fixtures: one loaded scanner per session (the spaCy model is slow to load), a CLI\n'
    "runner that calls the real entry point in a subprocess, and helpers to write fixture "
    'files."""'
)
CONFTEST_DOC_NEW = (
    '"""Shared pytest fixtures: one loaded scanner per session (the spaCy model is slow to\n'
    "load) and a helper to write fixture files. Builders and the CLI runner are plain modules "
    'in\ntests/support/ (bench/ imports them too)."""'
)


DEFINITIONS = (ast.Assign, ast.AnnAssign, ast.FunctionDef, ast.ClassDef)


def _is_fixture(node: ast.AST) -> bool:
    decorators = getattr(node, "decorator_list", [])
    return any("fixture" in ast.unparse(d) for d in decorators)


def split_conftest(dry: bool) -> tuple[bool, set[str]]:
    """Move conftest's non-fixture definitions (REPO, SHARED, FIXTURES, run_cli, cli_env …)
    to tests/support/cli.py; conftest keeps its fixtures. Returns (changed, names in cli)."""
    conftest = REPO / "tests" / "conftest.py"
    cli = REPO / "tests" / "support" / "cli.py"
    text = conftest.read_text(encoding="utf-8")
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    imports, blocks, spans, defs = [], [], [], []
    for node in tree.body:
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        while start > 0 and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        segment = "".join(lines[start : node.end_lineno])
        if isinstance(node, ast.Import | ast.ImportFrom):
            if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
                imports.append(segment)
        elif isinstance(node, DEFINITIONS) and not _is_fixture(node):
            blocks.append(segment)
            spans.append((start, node.end_lineno))
            defs.append(isinstance(node, ast.FunctionDef | ast.ClassDef))
    existing = set()
    if cli.exists():
        existing = {
            t.id if isinstance(t, ast.Name) else t.name
            for n in ast.parse(cli.read_text(encoding="utf-8")).body
            for t in (n.targets if isinstance(n, ast.Assign) else [n])
            if isinstance(t, ast.Name | ast.FunctionDef | ast.ClassDef)
        }
    if not blocks:
        return False, existing
    if dry:
        print(
            f"would move {len(blocks)} definitions from tests/conftest.py to tests/support/cli.py"
        )
        return True, existing
    body = blocks[0].strip("\n") + "\n"
    for n in range(1, len(blocks)):  # two blank lines around a def, none between constants
        body += ("\n\n" if defs[n] or defs[n - 1] else "") + blocks[n].strip("\n") + "\n"
    moved_from, moved_to = conftest, cli
    body = fix_file_paths(body, moved_from, moved_to, old_to_new())
    if cli.exists():
        warn("tests/conftest.py had new helpers: appended to tests/support/cli.py, check them")
        cli.write_text(cli.read_text(encoding="utf-8") + "\n\n" + body, encoding="utf-8")
    else:
        head = CLI_DOC + "\nfrom __future__ import annotations\n\n" + "".join(imports)
        cli.write_text(head + "\n\n" + body, encoding="utf-8")
    keep = [ln for i, ln in enumerate(lines) if not any(s <= i < e for s, e in spans)]
    new = re.sub(r"\n{3,}(?=\S)", "\n\n\n", "".join(keep))
    new = new.replace(CONFTEST_DOC_OLD, CONFTEST_DOC_NEW)
    conftest.write_text(new, encoding="utf-8")
    git("add", rel(cli))
    names = {
        t.id if isinstance(t, ast.Name) else t.name
        for n in ast.parse(cli.read_text(encoding="utf-8")).body
        for t in (n.targets if isinstance(n, ast.Assign) else [n])
        if isinstance(t, ast.Name | ast.FunctionDef | ast.ClassDef)
    }
    return True, names


# --- text references and the architecture section -------------------------------------------


def is_data(path: str) -> bool:
    parts = set(path.split("/"))
    if path.endswith((".jsonl", ".tsv", ".json", ".pdf", ".docx")):
        return True
    return any(group <= parts for group in DATA_PARTS)


def fix_references(files: set[str], mapping: dict[str, str]) -> list[str]:
    """Rewrite ``tests/NAME`` and ``bench/NAME`` path strings to the present paths."""
    if not mapping:
        return []
    olds = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.-])(" + "|".join(re.escape(o) for o in olds) + r")(?![\w-]|\.(?:py|sh|tsv)\b)"
    )
    changed = []
    for name in sorted(files):
        path = REPO / name
        if (
            path == ME
            or not path.is_file()
            or path.suffix not in TEXT_SUFFIXES
            or is_data(name)
            or path.is_symlink()
        ):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        new = pattern.sub(lambda m: mapping[m.group(1)], text)
        if new != text and path.suffix == ".py":
            new = fit_lines(text, new)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(name)
    return changed


def _shrink_padding(lines: list[str], i: int, over: int) -> bool:
    """Take ``over`` spaces out of the padding before an aligned ``#`` comment on line ``i``
    (and on the lines around it aligned at the same column, when they all have room)."""
    m = re.search(r"(?<=\S)( {3,})#", lines[i])
    if not m or len(m.group(1)) - over < 2:
        return False
    col = m.end() - 1
    block = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and len(lines[j]) > col and lines[j][col] == "#":
            if lines[j][col - 2 : col] != "  ":
                break
            block.append(j)
            j += step
    runs = {j: len(lines[j][:col]) - len(lines[j][:col].rstrip()) for j in block}
    if min(runs.values()) - over < 2:
        block = [i]
    for j in block:
        lines[j] = lines[j][: col - over] + lines[j][col:]
    return True


def _kinds(text: str) -> dict[int, tuple[str, int]]:
    """Line index -> ('comment', column of its ``#``) or ('string', 0) for lines inside a
    multi-line string (docstrings); other lines are code and never re-wrapped."""
    kinds: dict[int, tuple[str, int]] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.COMMENT:
                kinds[tok.start[0] - 1] = ("comment", tok.start[1])
            elif tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                for n in range(tok.start[0], tok.end[0] + 1):
                    kinds.setdefault(n - 1, ("string", 0))
    except (tokenize.TokenError, SyntaxError):
        pass
    return kinds


def _depth(text: str) -> int:
    return text.count("(") - text.count(")") + text.count("[") - text.count("]")


def _push_words(lines: list[str], i: int, limit: int, kind: tuple[str, int]) -> bool:
    """Move the last words of an over-long docstring or comment line to the next line of its
    paragraph, or to a new line when the paragraph ends there. False when it cannot."""
    line = lines[i]
    indent = len(line) - len(line.lstrip())
    if kind[0] == "comment" and kind[1] > indent:  # a comment after code: continue below it
        lead, start = " " * indent + "# ", kind[1] + 2
    elif kind[0] == "comment":
        lead = re.match(r"[ \t]*#[ \t]*", line).group(0)
        start = len(lead)
    else:
        lead = " " * indent
        start = indent
    spaces = [k for k in range(start + 1, min(limit, len(line) - 1) + 1) if line[k] == " "]
    if not spaces:
        return False
    outside = [k for k in spaces if _depth(line[start:k]) <= 0]  # not inside () or []
    cut = (outside or spaces)[-1]
    if line.lstrip().startswith("usage:") and kind[0] == "string":
        lead = " " * (indent + len("usage: "))
    head, tail = line[:cut].rstrip(), line[cut + 1 :]
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    nxt_lead = re.match(r"[ \t]*(?:#[ \t]*)?", nxt).group(0)
    if kind[0] == "string":  # the paragraph goes on, maybe with a hanging indent (lists)
        same = 0 <= len(nxt_lead) - indent <= 3
    else:
        same = kind[1] == indent and nxt_lead == lead
    joins = (
        same
        and nxt.strip()
        and not line.rstrip().endswith('"""')
        and not line.lstrip().startswith("usage:")
        and not nxt.strip().startswith(('"""', ">>>", "- ", "* ", "usage:"))
        and not re.match(r"\d+\. ", nxt.strip())
    )
    if joins:
        lines[i], lines[i + 1] = head, nxt_lead + tail + " " + nxt[len(nxt_lead) :]
    else:
        lines[i : i + 1] = [head, lead + tail]
    return True


def fit_lines(before: str, after: str, limit: int = 100) -> str:
    """Lines that a longer path pushed past ``limit`` (ruff's line length) are fitted again:
    alignment padding before a comment shrinks, or words of a docstring or comment move to
    the next line. Code lines are left for the lead (listed as warnings)."""
    old, lines = before.split("\n"), after.split("\n")
    if len(old) != len(lines):
        return after
    kinds = _kinds(after)
    grew = [i for i, (a, b) in enumerate(zip(old, lines, strict=True)) if a != b and len(b) > limit]
    for i in reversed(grew):
        kind = kinds.get(i)
        if kind is None:
            warn(f"a code line grew past {limit} characters: {lines[i].strip()[:70]}")
            continue
        j = i
        while j < len(lines) and len(lines[j]) > limit and j < i + 20:
            here = kind
            if j > i and kind[0] == "comment":  # a comment line of its own by now
                here = ("comment", len(lines[j]) - len(lines[j].lstrip()))
            if not _shrink_padding(lines, j, len(lines[j]) - limit) and not _push_words(
                lines, j, limit, here
            ):
                break
            j += 1
    return "\n".join(lines)


def first_line(path: Path) -> str:
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    except SyntaxError:
        doc = ""
    if not doc and path.suffix == ".sh":
        comments = [ln[2:] for ln in path.read_text().splitlines()[1:3] if ln.startswith("# ")]
        doc = comments[0] if comments else ""
    line = " ".join(doc.split("\n\n")[0].split())
    sentence = re.match(r"(.+?[.?!])(?:\s|$)", line)
    line = (sentence.group(1) if sentence else line).replace("``", "`")
    return line if len(line) <= 140 else line[:137].rsplit(" ", 1)[0] + " …"


def architecture_section() -> str:
    tests = REPO / "tests"
    count = {
        f: len([p for p in (tests / f).rglob("test_*.py") if "__pycache__" not in p.parts])
        for f in TEST_FOLDERS
    }
    units = sorted(
        {rel(p.parent) for p in (tests / "unit").rglob("test_*.py") if p.parent != tests / "unit"}
    )
    out = [
        SECTION_START,
        "## Tests and benchmarks",
        "",
        "`tests/` mirrors the package; `bench/` holds what a test must not time or cannot run in",
        "CI. `python -m pytest` runs every folder; `python -m pytest tests/unit` is the quick",
        "loop (`-m 'not nlp'` leaves out the tests that load the spaCy model).",
        "",
        f"- `tests/unit/` ({count['unit']} modules): the tests of one module each, in the folders "
        "of the package they test ("
        + ", ".join(f"`{u.removeprefix('tests/')}/`" for u in units)
        + "); tests of top-level modules and of the package's shape (`test_architecture.py`) "
        "at its top.",
        f"- `tests/integration/` ({count['integration']} modules): the command line and whole "
        "scans as users and CI run them: formats end to end, hostile folders, review and HTML "
        "report, no leaks, offline, read-only, git safety, OCR of scanned pages, scale.",
        f"- `tests/quality/` ({count['quality']} modules): what is found: probes of invented "
        "names and markings, the project's labelled cases (`tests/quality/eval/`), precision "
        "of the hidden-content checks, the shared cable.",
        "- `tests/support/`: no tests: builders of fixtures in code and helpers, imported as "
        "`tests.support.X` by tests and by `bench/`:",
    ]
    for path in sorted((tests / "support").glob("*.py")):
        if path.name != "__init__.py":
            out.append(f"  - `{path.name}`: {first_line(path)}")
    conftest = tests / "conftest.py"
    fixtures = [
        n.name
        for n in ast.parse(conftest.read_text(encoding="utf-8")).body
        if isinstance(n, ast.FunctionDef) and _is_fixture(n)
    ]
    out += [
        "- `tests/conftest.py`: pytest fixtures only ("
        + ", ".join(f"`{f}`" for f in fixtures)
        + "); `tests/fixtures/`: text fixtures that tests of several folders read.",
        "",
    ]
    for folder, what in (
        ("speed", "time, memory and throughput, and the same-findings proofs a speed change needs"),
        ("quality", "figures of what is found; `figures.sh` runs every published one"),
        ("robustness", "hostile input at full size, fuzzing, ReDoS, linear time"),
    ):
        base = REPO / "bench" / folder
        if not base.is_dir():
            continue
        out.append(f"- `bench/{folder}/`: {what}.")
        for path in sorted(base.iterdir()):
            if path.suffix in (".py", ".sh"):
                out.append(f"  - `{path.name}`: {first_line(path)}")
            elif path.name != "__pycache__":
                out.append(f"  - `{path.name}`: {DATA_NOTES.get(path.name, 'data')}")
    out += ["", SECTION_END]
    return "\n".join(out) + "\n"


def write_architecture() -> bool:
    doc = REPO / "docs" / "architecture.md"
    if not doc.exists():
        warn("docs/architecture.md missing: section not written")
        return False
    text = doc.read_text(encoding="utf-8")
    section = architecture_section()
    if SECTION_START in text and SECTION_END in text:
        head, rest = text.split(SECTION_START, 1)
        new = head + section + rest.split(SECTION_END, 1)[1].lstrip("\n")
    else:
        new = text.rstrip("\n") + "\n\n" + section
    if new != text:
        doc.write_text(new, encoding="utf-8")
        return True
    return False


# --- main ----------------------------------------------------------------------------------


def ensure_packages(dry: bool) -> list[str]:
    """tests/ and every folder under it that holds Python become packages."""
    made = []
    folders = {REPO / "tests"} | {
        p.parent
        for p in (REPO / "tests").rglob("*.py")
        if "__pycache__" not in p.parts and p.parent.name not in ("fixtures",)
    }
    for folder in sorted(folders):
        init = folder / "__init__.py"
        if not init.exists():
            made.append(rel(init))
            if not dry:
                init.write_text("")
                git("add", rel(init))
    return made


def run_ruff(paths: list[str]) -> None:
    ruff = shutil.which("ruff")
    if not ruff:
        warn("ruff not found: run `ruff check --fix --select I . && ruff format .` by hand")
        return
    py = [p for p in paths if p.endswith(".py") and (REPO / p).exists()]
    if not py:
        return
    special = [p for p in ("tests/conftest.py", "tests/support/cli.py") if p in py]
    if special:
        subprocess.run([ruff, "check", "--fix", "--select", "F401", "-q", *special], cwd=REPO)
    subprocess.run([ruff, "check", "--fix", "--select", "I", "-q", *py], cwd=REPO)
    subprocess.run([ruff, "format", "-q", *py], cwd=REPO)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    ap.add_argument("--no-ruff", action="store_true", help="do not sort imports and format")
    args = ap.parse_args()
    os.chdir(REPO)
    files = tracked()
    moves, _ = plan_moves(files)
    width = max((len(o) for o, _, _ in moves), default=0)
    for old, new, reason in moves:
        print(f"{'would move' if args.dry_run else 'move'} {old:<{width}} -> {new}  ({reason})")
    if args.dry_run:
        split_conftest(dry=True)
        for init in ensure_packages(dry=True):
            print(f"would create {init}")
        return 0

    done = []
    for old, new, _ in moves:
        target = REPO / new
        if target.exists():
            warn(f"{new} exists already: {old} left in place, merge them by hand")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        git("mv", old, new)
        done.append((REPO / old, target))
    mapping = old_to_new()

    changed: set[str] = set()
    conftest_changed, cli_names = split_conftest(dry=False)
    if conftest_changed:
        changed |= {"tests/conftest.py", "tests/support/cli.py"}
    changed |= set(ensure_packages(dry=False))

    for old, new in done:  # paths computed from __file__, and ``cd`` in shell scripts
        if new.suffix in (".py", ".sh"):
            text = new.read_text(encoding="utf-8")
            fixed = (
                fix_file_paths(text, old, new, mapping)
                if new.suffix == ".py"
                else fix_shell_paths(text, old, new)
            )
            if fixed != text:
                new.write_text(fixed, encoding="utf-8")
                changed.add(rel(new))

    tmods = test_modules()
    for path in sorted([*(REPO / "tests").rglob("*.py"), *(REPO / "bench").rglob("*.py")]):
        if "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        is_bench = rel(path).startswith("bench/")
        fixed = fix_imports(text, path, is_bench, tmods, cli_names)
        if is_bench:
            fixed = fix_bench_syspath(fixed, path, tmods)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            changed.add(rel(path))

    references = fix_references(tracked() | changed, mapping)
    changed |= set(references)
    if write_architecture():
        changed.add("docs/architecture.md")
    if not args.no_ruff:
        run_ruff(sorted(changed))
    git("add", "--", *sorted(c for c in changed if (REPO / c).exists()))

    print()
    print(f"moved {len(done)} entries; rewrote {len(changed)} files")
    for name in sorted(changed):
        print(f"  changed {name}")
    stale = [
        f"{name}: {m.group(0)}"
        for name in sorted(tracked())
        if (REPO / name).is_file()
        and (REPO / name).suffix in (".py", ".md", ".sh", ".toml", "")
        and not is_data(name)
        and REPO / name != ME
        for m in re.finditer(
            r"(?<![\w/.-])(?:tests/\w+\.py|bench/\w+\.(?:py|sh|tsv|jsonl))",
            (REPO / name).read_text(encoding="utf-8", errors="replace"),
        )
        if not (REPO / m.group(0)).exists()
    ]
    for line in stale:
        warn(f"path to nothing left as written (check by hand): {line}")
    print(f"\n{len(warnings)} warning(s)" if warnings else "\nno warnings")
    print("next: python -m pytest --co -q | tail -1  (same count as before), ruff check .")
    return 0


if __name__ == "__main__":
    sys.exit(main())
