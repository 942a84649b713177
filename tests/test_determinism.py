"""Extraction must not depend on the process: string hashing (PYTHONHASHSEED) changes set
and dict-of-set iteration order between processes, and a resumed ingest must give what an
uninterrupted one gives."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _extract(seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "claimgraph", "extract", str(CORPUS), "--format", "json"],
        capture_output=True, text=True, env=environment, check=True, timeout=300,
    )
    return result.stdout


@pytest.mark.slow
@pytest.mark.models
def test_two_processes_with_different_hash_seeds_extract_the_same() -> None:
    first, second = _extract("1"), _extract("5")
    assert first.count("\n") == 11
    assert first == second
