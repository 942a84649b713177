"""HTML pages: the main text with trafilatura, else the plain text of the whole page.

trafilatura gives the article body, title, date and site name. When it finds nothing (a
very short page, or markup too deep or broken for lxml to build a tree), a streaming
extractor built on the standard library's ``html.parser`` takes the text of the whole
page instead; it keeps no tree, so nesting depth cannot hurt it. A warning records the
fallback.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import trafilatura
from lxml import etree

from claimgraph.errors import ReadError
from claimgraph.ingest.readers.encoding import decode_text
from claimgraph.ingest.readers.registry import ReadResult, collected_warnings, register

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
# Dates from the page's markup only: htmldate's "extensive search" guesses from years in
# the article text ("left for Syria in 2013"), which is wrong for news about the past.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _PlainText(HTMLParser):
    """Collects visible text and the <title>, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.title_parts: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        self.current = []
        if line:
            self.lines.extend(part.strip() for part in line.split("\n") if part.strip())

    def result(self) -> tuple[str, str | None]:
        self._flush()
        title = _SPACES.sub(" ", "".join(self.title_parts)).strip() or None
        return "\n".join(self.lines), title


def plain_text(html: str) -> tuple[str, str | None]:
    """The visible text of a whole page (one line per block) and its ``<title>``."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    return parser.result()


def _decode(data: bytes, charset: str | None) -> tuple[str, tuple[str, ...]]:
    declared = charset
    if declared is None:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    decoded = decode_text(data, declared=declared)
    return decoded.text, decoded.warnings


@register(
    "html",
    media_types=("text/html", "application/xhtml+xml"),
    extensions=(".html", ".htm", ".xhtml"),
)
def read_html(data: bytes, *, source: str, charset: str | None, url: str | None) -> ReadResult:
    """Read an HTML page: main text, title, date, site name."""
    html, warnings = _decode(data, charset)
    notes = list(warnings)
    with collected_warnings() as library_warnings:
        try:
            extracted = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                date_extraction_params=_DATE_PARAMS,
            )
        except (RecursionError, ValueError, etree.LxmlError) as exc:
            extracted = None
            notes.append(f"trafilatura failed ({type(exc).__name__}: {exc})")
    notes.extend(library_warnings)
    text = (getattr(extracted, "text", None) or "").strip()
    if text:
        return ReadResult(
            text=text,
            content_type="text/html",
            title=getattr(extracted, "title", None) or None,
            published=getattr(extracted, "date", None) or None,
            site_name=getattr(extracted, "sitename", None) or None,
            warnings=tuple(notes),
        )
    text, title = plain_text(html)
    if not text:
        raise ReadError(source, "HTML page has no visible text")
    notes.append("trafilatura found no main text; kept the plain text of the whole page")
    return ReadResult(text=text, content_type="text/html", title=title, warnings=tuple(notes))
