"""Sentence offsets for documents in languages we have no pipeline for.

They are stored and searchable even though nothing is extracted from them yet; a plain
rule (end punctuation followed by white space and a capital, or a line break) is enough.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…])\s+(?=[\"'“«(\[]?[A-ZÀ-ÖØ-Þ0-9])|\n+")


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each non-empty sentence, white space trimmed."""
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        sentences.extend(_trimmed(text, start, match.start()))
        start = match.end()
    sentences.extend(_trimmed(text, start, len(text)))
    return sentences


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end, text[start:end])] if end > start else []
