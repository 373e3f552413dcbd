"""Which spaCy components does NER need? Entities and time of three pipelines on the same texts.

    python bench/speed/ner_components.py ../shared/corpus/docs --sample-mb 0.8

Compares the full pipeline (what Presidio loads), the pipeline without tagger,
attribute_ruler and lemmatizer, and ``ner`` alone (redactcheck's default, see detect/pii/nlp.py),
all run through ``nlp.pipe``. Reports PERSON spans missing from / added to the full pipeline's
output, all entity labels too, and CPU seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "speed"))

from throughput import machine, select_files  # noqa: E402


def entities(nlp, texts: list[str]) -> tuple[list[set], float]:
    t0 = time.process_time()
    out = [
        {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for doc in nlp.pipe(texts, batch_size=16)
    ]
    return out, time.process_time() - t0


def compare(ref: list[set], got: list[set], label: str | None) -> tuple[int, int, int]:
    def pick(spans: set) -> set:
        return {s for s in spans if label is None or s[2] == label}

    total = sum(len(pick(r)) for r in ref)
    missing = sum(len(pick(r) - pick(g)) for r, g in zip(ref, got, strict=True))
    extra = sum(len(pick(g) - pick(r)) for r, g in zip(ref, got, strict=True))
    return total, missing, extra


def main() -> None:
    import spacy

    from redactcheck.detect.pii.nlp import DEFAULT_MODEL, UNUSED_COMPONENTS, load_spacy
    from redactcheck.extract.text import decode

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample-mb", type=float, default=0.8)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    files = select_files(args.folder, args.sample_mb)
    texts = [decode(f.read_bytes())[0] for f in files]
    size = sum(len(t.encode()) for t in texts)

    pipelines = {
        "full pipeline (Presidio's)": spacy.load(args.model),
        "without " + ", ".join(UNUSED_COMPONENTS): spacy.load(
            args.model, exclude=list(UNUSED_COMPONENTS)
        ),
        "ner alone (redactcheck default)": load_spacy(args.model, False),
    }
    list(pipelines["full pipeline (Presidio's)"].pipe(texts[:2]))  # warm-up
    results = {name: entities(nlp, texts) for name, nlp in pipelines.items()}
    ref, ref_cpu = results["full pipeline (Presidio's)"]
    print(f"{len(texts)} files, {size / 1e6:.2f} MB; {machine()}.\n")
    print(
        "| pipeline | components | CPU s | speed-up | PERSON missing / added "
        "| all entities missing / added |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for name, (got, cpu) in results.items():
        p_total, p_missing, p_extra = compare(ref, got, "PERSON")
        a_total, a_missing, a_extra = compare(ref, got, None)
        comps = ", ".join(pipelines[name].pipe_names)
        print(
            f"| {name} | {comps} | {cpu:.1f} | {ref_cpu / cpu:.2f}x | "
            f"{p_missing} / {p_extra} of {p_total} | {a_missing} / {a_extra} of {a_total} |"
        )


if __name__ == "__main__":
    main()
