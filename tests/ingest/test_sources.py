from __future__ import annotations

from pathlib import Path

from claimgraph.ingest.feeds import FeedEntry, ParsedFeed
from claimgraph.ingest.sources import Source, entry_sources, is_url, plan_sources


def touch(path: Path, text: str = "text") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folder_walk_is_recursive_sorted_and_skips_non_documents(tmp_path: Path) -> None:
    touch(tmp_path / "b.txt")
    touch(tmp_path / "a.html")
    touch(tmp_path / "sub" / "c.pdf")
    touch(tmp_path / ".hidden.txt")
    touch(tmp_path / ".git" / "d.txt")
    touch(tmp_path / "gold.json")
    touch(tmp_path / "picture.png")
    touch(tmp_path / "README.md")
    touch(tmp_path / "b.txt.meta.json", "{}")
    names = [
        Path(s.location).relative_to(tmp_path).as_posix() for s in plan_sources([str(tmp_path)])
    ]
    assert names == ["a.html", "b.txt", "sub/c.pdf"]


def test_corpus_folder_is_one_document_named_after_the_folder(tmp_path: Path) -> None:
    doc = tmp_path / "corpus" / "seed-doc"
    touch(doc / "source.txt")
    touch(doc / "meta.json", "{}")
    touch(doc / "gold.json", "{}")
    touch(doc / "notes.txt")
    (source,) = plan_sources([str(tmp_path / "corpus")])
    assert source == Source(
        "file",
        str(doc / "source.txt"),
        "seed-doc",
        str(tmp_path / "corpus"),
        meta_path=str(doc / "meta.json"),
    )


def test_corpus_source_given_as_a_file_is_named_after_its_folder(tmp_path: Path) -> None:
    path = touch(tmp_path / "seed-doc" / "source.txt")
    (source,) = plan_sources([str(path)])
    assert source.name == "seed-doc"


def test_meta_json_applies_to_the_only_document_of_a_folder(tmp_path: Path) -> None:
    touch(tmp_path / "one" / "article.txt")
    touch(tmp_path / "one" / "meta.json", "{}")
    touch(tmp_path / "two" / "a.txt")
    touch(tmp_path / "two" / "b.txt")
    touch(tmp_path / "two" / "meta.json", "{}")
    touch(tmp_path / "two" / "b.txt.meta.json", "{}")
    metas = {Path(s.location).name: s.meta_path for s in plan_sources([str(tmp_path)])}
    assert metas == {
        "article.txt": str(tmp_path / "one" / "meta.json"),
        "a.txt": None,
        "b.txt": str(tmp_path / "two" / "b.txt.meta.json"),
    }


def test_urls_missing_paths_and_explicit_files(tmp_path: Path) -> None:
    image = touch(tmp_path / "photo.png")
    sources = plan_sources(
        ["https://example.org/a", "ftp://example.org/b", str(tmp_path / "absent.txt"), str(image)]
    )
    assert [(s.kind, s.location) for s in sources] == [
        ("url", "https://example.org/a"),
        ("url", "ftp://example.org/b"),
        ("file", str(tmp_path / "absent.txt")),
        ("file", str(image)),
    ]


def test_feed_flag_makes_every_input_a_feed(tmp_path: Path) -> None:
    touch(tmp_path / "feeds" / "news.rss")
    touch(tmp_path / "feeds" / "page.html")
    sources = plan_sources(["https://example.org/rss", str(tmp_path / "feeds")], feed=True)
    assert [(s.kind, Path(s.location).name) for s in sources] == [
        ("feed", "rss"),
        ("feed", "news.rss"),
    ]


def test_is_url() -> None:
    assert is_url("https://x.org") and is_url("file:///etc/passwd") and is_url("ftp://x")
    assert (
        not is_url("/tmp/a.txt") and not is_url("C:/docs/a.txt") and not is_url("notes:draft.txt")
    )


def test_entry_sources_carry_the_feed_entry_hints() -> None:
    feed = Source("feed", "https://example.org/rss", "rss", "https://example.org/rss")
    parsed = ParsedFeed(
        "Example feed", (FeedEntry("https://example.org/1", "One", "2023-06-01"), FeedEntry(None))
    )
    first, second = entry_sources(feed, parsed)
    assert (first.kind, first.location, first.origin) == (
        "url",
        "https://example.org/1",
        "https://example.org/rss",
    )
    assert dict(first.hints) == {
        "title": "One",
        "published": "2023-06-01",
        "publisher": "Example feed",
    }
    assert second.location == "" and second.name == "rss#entry-2"
