"""The name model's tokenizer, with the plain whitespace special cases dropped, makes the tokens
of the stock tokenizer.

``load_spacy`` drops the special cases of a lone space, tab and line break so that spaCy's
tokenizer cache keeps working after a text's first line (docs/performance.md). NER reads the
tokens' text, offsets, spacing, norms, affixes, shapes and the whitespace flag: every one of
them must be what the stock tokenizer gives, on text full of the cases that matter (line
breaks, runs of spaces and tabs, a no-break space, abbreviations the stock rules list).
"""

from __future__ import annotations

import pytest

from redactcheck.detect.pii.nlp import DEFAULT_MODEL, load_spacy

TEXTS = [
    "Mr. Quennell met Dr. Orla Vantreight\nin Marrowdene on 3 Jan. 1962.\n\nHe said  no.\n",
    "TO:\tDIRECTOR\nFROM:\tSTATION  QUELLMARK\n\tREF:\tA-4471 (U.S.) don't\n \n",
    "Ambrose Kettering — the Deputy\u00a0Chief — wrote:\r\n  “We’ll see.”\n\n\n  ",
    "\n\n  line one\n\tline two\n   \n\nlast (Sen. Halloway's) — end",
    "x\ny\n" * 40 + "Mrs. Tallowby\nD.C.\n" + "x\ny\n" * 40,
]


def _tokens(nlp, text: str) -> list[tuple]:
    return [
        (
            t.text,
            t.idx,
            t.whitespace_,
            t.norm_,
            t.lower_,
            t.prefix_,
            t.suffix_,
            t.shape_,
            t.is_space,
            t.orth,
            t.norm,
        )  # fmt: skip
        for t in nlp.tokenizer(text)
    ]


@pytest.fixture(scope="module")
def stock():
    import spacy

    return spacy.load(DEFAULT_MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer"])


def test_tokens_are_those_of_the_stock_tokenizer(stock):
    fast = load_spacy(DEFAULT_MODEL)
    for _ in range(2):  # the second time from the tokenizer's cache
        for text in TEXTS:
            assert _tokens(fast, text) == _tokens(stock, text), text


def test_only_the_plain_whitespace_cases_are_dropped(stock):
    fast = load_spacy(DEFAULT_MODEL)
    dropped = set(stock.tokenizer.rules) - set(fast.tokenizer.rules)
    assert dropped == {" ", "\t", "\n"}
    assert "\u00a0" in fast.tokenizer.rules  # it sets a norm of its own: kept
    assert "Mr." in fast.tokenizer.rules
