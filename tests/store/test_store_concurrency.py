"""Readers while a writer works, a second writer, and crash safety (SIGKILL mid-batch)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.store import Store, open_store

Raw = Callable[[Path], AbstractContextManager[sqlite3.Connection]]

# A child process that writes `count` documents in one transaction, says "ready" before
# committing, then waits for a line on stdin (commit) or to be killed.
WRITER = textwrap.dedent(
    """
    import sys
    from claimgraph.store import open_store

    path, count = sys.argv[1], int(sys.argv[2])
    with open_store(path) as store:
        with store.transaction():
            for i in range(count):
                text = f"Document {i} sur Idléb. Deuxième phrase {i}."
                document_id, created = store.add_document(source=f"doc-{i}.txt", text=text)
                if created:
                    store.add_sentences(document_id, [(0, text.index(" Deux"), text[: text.index(" Deux")])])
            print("ready", flush=True)
            sys.stdin.readline()
        print("done", flush=True)
    """
)


@contextmanager
def writer_process(db_path: Path, count: int) -> Iterator[subprocess.Popen[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        if line.strip() != "ready":
            child.kill()
            _, err = child.communicate(timeout=30)
            pytest.fail(f"writer did not start: {line!r} {err}")
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)


@pytest.mark.slow
def test_a_reader_in_another_process_reads_while_a_writer_holds_its_transaction(
    db_path: Path,
) -> None:
    with open_store(db_path):
        pass  # migrate first, so the child does not race the schema
    with writer_process(db_path, 20) as child:
        started = time.monotonic()
        with open_store(db_path, busy_timeout=1) as reader:
            assert reader.stats()["documents"] == 0  # the batch is not committed yet
            assert reader.search("idleb") == []
            assert reader.integrity_check(search_index=False) == "ok"
            # the search-index check needs the write lock: it waits 1 s, then says so
            assert "search index: not checked" in reader.integrity_check()
        assert time.monotonic() - started < 5  # nobody waited for the writer's lock
        assert child.stdin is not None
        child.stdin.write("commit\n")
        child.stdin.flush()
        out, err = child.communicate(timeout=60)
        assert "done" in out, err
    with open_store(db_path) as reader:
        assert reader.stats()["documents"] == 20
        assert len(reader.search("idleb", limit=100)) == 20


@pytest.mark.slow
def test_sigkill_mid_batch_leaves_nothing_half_written_and_a_rerun_converges(db_path: Path) -> None:
    with open_store(db_path):
        pass
    with writer_process(db_path, 30) as child:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
    with open_store(db_path) as store:
        stats = store.stats()
        assert (stats["documents"], stats["sentences"]) == (0, 0)
        assert store.integrity_check() == "ok"
    for _ in range(2):  # the re-run, then a re-run of the re-run: duplicates are skipped
        with writer_process(db_path, 30) as child:
            assert child.stdin is not None
            out, err = child.communicate("commit\n", timeout=60)
            assert "done" in out, err
    with open_store(db_path) as store:
        stats = store.stats()
        assert (stats["documents"], stats["sentences"]) == (30, 30)
        assert store.integrity_check() == "ok"


def test_a_reader_connection_in_the_same_process_is_not_blocked(
    db_path: Path, add_doc: Callable[..., int]
) -> None:
    with open_store(db_path) as writer, open_store(db_path, busy_timeout=1) as reader:
        add_doc(writer, "Avant le lot.", source="before")
        with writer.transaction():
            add_doc(writer, "Pendant le lot sur Idleb.", source="during")
            assert writer.stats()["documents"] == 2  # the writer sees its own writes
            assert reader.stats()["documents"] == 1  # the reader sees the last commit
            assert [h.source for h in reader.search("avant")] == ["before"]
        assert reader.stats()["documents"] == 2


def test_a_second_writer_waits_then_fails_with_a_clear_error(db_path: Path) -> None:
    with open_store(db_path) as first, open_store(db_path, busy_timeout=0.2) as second:
        with first.transaction():
            first.add_document(source="a", text="Premier.")
            started = time.monotonic()
            with pytest.raises(StoreError, match="busy"):
                second.add_document(source="b", text="Second.")
            assert time.monotonic() - started >= 0.15  # it waited for the busy timeout
        second.add_document(source="b", text="Second.")
        assert second.stats()["documents"] == 2


def test_an_exception_in_a_batch_rolls_all_of_it_back(
    store: Store, add_doc: Callable[..., int]
) -> None:
    with pytest.raises(ValueError, match="boom"), store.transaction():
        add_doc(store, "Un.", source="a")
        with store.transaction():  # nested: joins the outer transaction
            add_doc(store, "Deux.", source="b")
        raise ValueError("boom")
    assert store.stats()["documents"] == 0
    add_doc(store, "Trois.", source="c")
    assert store.stats()["documents"] == 1


def test_integrity_check_is_ok_and_catches_a_stale_search_index(
    store: Store, add_doc: Callable[..., int], raw: Raw, db_path: Path
) -> None:
    add_doc(store, "Raqqa tombe. Mossoul aussi.")
    assert store.integrity_check() == "ok"
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.execute("DROP TRIGGER sentences_fts_update")
        conn.execute("UPDATE sentences SET text = 'Autre chose.' WHERE idx = 0")
    report = store.integrity_check()
    assert report != "ok" and "search index" in report and "rebuild" in report
