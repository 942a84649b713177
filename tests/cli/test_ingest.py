"""``claimgraph ingest``, ``stats``, ``errors`` and ``search`` through the command line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from .conftest import CORPUS, HOSTILE_HTML, Ran

pytestmark = pytest.mark.models

GOOD_TEXT = (
    "Some 130 French jihadists remain in the Idlib region of north-west Syria, according to "
    "a note from the French intelligence services.\n\nMost of them belong to Firqat al-Ghuraba, "
    "a small group founded by Omar Diaby.\n"
)
FRENCH_TEXT = (
    "Environ 130 djihadistes français se trouvent encore à Idléb, selon une note des services "
    "de renseignement.\n\nLa plupart appartiennent à Firqat al-Ghuraba, un groupe fondé par "
    "Omar Diaby.\n"
)
STATS_KEYS = {"documents", "sentences", "errors", "entities", "claims", "figures"}


def _stats(invoke: Callable[..., Result], db: Path) -> dict[str, object]:
    result = invoke("stats", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_ingest_exits_0_when_every_input_is_stored(invoke: Callable[..., Result], tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    result = invoke("ingest", str(CORPUS), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "stored 11 document(s)" in _one_line(result.stderr)
    assert "0 failed" in _one_line(result.stderr)
    assert "11/11" in result.stderr  # the progress bar knew the total of local inputs
    assert result.stdout == ""  # stdout stays clean for pipes; the report goes to stderr
    stats = _stats(invoke, db)
    assert STATS_KEYS <= stats.keys()
    assert stats["documents"] == 11 and stats["errors"] == 0
    assert stats["sentences"] > 11
    # Every claim and mention is tied to a sentence of its own document.
    with sqlite3.connect(db) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM claims AS c LEFT JOIN sentences AS s ON s.id = c.sentence_id "
            "WHERE s.id IS NULL OR s.document_id != c.document_id"
        ).fetchone()[0]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert claims == stats["claims"] and orphans == 0


def test_some_inputs_failing_exits_1_names_each_and_stores_the_rest(
    invoke: Callable[..., Result], tmp_path: Path, server_base: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "no-such-file.txt"
    ftp = "ftp://example.org/report.txt"
    private = f"{server_base}/article.html"
    bad = [str(empty), str(binary), str(missing), ftp, private]
    db = tmp_path / "kb.db"

    result = invoke("ingest", str(good), *bad, "--db", str(db))

    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    for source in bad:
        naming = [line for line in lines if source in line]
        assert len(naming) == 1, f"{source} should be named on exactly one line:\n{result.stderr}"
        assert naming[0].startswith("error ")
    assert "stored 1 document(s)" in _one_line(result.stderr)
    assert "5 failed" in _one_line(result.stderr)
    assert _stats(invoke, db)["documents"] == 1

    listed = invoke("errors", "--db", str(db), "--format", "json")
    assert listed.exit_code == 0
    errors = {error["source"]: error for error in json.loads(listed.stdout)}
    assert set(errors) == set(bad)
    assert all(error["reason"] and error["code"] for error in errors.values())
    assert "allow-private" in errors[private]["reason"]
    assert "ftp" in errors[ftp]["reason"]
    table = invoke("errors", "--db", str(db))
    assert "5 input(s) not ingested" in table.stdout

    # Fixing an input and ingesting it again clears its error.
    empty.write_text(FRENCH_TEXT, encoding="utf-8")
    again = invoke("ingest", str(empty), "--db", str(db))
    assert again.exit_code == 0, again.output
    remaining = {error["source"] for error in json.loads(invoke("errors", "--db", str(db), "--format", "json").stdout)}
    assert remaining == set(bad) - {str(empty)}


def test_reingesting_a_folder_stores_nothing_new(invoke: Callable[..., Result], tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(FRENCH_TEXT, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", str(folder), "--db", str(db)).exit_code == 0
    before = _stats(invoke, db)

    again = invoke("ingest", str(folder), "--db", str(db))

    assert again.exit_code == 0, again.output
    assert "stored 0 document(s)" in _one_line(again.stderr)
    assert "2 already stored" in _one_line(again.stderr)
    assert _stats(invoke, db) == before


def test_a_changed_file_at_the_same_path_is_a_new_version(invoke: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", str(path), "--db", str(db)).exit_code == 0
    path.write_text(GOOD_TEXT.replace("130", "150"), encoding="utf-8")

    changed = invoke("ingest", str(path), "--db", str(db))

    assert changed.exit_code == 0, changed.output
    stats = _stats(invoke, db)
    assert stats["documents"] == 2 and stats["current_documents"] == 1
    with sqlite3.connect(db) as conn:
        versions = conn.execute("SELECT version, previous_id IS NOT NULL, text FROM documents ORDER BY version").fetchall()
    assert [(v, has_previous) for v, has_previous, _ in versions] == [(1, 0), (2, 1)]
    assert "130" in versions[0][2] and "150" in versions[1][2]  # the old text is kept
    # Search shows the current version only.
    hits = json.loads(invoke("search", "jihadists", "--db", str(db), "--format", "json").stdout)
    assert hits and all("150" in hit["text"] for hit in hits)


def test_usage_errors_exit_2(invoke: Callable[..., Result], tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    assert invoke("ingest", str(tmp_path), "--db", db, "--no-such-option").exit_code == 2
    assert invoke("ingest", "--db", db).exit_code == 2  # no input
    bad_status = invoke("figures", "--db", db, "--status", "vanished")
    assert bad_status.exit_code == 2
    assert "returned" in bad_status.output  # the valid choices are listed
    assert invoke("stats", "--db", db, "--format", "xml").exit_code == 2
    assert invoke("no-such-command").exit_code == 2


def test_search_ignores_accents(invoke: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH_TEXT, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", str(path), "--db", str(db)).exit_code == 0

    result = invoke("search", "idleb", "--db", str(db))

    assert result.exit_code == 0
    assert "Idléb" in result.stdout
    hits = json.loads(invoke("search", "IDLEB", "--db", str(db), "--format", "json").stdout)
    assert len(hits) == 1 and "Idléb" in hits[0]["text"]
    assert "No sentence matches" in invoke("search", "Mossoul", "--db", str(db)).stdout


def test_hostile_html_is_stored_as_text(invoke: Callable[..., Result], tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", str(page), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        (text,) = conn.execute("SELECT text FROM documents").fetchone()
    assert "<script>" not in text and "alert(1)</script>" not in text
    assert "<img src=x onerror=alert(1)>" in text  # the escaped text of the page, as text

    result = invoke("search", "onerror", "--db", str(db))

    assert result.exit_code == 0
    assert "<img src=x onerror=alert(1)>" in result.stdout
    assert invoke("figures", "--db", str(db)).exit_code == 0


def test_rich_markup_in_documents_is_printed_verbatim(invoke: Callable[..., Result], tmp_path: Path) -> None:
    sentence = r"The leaflet read [red]WARNING[/] and [bold]Idlib[/bold] and \[blue] in brackets."
    path = tmp_path / "[red]leaflet[b].txt"
    path.write_text(f"{sentence}\n\nSome 130 French jihadists remain in Idlib [/].\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    ingested = invoke("ingest", str(path), "--db", str(db))
    assert ingested.exit_code == 0, ingested.output

    result = invoke("search", "leaflet", "--db", str(db))

    assert result.exit_code == 0, result.output
    assert sentence in _one_line(result.stdout)
    assert str(path) in _one_line(result.stdout)  # the source, brackets and all
    for command in (("figures",), ("check",), ("stats",), ("errors",)):
        shown = invoke(*command, "--db", str(db))
        assert shown.exit_code == 0, (command, shown.output)


def test_ingest_over_http(invoke: Callable[..., Result], tmp_path: Path, server_base: str) -> None:
    db = tmp_path / "kb.db"
    article = f"{server_base}/article.html"

    refused = invoke("ingest", article, "--db", str(db))
    assert refused.exit_code == 1
    assert article in refused.stderr and "--allow-private" in refused.stderr
    assert _stats(invoke, db)["documents"] == 0

    stored = invoke("ingest", article, "--db", str(db), "--allow-private")
    assert stored.exit_code == 0, stored.output
    assert _stats(invoke, db)["documents"] == 1
    assert json.loads(invoke("errors", "--db", str(db), "--format", "json").stdout) == []
    hits = json.loads(invoke("search", "Ghuraba", "--db", str(db), "--format", "json").stdout)
    assert [hit["url"] for hit in hits] == [article]
    assert hits[0]["title"] == "French jihadists in Idlib"

    fresh = tmp_path / "fresh.db"
    every_entry = invoke("ingest", f"{server_base}/rss.xml", "--feed", "--allow-private", "--db", str(fresh))
    assert every_entry.exit_code == 0, every_entry.output
    assert "stored 2 document(s)" in _one_line(every_entry.stderr)
    titles = {hit["title"] for hit in json.loads(invoke("search", "Ghuraba", "--db", str(fresh), "--format", "json").stdout)}
    assert titles == {"French jihadists in Idlib", "Les djihadistes français d'Idlib"}

    feed = invoke("ingest", f"{server_base}/rss.xml", "--feed", "--allow-private", "--db", str(db))
    assert feed.exit_code == 0, feed.output
    assert "stored 1 document(s)" in _one_line(feed.stderr)  # the French entry; the English one is known
    assert "1 already stored" in _one_line(feed.stderr)
    stats = _stats(invoke, db)
    assert stats["documents"] == 2
    assert stats["documents_by_language"] == {"en": 1, "fr": 1}


def test_feed_without_allow_private_fails_with_the_reason(invoke: Callable[..., Result], tmp_path: Path, server_base: str) -> None:
    db = tmp_path / "kb.db"
    feed = f"{server_base}/rss.xml"
    result = invoke("ingest", feed, "--feed", "--db", str(db))
    assert result.exit_code == 1
    line = next(line for line in result.stderr.splitlines() if feed in line)
    assert "private" in line or "loopback" in line


def test_the_console_entry_point_turns_our_errors_into_one_line(run_main: Callable[..., Ran], tmp_path: Path) -> None:
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("these are my notes, not a database " * 20, encoding="utf-8")
    result = run_main("stats", "--db", str(not_a_store))
    assert result.code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("error:") and str(not_a_store) in result.stderr
    assert "Traceback" not in result.stderr
