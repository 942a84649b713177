"""Inputs in, documents (or failures) out: the ingest layer's entry point.

    plan_sources(inputs, feed=...)   -> list[Source]        no I/O beyond the file system
    read_source(source, ...)         -> IngestedDocument    raises IngestError
    expand_feed(source, ...)         -> list[Source]        raises IngestError
    ingest_sources(inputs, ...)      -> Iterator[IngestedDocument | IngestFailure]

``ingest_sources`` never raises because of one input: each failure is yielded as an
:class:`IngestFailure` whose reason names the input, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from claimgraph.errors import IngestError, ReadError
from claimgraph.ingest.addresses import Resolver, system_resolver
from claimgraph.ingest.boilerplate import clean
from claimgraph.ingest.document import IngestedDocument, IngestFailure, text_hash
from claimgraph.ingest.feeds import parse_feed
from claimgraph.ingest.fetch import DEFAULT_TIMEOUT, fetch, make_client
from claimgraph.ingest.files import read_file
from claimgraph.ingest.language import SUPPORTED, detect_language
from claimgraph.ingest.meta import load_meta
from claimgraph.ingest.readers import ReadResult, read_document
from claimgraph.ingest.sizes import DEFAULT_MAX_BYTES
from claimgraph.ingest.sources import Source, entry_sources, is_url, iter_sources, plan_sources

__all__ = ["expand_feed", "ingest_sources", "plan_sources", "read_source"]

Clock = Callable[[], datetime]
MAX_TITLE_LINE = 200


def _utc_now() -> datetime:
    return datetime.now(UTC)


def ingest_sources(
    inputs: Sequence[str],
    *,
    feed: bool = False,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    client: httpx.Client | None = None,
    resolver: Resolver = system_resolver,
    now: Clock = _utc_now,
) -> Iterator[IngestedDocument | IngestFailure]:
    """Read every input; yield a document or a failure for each, in input order.

    ``client`` is used for every download (and left open); without one, a client is made
    on first need and closed when the iterator finishes.
    """
    own_client: httpx.Client | None = None

    def http() -> httpx.Client:
        nonlocal own_client
        if client is not None:
            return client
        if own_client is None:
            own_client = make_client()
        return own_client

    options: dict[str, Any] = {
        "allow_private": allow_private,
        "max_bytes": max_bytes,
        "timeout": timeout,
        "resolver": resolver,
    }
    try:
        for source in iter_sources(inputs, feed=feed):
            if source.kind != "feed":
                yield _attempt(
                    source, lambda s=source: read_source(s, client=http(), now=now, **options)
                )
                continue
            entries = _attempt(source, lambda s=source: expand_feed(s, client=http(), **options))
            if isinstance(entries, IngestFailure):
                yield entries
                continue
            for entry in entries:
                yield _attempt(
                    entry, lambda s=entry: read_source(s, client=http(), now=now, **options)
                )
    finally:
        if own_client is not None:
            own_client.close()


def _attempt(source: Source, work: Callable[[], Any]) -> Any:
    """Run ``work``; turn any exception into an IngestFailure naming ``source``."""
    try:
        return work()
    except IngestError as exc:
        return IngestFailure(source.location, _one_line(str(exc)), exc.code)
    except Exception as exc:  # noqa: BLE001  the batch must survive a bug in one read
        reason = (
            f"{source.location}: unexpected {type(exc).__name__}: {exc} "
            "(a bug in claimgraph or a library it uses; please report it with this input)"
        )
        return IngestFailure(source.location, _one_line(reason), "internal")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def expand_feed(
    source: Source,
    *,
    client: httpx.Client,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    resolver: Resolver = system_resolver,
) -> list[Source]:
    """Read a feed source (file or URL) and return one URL source per entry."""
    if is_url(source.location):
        fetched = fetch(
            source.location,
            client=client,
            allow_private=allow_private,
            max_bytes=max_bytes,
            timeout=timeout,
            resolver=resolver,
        )
        data, base = fetched.content, fetched.url
    else:
        data = read_file(Path(source.location), source=source.location, max_bytes=max_bytes)
        base = None
    parsed = parse_feed(data, source=source.location, base_url=base)
    entries = entry_sources(source, parsed)
    for entry in entries:
        if not entry.location:
            raise ReadError(source.location, f"feed entry {entry.name} has no link")
    return entries


def read_source(
    source: Source,
    *,
    client: httpx.Client | None = None,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    resolver: Resolver = system_resolver,
    now: Clock = _utc_now,
) -> IngestedDocument:
    """Read one file or URL source into a cleaned document; raise IngestError if it cannot."""
    if source.kind == "unlistable":
        raise ReadError(source.location, source.problem or "cannot list folder")
    if source.kind == "feed":
        raise ReadError(source.location, "is a feed; expand it with expand_feed() first")
    if source.kind == "url":
        if client is None:
            with make_client() as own:
                return read_source(
                    source,
                    client=own,
                    allow_private=allow_private,
                    max_bytes=max_bytes,
                    timeout=timeout,
                    resolver=resolver,
                    now=now,
                )
        fetched = fetch(
            source.location,
            client=client,
            allow_private=allow_private,
            max_bytes=max_bytes,
            timeout=timeout,
            resolver=resolver,
        )
        result = read_document(
            fetched.content,
            source=source.location,
            media_type=fetched.content_type,
            name=fetched.url,
            charset=fetched.charset,
            url=fetched.url,
            max_bytes=max_bytes,
            what="response",
        )
        return _document(source, result, {}, url=fetched.url, path=None, fetched_at=now())
    meta = load_meta(Path(source.meta_path), source=source.location) if source.meta_path else {}
    data = read_file(Path(source.location), source=source.location, max_bytes=max_bytes)
    result = read_document(data, source=source.location, name=source.location, max_bytes=max_bytes)
    return _document(
        source, result, meta, url=meta.get("url"), path=source.location, fetched_at=now()
    )


def _document(
    source: Source,
    result: ReadResult,
    meta: dict[str, Any],
    *,
    url: str | None,
    path: str | None,
    fetched_at: datetime,
) -> IngestedDocument:
    cleaned = clean(result.text)
    if not cleaned.text.strip():
        raise ReadError(
            source.location,
            f"no article text left after removing {len(cleaned.removals)} boilerplate line(s)",
        )
    warnings = list(result.warnings)
    if meta.get("language"):
        language, confidence = str(meta["language"]), None
    else:
        guess = detect_language(cleaned.text)
        language, confidence = guess.code, guess.confidence
    if language not in SUPPORTED:
        warnings.append(
            f"language {language!r} is detected but not yet supported "
            f"(supported: {', '.join(sorted(SUPPORTED))}); stored without extraction"
        )
    hints = source.hints
    return IngestedDocument(
        source=source.location,
        name=source.name,
        url=url,
        path=path,
        title=meta.get("title") or result.title or hints.get("title") or _title_line(cleaned.text),
        publisher=meta.get("publisher")
        or _publisher(result.site_name, url, hints.get("publisher")),
        published=meta.get("published") or result.published or hints.get("published"),
        language=language,
        language_confidence=confidence,
        text=cleaned.text,
        raw_text_hash=text_hash(cleaned.text),
        removed_boilerplate=cleaned.removed_lines,
        content_type=result.content_type,
        fetched_at=fetched_at.isoformat(timespec="seconds"),
        meta=dict(meta),
        warnings=warnings,
    )


def _publisher(site_name: str | None, url: str | None, feed_title: str | None) -> str | None:
    """The page's site name, unless it is only the URL's host (trafilatura's fallback) and
    the feed that listed the page has a title."""
    host = urlsplit(url).netloc if url else None
    if site_name and (site_name != host or not feed_title):
        return site_name
    return feed_title or site_name


def _title_line(text: str) -> str | None:
    """A plain text's first line, when it is short enough to be a title."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= MAX_TITLE_LINE else None
