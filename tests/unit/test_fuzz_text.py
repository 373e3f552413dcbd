"""Property tests over the text pipeline: random Unicode, marking fragments and whitespace.

No exception, and offsets exact: ``segment.text[start:end] == finding.text``, lines and columns
agree with the text, the normalisation map is monotonic and in range. More examples:
``REDACTCHECK_FUZZ_EXAMPLES=5000 pytest tests/unit/test_fuzz_text.py`` or
``bench/robustness/fuzz.py``.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tests.support.fuzzing import (
    check_decode_bytes,
    check_decode_text,
    check_normalize,
    check_rules_and_locate,
    documents,
    fuzz_settings,
)


@fuzz_settings(300)
@given(documents)
@example("S E C R E T//NOFORN\r\n(S) ＳＥＣＲＥＴ 5ECRET SE\u200bCRET")
@example("\ufeff\u200b\u200b(S)\t\u3000")
def test_normalize_keeps_an_exact_map(text):
    check_normalize(text)


@fuzz_settings(300)
@given(documents)
@example("SECRET//NOFORN\r\n\r(S) text\n\u2028(C//NF) x\r")
def test_rules_and_locate_give_exact_offsets(text):
    check_rules_and_locate(text)


@fuzz_settings(300)
@given(st.text())
def test_text_extractor_round_trips_utf8(text):
    check_decode_text(text)


@fuzz_settings(300)
@given(st.binary(max_size=4096))
@example(b"\xff\xfeS\x00E\x00")
@example(b"S\x00E\x00C\x00R\x00E\x00T\x00")
@example(b"\x00" * 10)
def test_text_extractor_never_crashes_on_bytes(data):
    check_decode_bytes(data)
