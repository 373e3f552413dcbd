"""Which steps of the names pipeline drop true names: an ablation audit on the tune parts.

Why: the names pipeline proposes candidates (the model's PERSON entities, the name-candidate
layer) and then many steps drop or cut them (span cleaning, heading/acronym/cryptonym/place
filters, lower-case twins, debris tests ...). A step that drops more true names than false
alarms, or a whole family of true names, is a general lever. This script turns each step off in
turn (a monkeypatch here, never in the product) and rescans the labelled tune documents with
the model's output memoised, so each step costs one rules pass; it counts, per step, the gold
names that reappear (true names the step removes) and the non-gold spans that reappear (false
alarms it removes). A step removes only what no later step removes too: the counts are what
turning it off alone would change.

It also counts the gold names nothing proposed at all, and the ones the span cleaner
(``clean_span``) cut away, by shape (capitals, one word, initials, OCR-damaged, in a list).
"Proposed" means in this run: the model's PERSON entities and every span a finder handed to
``clean_span`` (a later mention that spreading would propose once its name is found counts as
never proposed while that name is missed).

Defaults: every tune part (eval-dev tune, set1/set3/set4 tune). Counts only; ``--show STEP``
lists what one step removes, with context; ``--show unproposed`` / ``--show cut`` list the
never-proposed / cut gold names: output that quotes documents, for /tmp, never for the
repository. ``--part check`` scores the check parts (counts only; --show is refused there, as
the rules require).

    python bench/quality/name_filter_audit.py                    # every step, counts
    python bench/quality/name_filter_audit.py --steps drop_lower_twins --show drop_lower_twins
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import tune_parts  # noqa: E402
from tune_parts import Part, context  # noqa: E402

from redactcheck.config import load_config  # noqa: E402
from redactcheck.detect.pii import name_candidates as cand  # noqa: E402
from redactcheck.detect.pii import names as names_mod  # noqa: E402
from redactcheck.detect.pii import person_rules as pr  # noqa: E402
from redactcheck.detect.pii import refine as refine_mod  # noqa: E402
from redactcheck.evaluate import Span, label_of, match  # noqa: E402
from redactcheck.session import build_session  # noqa: E402

_NEVER = re.compile(r"(?!)")


def _false(*_a, **_k) -> bool:
    return False


def _people(_text, people, *_a, **_k):
    return people


def _patch(target, attr: str, value) -> Callable[[], contextlib.AbstractContextManager]:
    return lambda: mock.patch.object(target, attr, value)


def _judge_without(field: str) -> Callable[[], contextlib.AbstractContextManager]:
    """Judge._exclude with one of the text's own verdicts left out."""
    original = cand.Judge._exclude

    def exclude(self, word, cued):
        saved = {f: getattr(self, f) for f in field.split(",")}
        for f in saved:
            setattr(self, f, set())
        try:
            return original(self, word, cued)
        finally:
            for f, v in saved.items():
                setattr(self, f, v)

    return _patch(cand.Judge, "_exclude", exclude)


class _Clean:
    """A Judge that reads the text as a clean one (its OCR-noise verdict off)."""

    def __init__(self, judge) -> None:
        self._judge = judge
        self.noisy = False

    def __getattr__(self, name: str):
        return getattr(self._judge, name)


def _not_a_name_clean() -> contextlib.AbstractContextManager:
    real = pr._not_a_name
    return mock.patch.object(pr, "_not_a_name", lambda span, judge: real(span, _Clean(judge)))


@contextlib.contextmanager
def _no_place_lexicon() -> Iterator[None]:
    lex = pr.name_lexicon()
    with mock.patch.object(pr, "name_lexicon", lambda: dataclasses.replace(lex, places=None)):
        yield


#: step name -> what turns it off. Predicates answer "no", list filters keep every span,
#: patterns never match. Names are those of redactcheck/detect/pii/person_rules.py.
STEPS: dict[str, Callable[[], contextlib.AbstractContextManager]] = {
    **{
        name: _patch(pr, name, _false)
        for name in (
            "_acronym_in_prose",
            "_after_codeword",
            "_after_roman_numeral",
            "_debris_line",
            "_head_after",
            "_head_before",
            "_in_heading",
            "_is_place",
            "_marking_fragment",
            "_not_a_name",
            "_ordinary_words",
            "_publisher",
            "_work_title",
            "collection_after",
        )
    },  # fmt: skip
    "_not_a_name.noisy": _not_a_name_clean,
    "closest_word": _patch(pr, "closest_word", lambda *_a, **_k: None),
    "is_cryptonym": _patch(cand, "is_cryptonym", _false),
    "noisy_around": _patch(cand, "noisy_around", _false),
    "trim_edge_debris": _patch(pr, "trim_edge_debris", lambda _t, a, b, *_r: (a, b)),
    "_excluded_word": _patch(cand, "_excluded_word", _false),
    "judge.lower_words": _judge_without("lower_words"),
    "judge.model_labels": _judge_without("not_person_texts,places"),
    "place_lexicon": _no_place_lexicon,
    **{
        name: _patch(pr, name, _people)
        for name in (
            "_person_not_firm",
            "vet_people",
            "drop_debris",
            "drop_model_only",
            "drop_kinds",
            "drop_damaged_heads",
            "drop_body_names",
            "drop_date_words",
            "drop_flip_lines",
            "drop_lower_twins",
            "drop_misread_places",
        )
    },  # fmt: skip
    "keep_eponyms": _patch(pr, "keep_eponyms", lambda _t, people, *_a: people),
    **{
        name: _patch(pr, name, _NEVER)
        for name in ("_ACT_AFTER", "_BILL_AFTER", "_ROUTING", "_SAINT", "_AT_PLACE", "_AFTER_THE")
    },
}


def load_parts(shared: Path, part: str, only: set[str], tmp: Path) -> list[Part]:
    """The tune (or check) parts, with PERSON gold only."""
    parts = tune_parts.load_parts(shared, part, only, tmp)
    for p in parts:
        p.gold = [g for g in p.gold if g.label == "PERSON"]
    return parts


class Recorder:
    """What find_people was given (the model's PERSON entities) and what clean_span cut."""

    def __init__(self) -> None:
        self.ner: list[tuple[int, int]] = []
        self.cleaned: list[tuple[int, int, list[tuple[int, int]]]] = []
        self.offset = 0

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        real_find, real_clean = refine_mod.find_people, pr.clean_span

        def find(text, ner, *a, **k):
            ner = list(ner)
            self.ner += [(s, e) for s, e, label in ner if label == "PERSON"]
            return real_find(text, ner, *a, **k)

        def clean(text, s, e, lex):
            out = real_clean(text, s, e, lex)
            self.cleaned.append((s, e, out))
            return out

        with (
            mock.patch.object(refine_mod, "find_people", find),
            mock.patch.object(pr, "clean_span", clean),
        ):
            yield


def scan(pipeline, parts: list[Part], rec: Recorder | None = None) -> dict[str, list[Span]]:
    """PERSON predictions of every document (body part, as ``redactcheck eval`` scores)."""
    out: dict[str, list[Span]] = {}
    for part in parts:
        for name in part.names:
            with rec.active() if rec else contextlib.nullcontext():
                result = pipeline.scan([part.docs / name])[0]
            out[f"{part.name}/{name}"] = [
                Span(name, f.start, f.end, "PERSON")
                for f in result.findings
                if label_of(f) == "PERSON" and f.part == "body"
            ]
    return out


def tally(parts: list[Part], pred: dict[str, list[Span]]) -> dict[str, tuple[set, set]]:
    """Per part: the gold spans matched, the predictions unmatched (as hashable keys)."""
    out = {}
    for part in parts:
        p = [s for k, v in pred.items() if k.startswith(part.name + "/") for s in v]
        pairs, _misses, fas = match(part.gold, p)
        out[part.name] = ({g for g, _ in pairs}, set(fas))
    return out


def shape(text: str, doc: str, g: Span) -> str:
    """A rough shape class of a gold name, for counting."""
    if re.search(r"[0-9|#@$%*{}\[\]\\]|[a-z][A-Z]{2}|[A-Z][a-z]+[A-Z][a-z]*[A-Z]", text):
        kind = "ocr-damaged"
    elif re.fullmatch(r"[A-Z]{1,4}|(?:[A-Z]\.\s*){1,4}", text.strip()):
        kind = "initials-only"
    elif re.search(r"\b[A-Z]\.", text):
        kind = "with-initials"
    elif text.isupper():
        kind = "caps-" + ("one-word" if len(text.split()) == 1 else "multi-word")
    else:
        kind = "mixed-" + ("one-word" if len(text.split()) == 1 else "multi-word")
    before, after = doc[max(0, g.start - 4) : g.start], doc[g.end : g.end + 4]
    if re.search(r"[,&/;]\s*$|\band\s*$", before) or re.match(r"\s*(?:[,&/;]|and\b)", after):
        kind += " in-list"
    return kind


def show(part: str, tag: str, spans: set[Span], texts: dict[str, str]) -> None:
    for s in sorted(spans, key=lambda s: (s.doc, s.start)):
        print(f"  {tag} {part} {s.doc}: {context(texts[f'{part}/{s.doc}'], s.start, s.end)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--part", choices=("tune", "check"), default="tune")
    ap.add_argument("--sets", default="eval-dev,set1,set3,set4")
    ap.add_argument("--steps", help="comma-separated steps (default: all); 'none' for none")
    ap.add_argument("--show", help="a step name, or 'unproposed' / 'cut': list spans (tune only)")
    args = ap.parse_args()
    if args.show and args.part != "tune":
        sys.exit("--show reads documents: tune parts only")
    steps = list(STEPS) if not args.steps else [] if args.steps == "none" else args.steps.split(",")
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        sys.exit(f"unknown steps: {unknown}; known: {', '.join(STEPS)}")
    names_mod._MEMO_SIZE = 10**7  # the model runs once per text: ablations rerun the rules only
    pipeline = build_session(load_config(None)).pipeline
    with tempfile.TemporaryDirectory() as tmp:
        parts = load_parts(args.shared, args.part, set(args.sets.split(",")), Path(tmp))
        texts = {
            f"{p.name}/{n}": (p.docs / n).read_text(encoding="utf-8")
            for p in parts
            for n in p.names
        }
        audit_candidates(pipeline, parts, texts, args.show)
        base = tally(parts, scan(pipeline, parts))
        for p in parts:
            tp, fp = len(base[p.name][0]), len(base[p.name][1])
            print(f"{p.name}: PERSON gold {len(p.gold)}, correct {tp}, false alarms {fp}, "
                  f"P {tp / max(1, tp + fp):.3f} R {tp / max(1, len(p.gold)):.3f}")  # fmt: skip
        print("\nstep                      true-names-removed  false-alarms-removed   (per part)")
        for step in steps:
            with STEPS[step]():
                pred = scan(pipeline, parts)
            now = tally(parts, pred)
            gained_tp = {k: now[k][0] - base[k][0] for k in base}
            gained_fp = {k: now[k][1] - base[k][1] for k in base}
            lost_tp = sum(len(base[k][0] - now[k][0]) for k in base)
            tp, fp = sum(map(len, gained_tp.values())), sum(map(len, gained_fp.values()))
            per = "  ".join(f"{k.split()[0]}:{len(gained_tp[k])}/{len(gained_fp[k])}" for k in base)
            extra = f"  (turning it off also loses {lost_tp} matched)" if lost_tp else ""
            print(f"{step:26}{tp:>10}{fp:>20}       {per}{extra}")
            if args.show == step:
                for k in base:
                    show(k, "TRUE ", gained_tp[k], texts)
                    show(k, "FALSE", gained_fp[k], texts)
        again = tally(parts, scan(pipeline, parts))
        if again != base:  # a cache kept a verdict made with a step turned off
            print("WARNING: the baseline changed after the ablations; counts are unreliable")
    return 0


def audit_candidates(pipeline, parts: list[Part], texts: dict[str, str], show: str | None):
    """Gold names never proposed, and those the span cleaner cut away, by shape."""
    unproposed: Counter[str] = Counter()
    cut: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    total = Counter[str]()
    for part in parts:
        for name in part.names:
            rec = Recorder()
            pred = scan(pipeline, [dataclasses.replace(part, names=[name])], rec)
            doc = texts[f"{part.name}/{name}"]
            spans = [s for v in pred.values() for s in v]
            gold = [g for g in part.gold if g.doc == name]
            _pairs, misses, _fas = match(gold, spans)

            def hits(g: Span, found: list[tuple[int, int]]) -> bool:
                return any(s < g.end and e > g.start for s, e in found)

            proposals = rec.ner + [(s, e) for s, e, _ in rec.cleaned]
            kept = [p for _s, _e, out in rec.cleaned for p in out]
            for g in gold:
                total[shape(doc[g.start : g.end], doc, g)] += 1
            for g in misses:
                k = shape(doc[g.start : g.end], doc, g)
                missed[k] += 1
                if not hits(g, proposals):
                    unproposed[k] += 1
                    if show == "unproposed":
                        where = f"{part.name} {name} [{k}]"
                        print(f"  UNPROPOSED {where}: {context(doc, g.start, g.end)}")
                elif not hits(g, kept):
                    cut[k] += 1
                    if show == "cut":
                        print(f"  CUT {part.name} {name} [{k}]: {context(doc, g.start, g.end)}")
    print(f"gold PERSON names: {sum(total.values())}; missed {sum(missed.values())}, "
          f"never proposed {sum(unproposed.values())}, every proposal cut by clean_span "
          f"{sum(cut.values())}")  # fmt: skip
    print(f"{'shape':32}{'gold':>6}{'missed':>8}{'unproposed':>12}{'cut':>6}")
    for k, n in total.most_common():
        print(f"{k:32}{n:>6}{missed[k]:>8}{unproposed[k]:>12}{cut[k]:>6}")


if __name__ == "__main__":
    raise SystemExit(main())
