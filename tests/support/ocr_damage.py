"""A seeded synthetic OCR-damage probe for markings: does a tolerance hold for damage in general,
or only for the damaged forms someone has already seen?

Short invented records (a memo, a cable, a dispatch, a routing sheet) carry their markings where
real records carry them: the level as a banner at the top and foot of the page, a control line
under the banner, caveats beside it, a slug line in a cable head, an authority line at the foot,
a release stamp or notice across the page. One marking of each record (the *target*) is damaged
the way OCR damages type: a letter read as its look-alike (C/G, E/F, O/0/Q, I/l/1, S/5/$ ...), a
space inside a word, a letter dropped or doubled, a speck (' . , ~ - ") inserted or read in place
of a letter, two words run together, a line cut at the page edge, a multi-word marking broken
over two lines, a letter read in lower case. Each target gets 1, 2 or 3 damages.

Damage model 2 (the default) adds two kinds that JFK-collection scans show and model 1 lacked
(pool draws of seeds 10101 and 10102: 11 of 120 JFK records, 13 damaged marking words, and the
set 1/3/4 tune misses): a capital read as the lower-case form of *another* letter of like shape
(invented: ``SeRET``, ``DIgsEn``), and a typographic speck (curly quote, dash, trade mark,
currency sign) inserted or read for a letter (``DISSE™``, ``“ONFIDENTIAL``). Sources: Nagy,
Nartker and Rice, "Optical character recognition: an illustrated guide to the frontier", SPIE
3967, 2000 (case confusions of like-shaped glyphs: c/e/o, s/g, n/h, i/l; stray marks read as
symbols); Rice, Jenkins and Nartker, "The Fifth Annual Test of OCR Accuracy", ISRI TR-96-01,
1996 (substitution and insertion of non-letter symbols by production engines). Model 1 keeps
the earlier kinds alone, so an earlier seed's draw (and the REACHED table of the quality test)
still means what it meant: ``--model 1``.

Recall is the share of damaged targets a marking finding overlaps, by kind and by damage level.
Precision is measured on invented prose and headings (clean and damaged the same way) that hold
no marking: every marking finding there is false.

    python bench/quality/ocr_damage.py [--seed 1] [--per 30] [--show 20]

(that script runs this module; tests/quality/test_ocr_damage_probe.py keeps a small fixed
sample of it as a quality test).

Every text here is invented; nothing is taken from a shared document.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

#: look-alikes OCR reads for a capital (typewriter and teletype faces)
CONFUSIONS = {
    "A": ["4", "N", "H"],
    "B": ["8", "E", "R"],
    "C": ["G", "(", "O", "c"],
    "D": ["O", "B", "0", "I)"],
    "E": ["F", "B", "R", "K"],
    "F": ["E", "P", "T"],
    "G": ["C", "6", "O"],
    "H": ["N", "M", "I-I"],
    "I": ["l", "1", "T", "L", "|"],
    "K": ["R", "X"],
    "L": ["I", "1", "T"],
    "M": ["N", "H", "IV"],
    "N": ["M", "H", "W"],
    "O": ["0", "Q", "D", "C"],
    "P": ["F", "R"],
    "R": ["K", "B", "P"],
    "S": ["5", "$", "B"],
    "T": ["I", "7", "Y"],
    "U": ["V", "O", "W"],
    "V": ["Y", "U"],
    "W": ["V", "N"],
    "Y": ["V", "T"],
    "0": ["O", "D"],
    "1": ["l", "I"],
    "2": ["Z"],
    "5": ["S"],
}
SPECKS = ["'", ".", ",", "~", "-", '"', "`"]
OPS = [
    "confuse",
    "confuse",
    "space",
    "drop",
    "double",
    "speck",
    "speck_for",
    "join",
    "cut",
    "lower",
]
#: a capital read as the lower-case form of another letter of like shape (model 2)
LOWER_ALIKES = {
    "A": ["a", "e", "o"],
    "B": ["b", "h"],
    "C": ["e", "o", "u"],
    "D": ["d", "a", "o"],
    "E": ["e", "c", "i"],
    "F": ["f", "r", "t"],
    "G": ["g", "e", "o"],
    "H": ["h", "b", "n"],
    "I": ["i", "l", "j"],
    "L": ["l", "i", "t"],
    "M": ["m", "n"],
    "N": ["n", "h", "a"],
    "O": ["o", "a", "e"],
    "R": ["r", "n", "i"],
    "S": ["s", "g", "e"],
    "T": ["t", "f", "l"],
    "U": ["u", "v", "n"],
    "V": ["v", "y"],
    "Y": ["y", "v"],
}
#: typographic marks a scanner reads for specks (model 2)
TYPO_SPECKS = ["‘", "’", "“", "”", "—", "™", "€", "¢", "°", "•"]
OPS_BY_MODEL = {1: OPS, 2: [*OPS, "lower_alike", "typo_speck"]}


def damage(text: str, rnd: random.Random, n: int, model: int = 1) -> str:
    """``text`` with ``n`` OCR damages applied one after another (each changes the text),
    drawn from damage ``model`` 1 or 2."""
    ops = OPS_BY_MODEL[model]
    for _ in range(n):
        for _attempt in range(20):
            out = _one(text, rnd, rnd.choice(ops))
            if out is not None and out != text and out.strip():
                text = out
                break
    return text


def _letters(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c.isalnum()]


def _inner(text: str) -> list[int]:
    """Positions between two letters of one word."""
    return [i for i in range(1, len(text)) if text[i - 1].isalnum() and text[i].isalnum()]


def _one(text: str, rnd: random.Random, op: str) -> str | None:
    letters = _letters(text)
    if not letters:
        return None
    if op == "confuse":
        i = (
            rnd.choice([j for j in letters if text[j].upper() in CONFUSIONS] or [None])
            if letters
            else None
        )
        if i is None:
            return None
        return text[:i] + rnd.choice(CONFUSIONS[text[i].upper()]) + text[i + 1 :]
    if op == "space":
        inner = _inner(text)
        if not inner:
            return None
        i = rnd.choice(inner)
        return text[:i] + " " + text[i:]
    if op == "drop":
        i = rnd.choice(letters)
        return text[:i] + text[i + 1 :]
    if op == "double":
        i = rnd.choice(letters)
        return text[:i] + text[i] + text[i:]
    if op == "speck":
        i = rnd.choice(_inner(text) or [0, len(text)])
        return text[:i] + rnd.choice(SPECKS) + text[i:]
    if op == "speck_for":
        i = rnd.choice(letters)
        return text[:i] + rnd.choice(SPECKS) + text[i + 1 :]
    if op == "join":
        spaces = [i for i, c in enumerate(text) if c == " "]
        if not spaces:
            return None
        i = rnd.choice(spaces)
        return text[:i] + text[i + 1 :]
    if op == "cut":
        k = rnd.choice([1, 1, 2])
        return text[k:] if rnd.random() < 0.5 else text[:-k]
    if op == "lower":
        i = rnd.choice(letters)
        return text[:i] + text[i].lower() + text[i + 1 :]
    if op == "lower_alike":
        caps = [j for j in letters if text[j] in LOWER_ALIKES]
        if not caps:
            return None
        i = rnd.choice(caps)
        return text[:i] + rnd.choice(LOWER_ALIKES[text[i]]) + text[i + 1 :]
    if op == "typo_speck":
        i = rnd.choice(letters)
        if rnd.random() < 0.5:
            return text[:i] + rnd.choice(TYPO_SPECKS) + text[i + 1 :]  # read for a letter
        i = rnd.choice(_inner(text) or [0, len(text)])
        return text[:i] + rnd.choice(TYPO_SPECKS) + text[i:]
    return None


# ---------------------------------------------------------------- invented markings by kind
LEVELS = ["SECRET", "CONFIDENTIAL", "TOP SECRET", "UNCLASSIFIED"]
CONTROLS = [
    "NO FOREIGN DISSEM",
    "BACKGROUND USE ONLY",
    "NO DISSEM ABROAD",
    "NO LOCAL DISSEM",
    "RESTRICTED HANDLING",
    "CONTROLLED DISSEM",
    "NO FOREIGN DISSEM/BACKGROUND USE ONLY",
]
CAPTIONS = ["LIMDIS", "NODIS", "EXDIS", "NOFORN", "ORCON", "WNINTEL"]
SLUGS = ["RYBAT WNINTEL", "RYBAT", "WNINTEL RYBAT", "WNINTEL"]
AUTHORITY = ["E-2 IMPDET", "CL BY 012345", "E-2 IMPDET CL BY 054321", "CL BY 098765"]
RELEASE = [
    "CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF THIS DOCUMENT",
    "AS SANITIZED",
    "RELEASE AS SANITIZED",
    "2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992",
]
NOTICES = [
    "WARNING NOTICE - SENSITIVE INTELLIGENCE SOURCES AND METHODS INVOLVED",
    "DISSEMINATION AND EXTRACTION OF INFORMATION CONTROLLED BY ORIGINATOR",
    "EXEMPT FROM GENERAL DECLASSIFICATION SCHEDULE OF E.O. 11652 EXEMPTION CATEGORY 5B(2)",
    "WARNING NOTICE",
]

PROSE = [
    "The survey team left Port Elwin on 4 May and reached the harbour two days later.",
    "The weather held and the soundings were finished on time; the launch returned at dusk.",
    "The committee met twice and agreed to defer the question of the new pier until autumn.",
    "A second visit is planned for the spring, when the channel buoys will be replaced.",
    "The officer asked that the report be sent to the regional office before the end of June.",
]

#: prose and headings that hold no marking, with the words a tolerant matcher could confuse
TRAP_LINES = [
    "SECTION 4",
    "SELECTED READINGS",
    "SECOND REPORT",
    "SECURITY COUNCIL",
    "SERVICE RECORD",
    "SECRETARY OF THE BOARD",
    "CONFERENCE ROOM B",
    "CONFIDENCE INTERVALS",
    "CONTINENTAL SHELF",
    "CONSIDERATIONS",
    "DECLARATION OF INTENT",
    "UNCLAIMED FREIGHT",
    "CLASSIFICATION SCHEDULE",
    "BACKGROUND",
    "FOREIGN TRADE",
    "LOCAL DISTRIBUTION",
    "RESTRICTED AREA",
    "HANDLING CHARGES",
    "NOTICE TO MARINERS",
    "WARNING",
    "RELEASE NOTES",
    "SANITARY INSPECTION",
    "DIRECTORY",
    "NO FURTHER ACTION",
    "CONTROL ROOM",
    "ORIGINAL COPY",
]
TRAP_PROSE = [
    "The secret of the harbour's success was the new dredger, the committee said.",
    "She was confident that the foreign ministers would meet again in the spring.",
    "The background of the dispute is set out in the second section of the report.",
    "Restricted handling of perishable freight added a day to every crossing.",
    "The warning notice on the pier was replaced after the storm.",
    "The release of the annual figures was delayed by the printers.",
    "No local dissent was recorded when the council voted on the new road.",
    "The classified advertisements ran in the weekend edition for a month.",
]


@dataclass
class Doc:
    kind: str
    level: int  # damages per target
    text: str
    spans: list[tuple[int, int]]  # the damaged targets


class _Builder:
    """Builds a text line by line and remembers where the targets stand."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.size = 0

    def add(self, text: str, target: bool = False) -> None:
        if target:
            self.spans.append((self.size, self.size + len(text)))
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _prose(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.sample(PROSE, n))


def _record(kind: str, level: int, rnd: random.Random, model: int) -> Doc:
    """One invented record whose ``kind`` marking is damaged ``level`` times."""
    b = _Builder()
    lvl = rnd.choice(LEVELS[:3])
    hurt = lambda s: damage(s, rnd, level, model)  # noqa: E731

    def banner(alone: bool = False) -> None:
        if kind in ("banner", "banner-alone") and not (kind == "banner" and alone):
            b.add(rnd.choice(["", "   ", "| ", "~ "]))
            b.add(hurt(lvl), True)
        else:
            b.add(lvl)
        b.add(rnd.choice(["\n", "\n", "  14\n", "\n- 2 -\n"]))

    shape = rnd.choice(["memo", "cable", "dispatch"])
    if kind in ("slug", "authority") or (kind == "caption" and rnd.random() < 0.5):
        shape = "cable"
    # top banner
    banner()
    if kind == "caption" and shape != "cable":
        b.add(hurt(rnd.choice(CAPTIONS)), True)
        b.add("\n")
    if kind == "control":
        b.add(hurt(rnd.choice(CONTROLS)), True)
        b.add("\n")
    b.add("\n")
    if shape == "memo":
        b.add("MEMORANDUM FOR: Chief, Records Branch\nSUBJECT: Travel of the survey team\n\n")
    elif shape == "cable":
        b.add(f"PAGE 1 OF 2  IN {rnd.randint(10000, 99999)}\n")
        if kind == "caption":
            b.add(f"{lvl} ")
            b.add(hurt(rnd.choice(CAPTIONS)), True)
            b.add("\n")
        b.add(f"TO: DIRECTOR  FROM: PORT ELWIN  {rnd.randint(1000, 9999)}\n")
        if kind == "slug":
            b.add(rnd.choice(["SLUGS: ", "SENSIND: ", "SLUGS : "]))
            b.add(hurt(rnd.choice(SLUGS)), True)
            b.add("\n")
        else:
            b.add("SLUGS: RYBAT\n")
        b.add(f"REF: DIR {rnd.randint(10000, 99999)}\n\n")
    else:
        b.add("DISPATCH\nTO: Chief, Western Division\nFROM: Chief of Station\n")
        b.add("SUBJECT: Harbour survey\nACTION REQUIRED: None, for information\n\n")
    b.add(f"1. {_prose(rnd, 2)}\n\n2. {_prose(rnd, 1)}\n\n")
    if kind == "authority":
        b.add(hurt(rnd.choice(AUTHORITY)), True)
        b.add("\n\n")
    if kind == "release":
        b.add(hurt(rnd.choice(RELEASE)), True)
        b.add("\n\n")
    if kind == "notice":
        b.add(hurt(rnd.choice(NOTICES)), True)
        b.add("\n\n")
    if kind != "banner-alone":
        banner(alone=False)
    return Doc(kind, level, b.text(), b.spans)


KINDS = ["banner", "banner-alone", "control", "caption", "slug", "authority", "release", "notice"]


def records(seed: int, per: int, model: int = 2) -> list[Doc]:
    """``per`` records of every kind at every damage level (1, 2, 3), from ``seed``, damaged
    by ``model``."""
    rnd = random.Random(seed)
    return [_record(k, lv, rnd, model) for k in KINDS for lv in (1, 2, 3) for _ in range(per)]


def traps(seed: int, per: int, model: int = 2) -> list[Doc]:
    """Records without a marking: prose and headings, clean and with 1-3 damages."""
    rnd = random.Random(seed + 1)
    out = []
    for level in (0, 1, 2, 3):
        for _ in range(per):
            b = _Builder()
            head = rnd.choice(TRAP_LINES)
            b.add(damage(head, rnd, level, model) + "\n\n")
            b.add(f"{_prose(rnd, 2)} {rnd.choice(TRAP_PROSE)}\n\n")
            b.add(damage(rnd.choice(TRAP_LINES), rnd, level, model) + "\n\n")
            b.add(f"{rnd.choice(TRAP_PROSE)} {_prose(rnd, 1)}\n")
            out.append(Doc("trap", level, b.text(), []))
    return out


def score(docs: list[Doc], traps_: list[Doc], show: int = 0):
    from tests.support.probe_run import findings_of, scanner

    scan = scanner(names=False)
    found, total = Counter(), Counter()
    shown = 0
    for d in docs:
        marks = [(f.start, f.end) for f in findings_of(scan, d.text) if f.category == "marking"]
        for s, e in d.spans:
            total[d.kind, d.level] += 1
            if any(fs < e and s < fe for fs, fe in marks):
                found[d.kind, d.level] += 1
            elif shown < show:
                shown += 1
                print(f"MISS {d.kind}/{d.level}: {d.text[s:e]!r}")
    false, tdocs = Counter(), Counter()
    for d in traps_:
        fs = [f for f in findings_of(scan, d.text) if f.category == "marking"]
        tdocs[d.level] += 1
        false[d.level] += len(fs)
        for f in fs[: max(0, show)]:
            print(f"FALSE trap/{d.level}: {f.text!r} ({f.rule_id})")
    return found, total, false, tdocs
