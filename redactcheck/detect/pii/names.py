"""Personal-data detector: names, e-mail addresses and phone numbers through Presidio + spaCy.

This is where every ``pii`` finding is born. Cables and OCR text are often ALL CAPS, where the
stock model misses most names, so NER runs on a case-restored copy of such lines: the copy has
the same length as the original, so every offset maps back one-for-one.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from functools import cached_property, lru_cache
from itertools import compress
from operator import not_

from redactcheck.chunk import MAX_CHARS, Chunk, split
from redactcheck.detect.pii.brackets import unbracket
from redactcheck.detect.pii.casing import restore_case
from redactcheck.detect.pii.name_words import name_words
from redactcheck.detect.pii.nlp import build_analyzer, one_blas_thread
from redactcheck.detect.pii.refine import refine_results
from redactcheck.document import Segment
from redactcheck.finding import Hit

DEFAULT_ENTITIES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER")


#: A PERSON needs a capitalised word once case is restored; a text without one skips spaCy.
_CANDIDATE = re.compile(r"[A-Z]")
#: Phone recognition (libphonenumber, slow) only runs on texts with five or more digits close
#: together; e-mail recognition only on texts holding an ``@``.
_DIGIT_RUN = re.compile(r"\d(?:[^\w]{0,3}\d){4,}")
#: Characters of text handed to spaCy in one ``nlp.pipe`` batch: bounds peak memory.
_BATCH_CHARS = 200_000
_MEMO_SIZE = 1024
#: What Presidio's SpacyRecognizer reports (its default supported entities).
_SPACY_ENTITIES = frozenset(("PERSON", "LOCATION", "NRP", "DATE_TIME", "ORGANIZATION"))


class NameDetector:
    """Runs spaCy NER once per text and Presidio's recognisers on its output.

    One instance (one loaded model) per worker. ``detect_many`` batches texts through
    ``nlp.pipe`` (see docs/performance.md), splits long texts into overlapping chunks
    (``chunk.py``) and reuses results for identical texts, then applies the per-segment
    post-processing (``refine_results``) to each segment; ``detect`` is the one-segment case.
    """

    name = "presidio"

    def __init__(
        self,
        model: str,
        entities: tuple[str, ...] = DEFAULT_ENTITIES,
        min_score: float = 0.0,
        *,
        sentence_parser: bool = False,
    ):
        self.entities = tuple(entities)
        self.min_score = min_score
        self.analyzer = build_analyzer(model, self.entities, sentence_parser)
        self.nlp_engine = self.analyzer.nlp_engine
        self.nlp = self.nlp_engine.nlp["en"]
        #: entities that come from spaCy's NER (Presidio's SpacyRecognizer), not from patterns
        self._spacy_entities = frozenset(self.entities) & _SPACY_ENTITIES
        self._memo: OrderedDict[str, tuple[list, list]] = OrderedDict()
        self.max_chars = MAX_CHARS  # longest text handed to spaCy at once (chunk.py)

    def detect(self, segment: Segment) -> list[Hit]:
        return self.detect_many([segment])[0]

    def detect_many(self, segments: Sequence[Segment]) -> list[list[Hit]]:
        """Findings for each segment, in order; NER runs once over all of them."""
        pieces: list[list[tuple[Chunk, str]]] = []
        todo: dict[str, None] = {}
        for segment in segments:
            # one NER pass on the case-restored copy, shared by Presidio and the person rules
            restored = restore_case(unbracket(segment.text)) if segment.text.strip() else ""
            cuts = split(restored, self.max_chars) if restored else []
            chunks = [(c, restored[c.start : c.end]) for c in cuts]
            pieces.append(chunks)
            for _, text in chunks:
                if text not in self._memo:
                    todo[text] = None
        self._analyze_texts(list(todo))
        out: list[list[Hit]] = []
        for segment, chunks in zip(segments, pieces, strict=True):
            if not chunks:
                out.append([])
                continue
            results: list[tuple[str, int, int, float]] = []
            other_ner: list[tuple[int, int, str]] = []
            for chunk, text in chunks:
                found, ner = self._memo[text]
                shift = chunk.start
                results.extend(
                    (kind, start + shift, end + shift, score)
                    for kind, start, end, score in found
                    if chunk.owns(start + shift)
                )
                other_ner.extend(
                    (start + shift, end + shift, label)
                    for start, end, label in ner
                    if chunk.owns(start + shift)
                )
            out.append(
                refine_results(
                    segment.text,
                    results,
                    entities=self.entities,
                    min_score=self.min_score,
                    other_ner=other_ner,
                )
            )
        return out

    def _analyze_texts(self, texts: list[str]) -> None:
        """Presidio results and NER entities for each text into the memo (spaCy batched)."""
        want_ner = "PERSON" in self.entities
        need_ner = [t for t in texts if want_ner and _CANDIDATE.search(t)]
        skip = [t for t in texts if not (want_ner and _CANDIDATE.search(t))]
        for text in skip:
            self._remember(text, self._analyze(text, self.nlp.make_doc(text)))
        # entities do not depend on what else shares a batch (checked on 132 corpus files,
        # batch 1 against 32), so findings stay independent of --jobs and the cache
        for batch in _batches(need_ner, _BATCH_CHARS):
            views = [ner_view(t) for t in batch]
            with one_blas_thread():
                docs = list(self.nlp.pipe(views, batch_size=len(batch)))
            for text, doc in zip(batch, docs, strict=True):
                self._remember(text, self._analyze(text, doc))

    def _analyze(self, text: str, doc) -> tuple[list, list]:
        """Raw results and NER entities for one text.

        spaCy's entities are mapped to Presidio's names by Presidio's own engine code; PERSON
        results are read straight off them (what ``SpacyRecognizer`` returns), and Presidio's
        ``analyze`` runs only for the pattern recognisers (e-mail, phone) where they can hit,
        with token lemmas and keywords built only if its context step reads them. Results are
        those of one ``analyze`` call over every entity (tests/unit/detect/test_names_fastpath.py).
        """
        engine = self.nlp_engine
        if self._spacy_entities - {"PERSON"}:
            # opt-in spaCy entities (dates, places...): Presidio's full path, unchanged
            artifacts = engine._doc_to_nlp_artifact(doc, "en")
            ner = [(e.start_char, e.end_char, e.label_) for e in artifacts.entities]
            entities = [e for e in self.entities if _worth_running(e, text)]
            results = self.analyzer.analyze(
                text=text, language="en", entities=entities, nlp_artifacts=artifacts
            )
            return [(r.entity_type, r.start, r.end, r.score) for r in results], ner
        ents, scores = engine._get_updated_entities(
            list(engine._get_entities(doc)), engine._get_scores_for_entities(doc)
        )
        ner = [(e.start_char, e.end_char, e.label_) for e in ents]
        # organisations too (Presidio drops them): a lone word the model calls an organisation
        # is not reported as a person on weak evidence (person_rules)
        ner += [(e.start_char, e.end_char, "ORG") for e in doc.ents if e.label_ == "ORG"]
        found = []
        if "PERSON" in self._spacy_entities:  # what SpacyRecognizer returns for PERSON
            found = [
                ("PERSON", e.start_char, e.end_char, score)
                for e, score in zip(ents, scores, strict=True)
                if e.label_ == "PERSON" and score > 0
            ]
        patterns = [
            e for e in self.entities if e not in self._spacy_entities and _worth_running(e, text)
        ]
        if patterns:
            artifacts = _lazy_artifacts_class()(doc, ents, scores, engine)
            results = self.analyzer.analyze(
                text=text, language="en", entities=patterns, nlp_artifacts=artifacts
            )
            found += [(r.entity_type, r.start, r.end, r.score) for r in results]
        return found, ner

    def _remember(self, text: str, value: tuple[list, list]) -> None:
        self._memo[text] = value
        while len(self._memo) > _MEMO_SIZE:
            self._memo.popitem(last=False)


#: A line that may hold a name (or that the model may read as one): a capitalised word of
#: three letters or more, or of two that is not a function word ("Wu", "Ng", not "In", "Of").
_NAME_WORD = re.compile(r"[A-Z][A-Za-z]{2}|(?<![A-Za-z])([A-Z][a-z])(?![A-Za-z])")
_SHORT_WORDS = frozenset(("Am", "An", "As", "At", "Be", "By", "Co", "Do", "Dr", "Go", "He", "If",
    "In", "Is", "It", "Jr", "Me", "Mr", "Ms", "My", "No", "Of", "Oh", "Ok", "On", "Or", "Sr", "St",
    "So", "To", "Up", "Us", "We"))  # fmt: skip
#: A line ending in a capitalised word: a name may end there, read with the next line's words.
_ENDS_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*[ \t]*$")


def ner_view(text: str) -> str:
    """The text NER reads, same length: lines that cannot hold a name blanked out
    (``blank_lines``), then words far from any possible name (``_blank_far_words``)."""
    return _blank_far_words(blank_lines(text))


def blank_lines(text: str) -> str:
    """Lines that cannot hold a name blanked out, same length.

    A reported PERSON needs a capitalised word (case is already restored, and the person rules
    drop anything else). A line without one, other than a two-letter function word ("It",
    "Of"), becomes spaces, which spaCy reads as one whitespace token, unless it follows a line
    ending in a capitalised word ("... 1872, Marsh" / "nearly fainted"), whose reading it may
    decide. NER time follows the token count, and on archive text such lines (numbers, OCR
    debris, lower-case continuations) hold a fifth of the tokens. Context changes next to
    them move about 1% of PERSON findings on the 0.8 MB corpus sample, as many found as lost,
    and none on the labelled set (docs/performance.md).
    """
    lines = text.split("\n")
    out = []
    changed = False
    after_name = False
    for line in lines:
        if after_name or not line.strip() or _may_hold_name(line):
            out.append(line)
        else:
            out.append(" " * len(line))
            changed = True
        after_name = _ENDS_CAPITALISED.search(line) is not None
    return "\n".join(out) if changed else text


#: How many words on each side of a possible name NER reads (see ``_blank_far_words``).
_READ_AROUND = 3
_WORD_SPLIT = re.compile(r"(\S+)")
_WORD_CORE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _anchor(word: str) -> bool:
    """A word NER must read with its neighbours: a capitalised word that may be (part of) a
    name (not an ordinary English word, or a listed given name or frequent surname, or a
    title), or a word with a digit or an at sign (Presidio's phone and e-mail context)."""
    hit = _ANCHORS.get(word)
    if hit is None:
        hit = _ANCHORS[word] = _is_anchor(word)
        if len(_ANCHORS) > 50_000:  # a bound for long runs over many documents
            _ANCHORS.clear()
    return hit


_ANCHORS: dict[str, bool] = {}
_DIGIT_OR_AT = re.compile(r"[0-9@]")
_UPPER = re.compile(r"[A-Z]")


def _is_anchor(word: str) -> bool:
    if _DIGIT_OR_AT.search(word):
        return True
    m = _WORD_CORE.search(word) if _UPPER.search(word) else None
    if m is None:
        return False
    core = m.group()
    nw = name_words()
    return not nw.is_english(core) or nw.is_given(core) or nw.is_frequent(core)


def _blank_far_words(text: str) -> str:
    """Words more than ``_READ_AROUND`` words from any ``_anchor`` become spaces.

    Why: NER time follows the token count, and most words of archive prose are lower-case or
    ordinary capitalised words ("The", "Department", "Minutes") far from any name. spaCy's
    small NER reads a window of about four tokens on each side (its CNN encoder: four layers
    of window one), and its entity decisions are made on capitalised words, so a word beyond
    three words of every possible name or number can only change a decision through the
    second-order context of its neighbours. Measured on the 0.8 MB corpus sample: 23% of the
    words NER read are blanked, its CPU time falls by a sixth, 4 PERSON spans of 3,638 are lost
    and 12 gained (a name the model now reads whole, then spread); the development set and the
    blind set's tune and check parts give the same PERSON figures (docs/performance.md).
    A blanked run is one whitespace token for spaCy; offsets are unchanged.
    """
    # the text cut into runs of spaces and words: words at the odd places, so a word becomes
    # spaces by replacing one item, and nothing is built per word that is kept
    pieces = _WORD_SPLIT.split(text)
    words = pieces[1::2]
    n = len(words)
    if not n:
        return text
    hits = list(map(_ANCHORS.get, words))  # most words were judged before
    if None in hits:
        hits = [_anchor(w) if h is None else h for w, h in zip(words, hits, strict=True)]
    keep = bytearray(n)
    for i in compress(range(n), hits):
        lo = max(0, i - _READ_AROUND)
        hi = min(n, i + _READ_AROUND + 1)
        keep[lo:hi] = b"\x01" * (hi - lo)
    if 0 not in keep:
        return text
    for i in compress(range(n), map(not_, keep)):
        pieces[2 * i + 1] = " " * len(words[i])
    return "".join(pieces)


def _may_hold_name(line: str) -> bool:
    return any(m.group(1) not in _SHORT_WORDS for m in _NAME_WORD.finditer(line))


@lru_cache(maxsize=1)
def _lazy_artifacts_class() -> type:
    # imported here: Presidio (optional at start-up) loads only when names are scanned
    from presidio_analyzer.nlp_engine import NlpArtifacts

    class LazyArtifacts(NlpArtifacts):
        """``NlpArtifacts`` whose per-token lists are built on first use.

        Presidio's context step reads lemmas and keywords only around a result, and most texts
        have no e-mail or phone result; building them for every text cost about 2% of a scan.
        """

        def __init__(self, doc, entities, scores, engine):  # noqa: D107 - lazy: no super()
            self.entities = entities
            self.scores = scores
            self.tokens = doc
            self.nlp_engine = engine
            self.language = "en"

        @cached_property
        def lemmas(self) -> list[str]:
            return [token.lemma_ for token in self.tokens]

        @cached_property
        def tokens_indices(self) -> list[int]:
            return [token.idx for token in self.tokens]

        @cached_property
        def keywords(self) -> list[str]:
            return NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self.language)

    return LazyArtifacts


def _worth_running(entity: str, text: str) -> bool:
    """Cheap necessary conditions, so slow recognisers only run where they can hit."""
    if entity == "EMAIL_ADDRESS":
        return "@" in text
    if entity == "PHONE_NUMBER":
        return _DIGIT_RUN.search(text) is not None
    return True


def _batches(texts: list[str], budget: int) -> list[list[str]]:
    """Consecutive groups of texts whose total length stays within ``budget`` characters."""
    groups: list[list[str]] = []
    current: list[str] = []
    size = 0
    for text in texts:
        if current and size + len(text) > budget:
            groups.append(current)
            current, size = [], 0
        current.append(text)
        size += len(text)
    if current:
        groups.append(current)
    return groups
