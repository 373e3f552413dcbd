"""Why a file could not be read: the exceptions extractors, limits and isolation share.

Kept apart from ``extract/`` so that ``limits`` (which raises them) and ``extract`` (which
uses the limits) do not import each other.
"""

from __future__ import annotations


class ExtractError(Exception):
    """A file could not be read. The message names the reason, never the file's content."""


class NotADocument(ExtractError):
    """The file is not a document at all (a binary): skipped, listed with ``--verbose``, and
    not counted as an error."""
