"""Prove that the name model's tokenizer (``load_spacy``) makes the stock tokenizer's tokens.

Why: ``load_spacy`` drops the plain whitespace special cases so spaCy's tokenizer cache keeps
working (docs/performance.md); NER must see the same tokens. Every file of a folder is
tokenized as read and as NER reads it (case restored, far words blanked: ``ner_view``), by
both tokenizers, and every attribute NER reads is compared.

    python bench/speed/tokenizer_same.py ../shared/corpus/docs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()

    import numpy as np
    import spacy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, NORM, ORTH, PREFIX, SHAPE, SPACY, SUFFIX

    from redactcheck.detect.pii.brackets import unbracket
    from redactcheck.detect.pii.casing import restore_case
    from redactcheck.detect.pii.names import ner_view
    from redactcheck.detect.pii.nlp import DEFAULT_MODEL, UNUSED_COMPONENTS, load_spacy

    ours = load_spacy(DEFAULT_MODEL).tokenizer
    stock = spacy.load(DEFAULT_MODEL, exclude=[*UNUSED_COMPONENTS, "parser", "senter"]).tokenizer
    attrs = [ORTH, NORM, PREFIX, SUFFIX, SHAPE, SPACY, IDX, LENGTH, LOWER, IS_SPACE]

    def signature(doc) -> tuple:
        return doc.to_array(attrs), [t.norm for t in doc]  # token norms: special cases set them

    texts = tokens = differing = 0
    for path in sorted(p for p in args.folder.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", "replace")
        for version in (text, ner_view(restore_case(unbracket(text)))):
            (a, an), (b, bn) = signature(ours(version)), signature(stock(version))
            texts += 1
            tokens += len(bn)
            if an != bn or not np.array_equal(a, b):
                differing += 1
                print(f"differs: {path.name}")
    print(f"{texts} texts, {tokens} tokens, {differing} differing")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
