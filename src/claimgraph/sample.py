"""Where the bundled sample corpus is (``claimgraph demo`` ingests it)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_corpus_dir() -> Path:
    """The folder of the bundled sample documents (source.txt + meta.json each)."""
    return Path(str(resources.files("claimgraph").joinpath("sample_corpus")))
