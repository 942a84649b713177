"""``claimgraph ingest`` killed with SIGKILL mid-run, then run again, ends with the same
store as an uninterrupted run; and readers work while an ingest writes."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from claimgraph.store import open_store

from .conftest import cli_command, cli_env, run_subprocess, write_mixed_documents

pytestmark = pytest.mark.models

DOCUMENTS = 400
BATCH = "4"  # small batches: a commit every few documents, so a kill lands between and in them


def _count_documents(db: Path) -> int:
    """Committed documents, read through a read-only connection (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the file exists but migrations are not committed yet
        return 0


def _wait_for(db: Path, child: subprocess.Popen[bytes], at_least: int, deadline: float) -> int:
    while time.monotonic() < deadline:
        stored = _count_documents(db)
        if stored >= at_least or child.poll() is not None:
            return stored
        time.sleep(0.05)
    return _count_documents(db)


def _summary(db: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        hashes = [row[0] for row in conn.execute("SELECT content_hash FROM documents")]
        per_document = {
            content_hash: (sentences, claims)
            for content_hash, sentences, claims in conn.execute(
                "SELECT d.content_hash, "
                "(SELECT count(*) FROM sentences AS s WHERE s.document_id = d.id), "
                "(SELECT count(*) FROM claims AS c WHERE c.document_id = d.id) FROM documents AS d"
            )
        }
        return {
            "documents": len(hashes),
            "distinct": len(set(hashes)),
            "hashes": set(hashes),
            "sentences": conn.execute("SELECT count(*) FROM sentences").fetchone()[0],
            "per_document": per_document,
            "statuses": dict(conn.execute("SELECT extraction_status, count(*) FROM documents GROUP BY 1")),
            "errors": conn.execute("SELECT count(*) FROM ingest_errors").fetchone()[0],
            "integrity": [row[0] for row in conn.execute("PRAGMA integrity_check")],
        }


@pytest.mark.slow
def test_ingest_killed_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_mixed_documents(folder, DOCUMENTS)
    killed_db, reference_db = tmp_path / "killed.db", tmp_path / "reference.db"
    args = ("ingest", str(folder), "--batch-size", BATCH)
    started = time.monotonic()
    # The uninterrupted run goes on beside the one we kill (two cores, half the wall time).
    with (tmp_path / "reference.err").open("wb") as reference_err, (tmp_path / "victim.err").open("wb") as victim_err:
        reference = subprocess.Popen(
            cli_command(*args, "--db", str(reference_db)), stdout=subprocess.DEVNULL, stderr=reference_err, env=cli_env()
        )
        victim = subprocess.Popen(
            cli_command(*args, "--db", str(killed_db)), stdout=subprocess.DEVNULL, stderr=victim_err, env=cli_env()
        )
        try:
            before_kill = _wait_for(killed_db, victim, at_least=40, deadline=started + 240)
            assert victim.poll() is None, f"the ingest ended (status {victim.returncode}) before it could be killed"
            assert 0 < before_kill < DOCUMENTS
            victim.send_signal(signal.SIGKILL)
            assert victim.wait(timeout=30) == -signal.SIGKILL
        finally:
            if victim.poll() is None:
                victim.kill()
                victim.wait()
    after_kill = _count_documents(killed_db)
    assert before_kill <= after_kill < DOCUMENTS  # some stored, not all

    resumed = run_subprocess(*args, "--db", str(killed_db))
    assert resumed.code == 0, resumed.stderr
    # The rerun skips what was committed and stores exactly the rest.
    assert f"stored {DOCUMENTS - after_kill} document(s)" in " ".join(resumed.stderr.split())
    assert f"{after_kill} already stored" in " ".join(resumed.stderr.split())
    assert reference.wait(timeout=300) == 0, (tmp_path / "reference.err").read_text()
    elapsed = time.monotonic() - started

    killed, uninterrupted = _summary(killed_db), _summary(reference_db)
    assert killed["documents"] == killed["distinct"] == DOCUMENTS
    assert uninterrupted["documents"] == uninterrupted["distinct"] == DOCUMENTS
    assert killed["hashes"] == uninterrupted["hashes"]
    assert killed["sentences"] == uninterrupted["sentences"] > DOCUMENTS
    assert killed["per_document"] == uninterrupted["per_document"]
    assert killed["statuses"] == uninterrupted["statuses"]
    assert "pending" not in killed["statuses"]  # no document stored without its extraction
    assert killed["errors"] == uninterrupted["errors"] == 0
    assert killed["integrity"] == uninterrupted["integrity"] == ["ok"]
    for db in (killed_db, reference_db):
        with open_store(db) as store:
            assert store.integrity_check() == "ok"
    print(f"kill test: {elapsed:.1f}s for {DOCUMENTS} documents, killed after {after_kill}")


@pytest.mark.slow
def test_stats_and_search_work_while_an_ingest_is_writing(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_mixed_documents(folder, 300, seed=11)
    db = tmp_path / "busy.db"
    with (tmp_path / "ingest.err").open("wb") as ingest_err:
        writer = subprocess.Popen(
            cli_command("ingest", str(folder), "--db", str(db), "--batch-size", "2"),
            stdout=subprocess.DEVNULL, stderr=ingest_err, env=cli_env(),
        )
        try:
            assert _wait_for(db, writer, at_least=4, deadline=time.monotonic() + 240) >= 4
            assert writer.poll() is None, "the ingest ended before the readers could run"
            stats = run_subprocess("stats", "--db", str(db), "--format", "json", timeout=120)
            search = run_subprocess("search", "report", "--db", str(db), timeout=120)
            later = run_subprocess("stats", "--db", str(db), "--format", "json", timeout=120)
            still_writing = writer.poll() is None
        finally:
            writer.kill()
            writer.wait()
    assert still_writing, "the ingest ended while the readers ran: the test proved nothing"
    assert stats.code == 0, stats.stderr
    first, second = json.loads(stats.stdout), json.loads(later.stdout)
    assert 4 <= first["documents"] <= second["documents"] < 300
    assert first["sentences"] >= first["documents"]
    assert first["errors"] == 0
    assert search.code == 0, search.stderr
    assert "Report number" in search.stdout  # every document starts with this line
    assert "No sentence matches" not in search.stdout
