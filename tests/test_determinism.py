"""Extraction must not depend on the process: string hashing (PYTHONHASHSEED) changes set
and dict-of-set iteration order between processes, and a resumed ingest must give what an
uninterrupted one gives."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _extract(seed: str, *paths: Path) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "claimgraph", "extract", *map(str, paths), "--format", "json"],
        capture_output=True, text=True, env=environment, check=True, timeout=300,
    )
    return result.stdout


@pytest.mark.slow
@pytest.mark.models
def test_two_processes_with_different_hash_seeds_extract_the_same(tmp_path: Path) -> None:
    # Several relation cues match the same words here; which one wins used to depend on
    # set iteration order (seeds 1 and 2 disagreed).
    tied = tmp_path / "tied.txt"
    tied.write_text(
        "Jund al-Haqq split from the Northern Brigade in 2018. The latter controls Sarmada.\n",
        encoding="utf-8",
    )
    first, second = _extract("1", CORPUS, tied), _extract("2", CORPUS, tied)
    assert first.count("\n") == 12
    assert first == second
