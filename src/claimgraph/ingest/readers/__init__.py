"""Readers: bytes of one document to text, chosen by media type, extension or content.

    choose_reader(data, source=..., media_type=..., name=...) -> RegisteredReader
    read_document(data, source=..., ...) -> ReadResult   checks, chooses, reads

Adding a format: write a module with a function decorated by ``@register(...)`` and
import it below.
"""

from __future__ import annotations

from claimgraph.ingest.readers import html, pdf, text  # noqa: F401  (they register)
from claimgraph.ingest.readers.registry import (
    ReadResult,
    RegisteredReader,
    choose_reader,
    registered,
)
from claimgraph.ingest.readers.sniff import check_document_bytes
from claimgraph.ingest.sizes import DEFAULT_MAX_BYTES

__all__ = ["ReadResult", "RegisteredReader", "choose_reader", "read_document", "registered"]


def read_document(
    data: bytes,
    *,
    source: str,
    media_type: str | None = None,
    name: str | None = None,
    charset: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    what: str = "file",
) -> ReadResult:
    """Refuse empty, oversized or binary ``data``, then read it with the right reader.

    Raises :class:`claimgraph.errors.ReadError` naming ``source``.
    """
    check_document_bytes(source, data, max_bytes, what=what)
    reader = choose_reader(data, source=source, media_type=media_type, name=name)
    return reader.read(data, source=source, charset=charset, url=url)
