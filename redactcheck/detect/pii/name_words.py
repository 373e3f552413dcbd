"""Large word lists that say what a capitalised word may be: a given name, a surname, an
ordinary English word, or a string no one writes.

The NER model only knows the names of its training text. A name it has never seen is still a
given name or a surname of a large population list, and a word of OCR debris is neither a name
nor a word and holds letter sequences that no name or word holds. The lists live in
``rules/lexicons/names/`` (sources and licences at the top of each file and in
docs/quality.md) and are read once per process into sets: every check is a set lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from redactcheck.detect.edit_distance import distance
from redactcheck.ruleset.loader import lexicon_path

#: Letter sequences (with ``^``/``$`` for the word's edges) seen fewer times than this in the
#: lists are implausible: "wpb", "^tm", "tkv".
_TRIGRAM_MIN = 2


#: Surnames this far down the census list (by frequency) count as frequent: in OCR text, where
#: debris often spells a rare surname by chance, a lone word must be a frequent one.
_FREQUENT = 10_000


def _read_list(name: str) -> list[str]:
    path = lexicon_path(f"names/{name}")
    text = path.read_text(encoding="utf-8")
    return [w for w in text.splitlines() if w and w[0] != "#"]


def _read(name: str) -> frozenset[str]:
    return frozenset(_read_list(name))


@dataclass(frozen=True, slots=True)
class NameWords:
    given: frozenset[str]  # lower case
    surnames: frozenset[str]  # lower case
    english: frozenset[str]  # lower case
    proper: frozenset[str]  # lower case: proper nouns of English (places, peoples, figures)
    trigrams: frozenset[str]
    frequent: frozenset[str]  # given names and the most frequent surnames, lower case
    starts: frozenset[str]  # "^ab": first two letters of some listed name or word
    #: verdicts of ``is_english`` and ``is_name`` per word as written: the person rules ask
    #: them of the same words hundreds of thousands of times a megabyte (one dict lookup then)
    _english_memo: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _name_memo: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def is_frequent(self, word: str) -> bool:
        """A given name or one of the most frequent surnames (evidence that survives OCR)."""
        return _key(word) in self.frequent

    def is_given(self, word: str) -> bool:
        """A listed given name, or a hyphenated one made of them ("Jean-Luc")."""
        low = word.lower()
        return low in self.given or ("-" in low and low.split("-")[0] in self.given)

    def is_surname(self, word: str) -> bool:
        """A listed surname, or a double-barrelled one with a listed part."""
        low = _key(word)
        if low in self.surnames:
            return True
        parts = [p for p in low.split("-") if len(p) > 2]
        return (
            "-" in low
            and any(p in self.surnames for p in parts)
            and not any(p in self.english or p in self.proper for p in parts)
        )

    def is_proper(self, word: str) -> bool:
        """A proper noun of the dictionary (or its plural: "Azerbaijanis")."""
        low = _key(word)
        return low in self.proper or (low.endswith("s") and low[:-1] in self.proper)

    def is_name(self, word: str) -> bool:
        """A listed given name or surname (each part of a hyphenated one)."""
        hit = self._name_memo.get(word)
        if hit is None:
            hit = self._name_memo[word] = self._is_name(word)
            _bound(self._name_memo)
        return hit

    def _is_name(self, word: str) -> bool:
        low = _key(word)
        if low in self.given or low in self.surnames:
            return True
        parts = [p for p in low.replace("’", "-").replace("'", "-").split("-") if len(p) > 1]
        return len(parts) > 1 and any(p in self.surnames or p in self.given for p in parts)

    def is_english(self, word: str) -> bool:
        """An ordinary English word (a plural or an -ly form of one counts)."""
        hit = self._english_memo.get(word)
        if hit is None:
            hit = self._english_memo[word] = self._is_english(word)
            _bound(self._english_memo)
        return hit

    def _is_english(self, word: str) -> bool:
        low = word.lower().strip(".")
        if low in self.english:
            return True
        if "-" in low:  # "Medium-Sized"
            parts = [p for p in low.split("-") if p]
            return bool(parts) and all(p in self.english for p in parts)
        return (low.endswith("s") and low[:-1] in self.english) or (
            low.endswith("ly") and low[:-2] in self.english
        )

    def is_demonym(self, word: str) -> bool:
        """A word for the people of a listed place that no list holds itself ("Darfuris",
        "Darfuri" from "Darfur"): a place's name with a demonym ending, not a listed name."""
        low = _key(word)
        if len(low) < 5 or low in self.given or low in self.surnames:
            return False
        for ending in _DEMONYM_ENDINGS:
            stem = low[: -len(ending)]
            if low.endswith(ending) and len(stem) >= 4 and stem in self.proper:
                return True
        return False

    def misread_word(self, word: str) -> bool:
        """An ordinary English word with one letter misread, lost or added by OCR ("Testimcny",
        "DEPUTV"): six letters or more, not itself a listed name or word, one edit from an
        English word of five letters or more and from no listed name (then it may as well be
        a damaged name: "Wiilson"; a surname that is also a word, "Deputy", counts only if
        it is a frequent one, "Hunter")."""
        low = _key(word)
        if len(low) < 6:
            return False
        hit = _MISREAD.get(low)
        if hit is None:
            hit = _MISREAD[low] = _misread_word(self, low)
            if len(_MISREAD) > 50_000:  # a bound for long runs over many documents
                _MISREAD.clear()
        return hit

    def plausible(self, word: str) -> bool:
        """False for OCR debris: a word of four letters or more holding two letter sequences
        that no listed name or word holds."""
        low = "".join(c for c in word.lower() if c.isalpha())
        if len(low) < 4 or not low.isascii():
            return True
        padded = f"^{low}$"
        misses = sum(padded[i : i + 3] not in self.trigrams for i in range(len(padded) - 2))
        return misses < 2


_osa: Callable[..., int] | None
try:  # C++ edit distance that counts a swap of neighbours as one edit (MIT; a dependency)
    from rapidfuzz.distance.OSA import distance as _osa
except ImportError:  # pragma: no cover - depends on the environment
    _osa = None

_DEMONYM_ENDINGS = ("is", "i", "ians", "ian", "ans", "an", "ese", "ites", "ite", "s")
_MISREAD: dict[str, bool] = {}  # verdicts per word, shared by every text of the process


_MEMO_MAX = 200_000


def _bound(memo: dict[str, bool]) -> None:
    """Keep a per-word memo bounded over long runs of many documents (OCR debris is endless)."""
    if len(memo) > _MEMO_MAX:
        memo.clear()


def _one_edit(a: str, b: str) -> bool:
    if _osa is not None:
        return _osa(a, b, score_cutoff=1) <= 1
    return distance(a, b, 1) <= 1  # pragma: no cover - Levenshtein: a swap counts two


def english_buckets(nw: NameWords) -> tuple[dict, dict]:
    """English words of five letters or more by (length, first three letters) and by (length,
    last three letters): the candidates a damaged word is compared with."""
    return _buckets(nw)


def names_near(nw: NameWords, low: str) -> bool:
    """A listed given name or surname one edit from ``low`` (a name that is also an English
    word counts only when frequent): the word may as well be a damaged name ("Wiilson")."""
    return any(
        (v in nw.given or v in nw.surnames) and (v not in nw.english or v in nw.frequent)
        for v in _edits1(low)
    )


@lru_cache(maxsize=1)
def _buckets(nw: NameWords) -> tuple[dict, dict]:
    """English words of five letters or more by (length, first three letters) and by
    (length, last three letters). A word of six letters or more one edit from another shares
    with it its first three letters or its last three, so two small buckets hold every
    candidate."""
    by_start: dict[tuple[int, str], list[str]] = {}
    by_end: dict[tuple[int, str], list[str]] = {}
    for word in nw.english:
        n = len(word)
        if n >= 5:
            by_start.setdefault((n, word[:3]), []).append(word)
            by_end.setdefault((n, word[-3:]), []).append(word)
    return by_start, by_end


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(word)
    return out


def _misread_word(nw: NameWords, low: str) -> bool:
    if not (low.isascii() and low.isalpha()):
        return False
    if low in nw.english or low in nw.given or low in nw.surnames:
        return False
    by_start, by_end = _buckets(nw)
    if not any(
        _one_edit(low, word)
        for n in (len(low) - 1, len(low), len(low) + 1)
        for bucket in (by_start.get((n, low[:3]), ()), by_end.get((n, low[-3:]), ()))
        for word in bucket
    ):
        return False
    # one edit from a word; as close to a name, it may as well be a damaged name
    # ("Wiilson"): rare enough to afford every variant (a name that is also a word counts
    # only when it is a frequent one: "Garrison" yes, "Deputy" no)
    return not names_near(nw, low)


def english_neighbours(nw: NameWords, low: str) -> frozenset[str]:
    """English words of five letters or more one edit (OSA: a letter misread, lost or added,
    two neighbours swapped) from the lower-case word ``low``; remembered per word."""
    hit = _NEIGHBOURS.get(low)
    if hit is None:
        hit = _NEIGHBOURS[low] = frozenset(
            w for w in _edits1(low) if len(w) >= 5 and w in nw.english
        )
        if len(_NEIGHBOURS) > 50_000:  # a bound for long runs over many documents
            _NEIGHBOURS.clear()
    return hit


_NEIGHBOURS: dict[str, frozenset[str]] = {}


def one_edit_strings(low: str) -> set[str]:
    """Every string one deletion, swap of neighbours, substitution or insertion from the
    lower-case word ``low`` (a misread word's candidates)."""
    return _edits1(low)


def _key(word: str) -> str:
    return word.lower().replace("’", "").replace("'", "").strip(".")


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    given = _read("given_names.txt")
    ranked = _read_list("surnames.txt")
    surnames = frozenset(ranked)
    english = _read("english_words.txt")
    proper = _read("proper_nouns.txt")
    trigrams = _read("trigrams.txt")  # derived from the lists by build_trigrams()
    frequent = given | frozenset(ranked[:_FREQUENT])
    starts = frozenset(t[:3] for t in trigrams if t.startswith("^"))
    return NameWords(given, surnames, english, proper, trigrams, frequent, starts)


def build_trigrams(words: frozenset[str] | set[str]) -> list[str]:
    """The letter trigrams (``^``/``$`` at the word's edges) held by at least ``_TRIGRAM_MIN``
    of ``words``, sorted: the content of ``names/trigrams.txt``, kept as data so that start-up
    does not count a million trigrams
    (tests/unit/detect/test_name_candidates.py checks it is current)."""
    counts = trigram_counts(words, head="^")
    return sorted(t for t, n in counts.items() if n >= _TRIGRAM_MIN)


def trigram_counts(words: frozenset[str] | set[str], head: str) -> dict[str, int]:
    """Letter trigrams of ``words`` with counts, each word padded with ``head`` before it and
    ``$`` after (one ``^`` for the candidate layer's trigram set, two for the letter model)."""
    counts: dict[str, int] = {}
    for word in words:
        padded = f"{head}{word}$"
        for i in range(len(padded) - 2):
            tri = padded[i : i + 3]
            counts[tri] = counts.get(tri, 0) + 1
    return counts


def trigram_source_words() -> set[str]:
    """Every listed given name, surname and English word."""
    return (
        set(_read("given_names.txt")) | set(_read("surnames.txt")) | set(_read("english_words.txt"))
    )


if __name__ == "__main__":  # python -m redactcheck.detect.pii.name_words > .../trigrams.txt
    print("# Letter trigrams of the name and word lists in this folder (^ and $ mark a word's")
    print("# edges), held by two or more entries: built by")
    print("# python -m redactcheck.detect.pii.name_words")
    print("\n".join(build_trigrams(trigram_source_words())))
