"""Rule safety, measured: what the ReDoS check rejects really explodes; what it accepts does not.

    python bench/robustness/redos.py

1. Each catastrophic pattern from ``tests/unit/ruleset/test_rule_safety.py`` is timed on its attack
   string for growing n (each try capped at 2 s by a SIGALRM time-out); the time roughly doubles per
   extra character, which is why the loader refuses them.
2. Every shipped rule pattern and every accepted example pattern is timed over a 1 MB
   pathological text (long runs of the characters they repeat, no newline breaks for 10 kB at
   a time); the figure is MB/s, so a regression to super-linear time shows as a collapse.
"""

from __future__ import annotations

import re
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from redactcheck.detect.accel.regex_facts import pattern_flags  # noqa: E402
from redactcheck.ruleset.loader import load_rules  # noqa: E402
from redactcheck.ruleset.redos import UnsafePattern, check_pattern  # noqa: E402
from tests.unit.ruleset.test_rule_safety import CATASTROPHIC, SAFE  # noqa: E402

ATTACKS = {
    r"^(a+)+$": "a{n}!",
    r"(a|a)*$": "a{n}!",
    r"(a*)*b": "a{n}",
    r"(\w+\s?)*$": "a{n}!",
    r"(x+x+)+y": "x{n}",
    r"(x|xy|y)*z": "xy{n}",
    r"(.|\s)*END": " {n}",
    r"(?:[A-Z]+ ?)+//": "A{n}!",
}


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def timed(rx: re.Pattern[str], text: str, cap: float) -> float | None:
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, cap)
    start = time.perf_counter()
    try:
        for _ in rx.finditer(text):
            pass
        return time.perf_counter() - start
    except _Timeout:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def attack_text(template: str, n: int) -> str:
    unit, rest = template.split("{n}")
    return unit * n + rest


def catastrophic() -> None:
    print("1. rejected patterns on their attack strings (seconds; '>2' = stopped at the cap)")
    for pattern, template in ATTACKS.items():
        assert pattern in CATASTROPHIC
        try:
            check_pattern(pattern, re.MULTILINE)
            verdict = "ACCEPTED (check missed it)"
        except UnsafePattern:
            verdict = "rejected at load"
        rx = re.compile(pattern, re.MULTILINE)
        cells = []
        for n in (16, 20, 24, 28):
            t = timed(rx, attack_text(template, n), 2.0)
            cells.append(">2" if t is None else f"{t:.3f}")
            if t is None:
                break
        print(f"   {pattern:24} {verdict:18} n=16,20,24,28: {' '.join(cells)}")


PATHOLOGICAL = "".join(
    [
        "SECRET//" * 400,
        "(S" * 400,
        "A" * 2000,
        " " * 2000,
        "Classified By: " * 100,
        "a1" * 1000,
        "ＳＥＣＲＥＴ" * 200,
        "S E C R E T " * 200,
        "\n",
    ]
)


def accepted() -> None:
    text = (PATHOLOGICAL * (1_000_000 // len(PATHOLOGICAL) + 1))[:1_000_000]
    mb = len(text.encode("utf-8")) / 1e6
    print(f"2. accepted patterns over {mb:.1f} MB of pathological text (MB/s; slowest first)")
    rows = []
    for rule in load_rules():
        for p in rule.spec.patterns:
            rx = re.compile(p.regex, pattern_flags(p.flags))
            t = timed(rx, text, 60.0)
            rows.append((t, f"{rule.spec.id}:{p.name}"))
    for pattern in SAFE:
        t = timed(re.compile(pattern, re.MULTILINE), text, 60.0)
        rows.append((t, pattern))
    rows.sort(key=lambda r: -(r[0] if r[0] is not None else 1e9))
    for t, name in rows[:8]:
        speed = "timed out (>60 s)" if t is None else f"{mb / t:8.1f} MB/s ({t:.2f} s)"
        print(f"   {speed}  {name}")
    print(f"   ... {len(rows)} patterns in all; total {sum(t or 60 for t, _ in rows):.1f} s")


if __name__ == "__main__":
    catastrophic()
    accepted()
