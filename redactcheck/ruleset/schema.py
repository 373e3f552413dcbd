"""The rule-file schema, defined once: it validates rule files and documents them (JSON Schema).

A rule file is YAML holding either one rule (a mapping with ``id``) or ``rules: [ … ]``.
Rules are data: a user adds one without writing code.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Severity = Literal["info", "low", "medium", "high"]
Category = Literal["marking", "pii", "hidden", "structure"]
Flag = Literal["ignorecase", "multiline", "dotall", "verbose"]
#: What code relies on a rule's findings for, so no check hard-codes a rule id:
#: ``banner`` states the document's level (structure checks, stated level);
#: ``unclassified-banner`` is the UNCLASSIFIED statement, which keeps its own severity;
#: ``portion-mark`` and ``authority-block`` feed the banner/portion and authority checks;
#: ``cable-classification`` states a cable's level, read from its letters when it is also a
#: ``security-line`` (UUUUU, SSSSS); ``stamp-anchor`` starts a stamp block in which OCR-damaged
#: stamp words are looked for (detect/markings/ocr_markings.py).
Role = Literal[
    "banner",
    "unclassified-banner",
    "portion-mark",
    "authority-block",
    "cable-classification",
    "security-line",
    "stamp-anchor",
]

_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")


class PatternSpec(BaseModel):
    """One regular expression of a rule.

    Patterns are case-sensitive and multi-line (``^``/``$`` match at line ends) unless ``flags``
    says otherwise. If the pattern has a named group ``mark``, only that group is reported;
    the rest of the match is context (this keeps patterns free of look-behind).
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Short name shown in explanations.")
    regex: str = Field(description="Python regular expression, matched on normalised text.")
    score: float = Field(ge=0.0, le=1.0, description="Confidence of a hit, before context.")
    severity: Severity | None = Field(
        default=None, description="Overrides the rule's severity for hits of this pattern."
    )
    flags: list[Flag] = Field(default_factory=list, description="Extra regex flags.")
    needs_evidence: int = Field(
        default=0,
        ge=0,
        description=(
            "Hits count only when the same text holds at least this many hits of the rule's"
            " patterns that need no evidence. For weak forms (an OCR'd portion mark that lost"
            " its case or bracket) that are noise in prose but real on a page already marked."
        ),
    )

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"regular expression does not compile: {exc}") from exc
        return value


class ContextSpec(BaseModel):
    """Words that make a hit more likely to be real when they stand nearby."""

    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(min_length=1)
    window: int = Field(default=200, ge=1, description="Characters searched on each side.")
    boost: float = Field(default=0.2, ge=0.0, le=1.0, description="Added to the score.")


class Examples(BaseModel):
    """Texts the rule must and must not flag; ``redactcheck rules test`` runs them."""

    model_config = ConfigDict(extra="forbid")

    match: list[str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)


class RuleSpec(BaseModel):
    """One detection rule."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable identifier, e.g. US-BANNER-SECRET. Never reuse one.")
    name: str = Field(description="Short human name.")
    category: Category
    entity: str = Field(description="What was found, e.g. CLASSIFICATION_BANNER, PORTION_MARK.")
    severity: Severity
    system: str | None = Field(default=None, description="Marking system: us, cui, nato, jp …")
    exemption: str | None = Field(
        default=None, description="FOIA exemption a reviewer would cite, e.g. (b)(1)."
    )
    description: str = Field(min_length=20, description="Why a reviewer cares.")
    message: str | None = Field(
        default=None, description="One sentence shown with each hit; defaults to the name."
    )
    roles: list[Role] = Field(
        default_factory=list,
        description="What document-level checks use this rule's findings for (see Role).",
    )
    patterns: list[PatternSpec] = Field(min_length=1)
    context: ContextSpec | None = None
    references: list[str] = Field(
        min_length=1, description="The authority that defines the marking."
    )
    examples: Examples
    enabled: bool = True

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("must be upper-case words joined by hyphens, e.g. US-BANNER-SECRET")
        return value

    @field_validator("entity")
    @classmethod
    def _entity_shape(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", value):
            raise ValueError("must be UPPER_SNAKE_CASE")
        return value


class WordList(BaseModel):
    """A fragment written as the words it stands for: matched literally, longest first."""

    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(min_length=1)
    upper: bool = Field(
        default=False, description="Also match each word in capitals (letterheads, cables)."
    )


class RuleFile(BaseModel):
    """A file holding several rules."""

    model_config = ConfigDict(extra="forbid")

    fragments: dict[str, str | WordList] = Field(
        default_factory=dict,
        description=(
            "Named pieces of patterns shared by the file's rules: a regular expression, or a"
            " word list (`words`, matched literally, a space also matching no space). A"
            " pattern writes `{{name}}` where the piece goes; a fragment may use earlier ones."
        ),
    )
    rules: list[RuleSpec] = Field(min_length=1)


def json_schema() -> dict:
    """JSON Schema of a rule file (for editors and for ``docs/``)."""
    schema = RuleFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "redactcheck rule file"
    return schema
