"""Plain text: decode (see :mod:`.encoding`) and normalise line ends to ``\\n``."""

from __future__ import annotations

from claimgraph.errors import ReadError
from claimgraph.ingest.readers.encoding import decode_text
from claimgraph.ingest.readers.registry import ReadResult, register


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@register(
    "text",
    media_types=("text/plain", "text/markdown", "text/x-markdown"),
    extensions=(".txt", ".text", ".md", ".markdown"),
)
def read_text(data: bytes, *, source: str, charset: str | None, url: str | None) -> ReadResult:
    """Read plain text; never fails on encoding (bad bytes become warnings)."""
    decoded = decode_text(data, declared=charset)
    text = normalise_newlines(decoded.text).lstrip("\ufeff")
    if not text.strip():
        raise ReadError(source, "no text after decoding")
    return ReadResult(text=text, content_type="text/plain", warnings=decoded.warnings)
