from __future__ import annotations

import pytest

from claimgraph.errors import ReadError
from claimgraph.ingest.feeds import FeedEntry, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
<item><title>One</title><link>https://news.example/1</link><pubDate>Thu, 01 Jun 2023 08:00:00 GMT</pubDate></item>
<item><title>No link</title></item></channel></rss>"""
ATOM_RELATIVE = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Rel</title><link href="/news/2"/><updated>2023-06-02T00:00:00Z</updated></entry></feed>"""


def test_rss_entries() -> None:
    feed = parse_feed(RSS, source="feed.xml")
    assert feed.title == "Feed"
    assert feed.entries == (
        FeedEntry("https://news.example/1", "One", "2023-06-01"),
        FeedEntry(None, "No link", None),
    )


def test_atom_relative_links_are_resolved_against_the_feed_url() -> None:
    feed = parse_feed(ATOM_RELATIVE, source="s", base_url="https://news.example/feeds/atom.xml")
    assert feed.entries[0].link == "https://news.example/news/2"
    assert feed.entries[0].published == "2023-06-02"


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>Just a page</p></body></html>", source="page.html")
