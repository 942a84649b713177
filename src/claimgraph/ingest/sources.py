"""User inputs (``PATH_OR_URL...``) to a list of :class:`Source` items, without reading them.

* ``http(s)://...`` (anything with a scheme) is a URL. Other schemes are kept and refused
  later by the fetcher, with a message naming the input.
* A folder is walked recursively in sorted order. Hidden files and folders, ``meta.json``,
  ``gold.json``, ``*.meta.json`` and project files (``README``, ``LICENSE``, ``NOTICE``,
  ``CHANGELOG``, ``COPYING``, any extension) are skipped, and so are files whose extension is not a
  document's (``.txt .text .md .markdown .html .htm .xhtml .pdf``). A folder that holds a
  ``source.txt`` (or ``source.html``, ``source.htm``, ``source.pdf``) is a corpus document:
  that one file is the document, named after the folder, and the folder is not walked
  further.
* Any other path is a file, whatever its extension; a path that does not exist still
  becomes a source, so that reading it yields a failure naming it.
* With ``feed=True`` every input is a feed (an RSS/Atom URL or file, or a folder of
  ``.xml .rss .atom`` files); its entries become URL sources when the feed is read.

Planning touches only the file system (no network), so ``len(plan_sources(...))`` is a
cheap count for a progress bar (each feed counts as one until it is read).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from claimgraph.ingest.feeds import ParsedFeed
from claimgraph.ingest.meta import META_NAME, meta_path_for

SourceKind = Literal["file", "url", "feed", "unlistable"]
DOCUMENT_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf")
FEED_EXTENSIONS = (".xml", ".rss", ".atom")
CORPUS_SOURCE_NAMES = ("source.txt", "source.html", "source.htm", "source.pdf")
SKIPPED_NAMES = frozenset({META_NAME, "gold.json"})
#: Project files that are not documents, skipped in folder walks whatever their extension.
SKIPPED_STEMS = frozenset({"README", "LICENSE", "LICENCE", "NOTICE", "CHANGELOG", "COPYING"})
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class Source:
    """One thing to read.

    ``kind`` is ``"file"``, ``"url"``, ``"feed"`` (a feed file or URL, expanded when read)
    or ``"unlistable"`` (a folder that could not be listed; ``problem`` says why).
    ``location`` is the path or URL; ``name`` the document's short name; ``origin`` the
    user input it came from; ``meta_path`` the ``meta.json`` that describes it;
    ``hints`` what a feed entry said about it (``title``, ``published``, ``publisher``).
    """

    kind: SourceKind
    location: str
    name: str
    origin: str
    meta_path: str | None = None
    hints: Mapping[str, str | None] = field(default_factory=dict)
    problem: str | None = None


def is_url(text: str) -> bool:
    """True when ``text`` starts with a URL scheme (``http://``, ``ftp://``, ``file://``...)."""
    return _SCHEME.match(text) is not None


def plan_sources(inputs: Sequence[str], *, feed: bool = False) -> list[Source]:
    """Every source the inputs expand to, in order (see the module docstring)."""
    return list(iter_sources(inputs, feed=feed))


def iter_sources(inputs: Sequence[str], *, feed: bool = False) -> Iterator[Source]:
    """Like :func:`plan_sources`, lazily."""
    for item in inputs:
        if is_url(item):
            yield Source("feed" if feed else "url", item, item, item)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path, item, feed=feed)
        else:
            yield _file_source(path, item, feed=feed)


def entry_sources(feed_source: Source, parsed: ParsedFeed) -> list[Source]:
    """URL sources for a feed's entries (entries without a link keep ``location`` "")."""
    return [
        Source(
            "url",
            entry.link or "",
            entry.link or f"{feed_source.name}#entry-{number}",
            feed_source.location,
            hints={
                "title": entry.title,
                "published": entry.published,
                "publisher": parsed.title,
            },
        )
        for number, entry in enumerate(parsed.entries, start=1)
    ]


def _document_name(path: Path) -> str:
    if path.name in CORPUS_SOURCE_NAMES and path.parent.name:
        return path.parent.name
    return path.name


def _file_source(
    path: Path, origin: str, *, feed: bool, only_document: bool | None = None
) -> Source:
    if feed:
        return Source("feed", str(path), path.name, origin)
    if only_document is None:
        only_document = _count_documents(path.parent) == 1
    meta = meta_path_for(path, only_document=only_document) if path.is_file() else None
    return Source(
        "file", str(path), _document_name(path), origin, meta_path=str(meta) if meta else None
    )


def _count_documents(folder: Path) -> int:
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    return len(_document_files(names, DOCUMENT_EXTENSIONS))


def _document_files(names: list[str], extensions: tuple[str, ...]) -> list[str]:
    return sorted(
        name
        for name in names
        if not name.startswith(".")
        and name not in SKIPPED_NAMES
        and not name.endswith(".meta.json")
        and os.path.splitext(name)[0].upper() not in SKIPPED_STEMS
        and os.path.splitext(name)[1].lower() in extensions
    )


def _walk(root: Path, origin: str, *, feed: bool) -> Iterator[Source]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from _unlistable(errors, origin)
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        folder = Path(dirpath)
        if not feed:
            corpus = next((n for n in CORPUS_SOURCE_NAMES if n in filenames), None)
            if corpus is not None:
                dirnames[:] = []
                yield _file_source(folder / corpus, origin, feed=False, only_document=True)
                continue
        names = _document_files(filenames, FEED_EXTENSIONS if feed else DOCUMENT_EXTENSIONS)
        for name in names:
            yield _file_source(folder / name, origin, feed=feed, only_document=len(names) == 1)
    yield from _unlistable(errors, origin)


def _unlistable(errors: list[OSError], origin: str) -> Iterator[Source]:
    while errors:
        error = errors.pop(0)
        location = str(error.filename or origin)
        problem = f"cannot list folder: {error.strerror or error}"
        yield Source("unlistable", location, Path(location).name, origin, problem=problem)
