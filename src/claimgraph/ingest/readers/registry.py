"""The registry of readers: which function turns which bytes into text.

A reader is a function ``(data, *, source, charset, url) -> ReadResult`` registered with
:func:`register` for media types and file extensions. :func:`choose_reader` picks one:

1. bytes that start like a PDF go to the PDF reader whatever they are called;
2. else the declared media type (HTTP ``Content-Type``), when a reader is registered for it;
3. else the file extension (of the path, or of the URL's path);
4. else the content decides: markup that looks like HTML goes to the HTML reader, any
   other text to the plain-text reader.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Protocol
from urllib.parse import urlsplit

from claimgraph.errors import ReadError


@dataclass(frozen=True)
class ReadResult:
    """Text read from one document, with what the reader could tell about it."""

    text: str
    content_type: str
    title: str | None = None
    published: str | None = None
    site_name: str | None = None
    warnings: tuple[str, ...] = field(default=())


class Reader(Protocol):
    def __call__(
        self, data: bytes, *, source: str, charset: str | None, url: str | None
    ) -> ReadResult: ...


@dataclass(frozen=True)
class RegisteredReader:
    name: str
    media_types: tuple[str, ...]
    extensions: tuple[str, ...]
    read: Reader


_READERS: dict[str, RegisteredReader] = {}
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|p|div|article)\b[^>]*>", re.IGNORECASE)


def register(
    name: str, *, media_types: tuple[str, ...], extensions: tuple[str, ...]
) -> Callable[[Reader], Reader]:
    """Register a reader function under ``name`` for media types and extensions."""

    def decorate(read: Reader) -> Reader:
        _READERS[name] = RegisteredReader(name, media_types, extensions, read)
        return read

    return decorate


def registered() -> dict[str, RegisteredReader]:
    """Every registered reader, by name."""
    return dict(_READERS)


def _by_media_type(media_type: str) -> RegisteredReader | None:
    for reader in _READERS.values():
        if media_type in reader.media_types:
            return reader
    return None


def _by_extension(name: str) -> RegisteredReader | None:
    suffix = PurePosixPath(name).suffix.lower()
    if not suffix:
        return None
    for reader in _READERS.values():
        if suffix in reader.extensions:
            return reader
    return None


def choose_reader(
    data: bytes, *, source: str, media_type: str | None = None, name: str | None = None
) -> RegisteredReader:
    """The reader for ``data`` (see the module docstring for the order of the rules)."""
    if data.lstrip()[:5] == b"%PDF-":
        return _READERS["pdf"]
    declared = (media_type or "").lower()
    if declared not in _GENERIC_TYPES:
        reader = _by_media_type(declared)
        if reader is not None:
            return reader
        if declared in _FEED_TYPES or (
            declared.endswith(("+xml", "/xml")) and _looks_like_feed(data)
        ):
            raise ReadError(
                source, f"this is a feed ({declared}), not a page; pass --feed to read its entries"
            )
        if not declared.startswith("text/"):
            known = ", ".join(t for r in _READERS.values() for t in r.media_types[:1])
            raise ReadError(
                source, f"cannot read content type {declared} (claimgraph reads {known})"
            )
    if name:
        path = urlsplit(name).path if "://" in name else name
        reader = _by_extension(path)
        if reader is not None:
            return reader
    head = data[:4096]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return _READERS["html"]
    return _READERS["text"]


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


@contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """Turn Python warnings raised inside the block into strings instead of output.

    Libraries such as pypdf warn about damaged input; those warnings belong in the
    document's record, not on the user's terminal.
    """
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield messages
    messages.extend(f"{w.category.__name__}: {w.message}" for w in caught)
