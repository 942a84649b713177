"""What the ingest layer hands to the rest of claimgraph: one document, or one failure.

``IngestedDocument`` is the contract with the NLP and store layers: cleaned, character-exact
text plus where it came from and what was removed from it. ``IngestFailure`` is the record
of one input that could not be ingested; a batch yields it and goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def text_hash(text: str) -> str:
    """The sha256 hex digest of ``text`` encoded as UTF-8 (the document's identity)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IngestedDocument:
    """One ingested document, ready for language processing.

    ``source`` is the input as the user gave it or as a feed listed it (a path or a URL);
    ``name`` is a short stable name: the folder name for a corpus ``<doc>/source.txt``,
    else the file name, else the URL. ``text`` is the cleaned text, character-exact apart
    from the removed boilerplate lines listed in ``removed_boilerplate``.
    ``raw_text_hash`` is the sha256 of ``text``. ``published`` is an ISO date or ``None``.
    ``language_confidence`` is ``None`` when the language came from ``meta.json``.
    ``warnings`` lists what went imperfectly but did not stop the read (e.g. bytes that
    were not valid UTF-8 and were decoded with replacement).
    """

    source: str
    name: str
    url: str | None
    path: str | None
    title: str | None
    publisher: str | None
    published: str | None
    language: str
    language_confidence: float | None
    text: str
    raw_text_hash: str
    removed_boilerplate: list[str]
    content_type: str
    fetched_at: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)


@dataclass(frozen=True)
class IngestFailure:
    """One input that could not be ingested.

    ``reason`` is one line that names the input and says why (and, where there is one,
    the fix). ``code`` is the error family: ``"fetch"``, ``"read"``, ``"ingest"``, or
    ``"internal"`` for a bug in claimgraph or a library it calls.
    """

    source: str
    reason: str
    code: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)
