"""The records of a finding's life: a detector's :class:`Hit`, then the located :class:`Finding`.

A detector (``detect/``) or an extractor's hidden-content check (``extract/``) returns
:class:`Hit` records: offsets into one segment's text and an :class:`Explanation` of why.
``locate.py`` turns every hit of a document into a :class:`Finding` in one pass (path, part,
page, line, column, context, keyed fingerprint); ``suppress/chain.py`` may drop it;
``report/`` prints it. Both records are frozen: a step that changes one makes a new one
(``dataclasses.replace``), so a memoised or cached hit can be handed out without copying.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any

SEVERITIES = ("info", "low", "medium", "high")
CATEGORIES = ("marking", "pii", "hidden", "structure")


def severity_rank(severity: str) -> int:
    """Order severities so thresholds can compare them (info=0 … high=3)."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a detector reported a span (after Presidio's ``AnalysisExplanation``).

    ``mechanism`` names the rule pattern or the mechanism (``rules:<pattern>``, ``ner``,
    ``name-rules:<basis>``, ``ocr-markings``, ``structure``, ``extract``, ``directive``);
    ``base_score`` is the score before context raised it; ``context_word`` is the word near the
    span that raised it, when one did.
    """

    mechanism: str
    base_score: float
    context_word: str | None = None

    def __reduce__(self) -> tuple:
        # a constructor call, like Finding's: the default of a frozen slotted dataclass
        # restores each slot by a Python-level __setstate__, once per finding sent back
        return (Explanation, (self.mechanism, self.base_score, self.context_word))


@dataclass(frozen=True, slots=True)
class Reported:
    """What a hit and the finding made of it both say: which rule, what kind, how sure, the
    span (offsets into a segment's text, and the text), and the message for the reviewer."""

    rule_id: str
    category: str
    entity: str
    severity: str
    score: float
    start: int
    end: int
    text: str
    message: str


@dataclass(frozen=True, slots=True)
class Hit(Reported):
    """What a detector returns: a span of one segment's text, not yet located.

    ``start``/``end`` are offsets into the text of the segment the detector was given; the
    part and page come from that segment when the hit is located.
    """

    system: str | None = None
    exemption: str | None = None
    detector: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    explanation: Explanation | None = None
    #: the roles of the rule that made it (rule files' ``roles``: ``banner``, ``portion-mark``
    #: …), read by document-level checks instead of rule ids
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Finding(Reported):
    """One span a reviewer must look at.

    ``start``/``end`` are Python ``str`` offsets into the text of the segment the finding came
    from (for a plain-text file: the whole decoded file, with no newline translation), so
    ``segment.text[start:end] == text`` always holds before redaction.
    """

    path: str = ""
    part: str = "body"
    page: int | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    system: str | None = None
    exemption: str | None = None
    context: str = ""
    fingerprint: str = ""
    detector: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    #: where the span is on its PDF page: (left, bottom, right, top) in points, in the page's
    #: unrotated coordinates (origin bottom left); None outside PDF pages
    bbox: tuple[float, float, float, float] | None = None
    #: why it was reported (kept out of reports: ``to_dict`` leaves it out)
    explanation: Explanation | None = field(default=None, compare=False)

    def sort_key(self) -> tuple:
        return (
            self.path,
            _part_order(self.part),
            self.page or 0,
            self.start,
            self.end,
            self.rule_id,
        )

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["explanation"]
        return out

    def __reduce__(self) -> tuple:
        # pickled as a constructor call: pool workers send every finding back to the parent,
        # and the default for a slotted dataclass (a dict of its slots) is twice as slow
        return (Finding, field_values(self))


def quick_init(cls: type) -> type:
    """Give a frozen slotted dataclass an ``__init__`` that stores each field through its slot
    descriptor, bound once, instead of looking up and calling ``object.__setattr__`` per field
    as the generated one does. Same signature, defaults and default factories; instances stay
    frozen (assignment still raises). A scan builds one hit and one finding per span in the
    workers, and one finding per span again when the parent unpickles them: about 0.8 µs less
    per record of 15 fields, some 0.05 CPU s on the 30 MB corpus."""
    params: list[str] = []
    body: list[str] = []
    env: dict[str, object] = {"_MISSING": MISSING}
    for i, f in enumerate(fields(cls)):
        env[f"_set{i}"] = getattr(cls, f.name).__set__  # the slot's member descriptor
        if f.default_factory is not MISSING:
            env[f"_factory{i}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            value = f"_factory{i}() if {f.name} is _MISSING else {f.name}"
        elif f.default is not MISSING:
            env[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
            value = f.name
        else:
            params.append(f.name)
            value = f.name
        body.append(f"    _set{i}(self, {value})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    namespace: dict[str, object] = {}
    exec(source, env, namespace)  # noqa: S102 - source built above from field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls


for _record in (Explanation, Hit, Finding):
    quick_init(_record)


#: All fields of a finding as a tuple, in constructor order (one C call: copies, pickling).
field_values = attrgetter(*(f.name for f in fields(Finding)))


def _part_order(part: str) -> str:
    # body first, then the rest alphabetically: keeps report order stable and readable.
    return "" if part == "body" else part
