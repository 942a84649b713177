"""RSS and Atom feeds: the entries' links, titles and dates, with feedparser.

Only bytes go in: feedparser is never given a URL, so it never fetches anything itself
(every download goes through :mod:`claimgraph.ingest.fetch`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import feedparser

from claimgraph.errors import ReadError
from claimgraph.ingest.readers.registry import collected_warnings


@dataclass(frozen=True)
class FeedEntry:
    """One entry: its link (absolute, or ``None`` if the entry has none), title, date."""

    link: str | None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and entries, in feed order."""

    title: str | None
    entries: tuple[FeedEntry, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())


def parse_feed(data: bytes, *, source: str, base_url: str | None = None) -> ParsedFeed:
    """Parse RSS or Atom bytes; relative links are resolved against ``base_url``."""
    headers = {"content-location": base_url} if base_url else {}
    with collected_warnings() as library_warnings:
        parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        why = parsed.get("bozo_exception") or "no RSS or Atom markup found"
        raise ReadError(source, f"not an RSS or Atom feed ({why})")
    entries = tuple(
        FeedEntry(
            link=(entry.get("link") or None),
            title=(entry.get("title") or None),
            published=_iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        )
        for entry in parsed.entries
    )
    notes = list(library_warnings)
    if parsed.bozo:
        notes.append(f"feed is not well-formed ({parsed.get('bozo_exception')}); read what parsed")
    return ParsedFeed(parsed.feed.get("title") or None, entries, tuple(notes))


def _iso_date(value: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", value) if value else None
