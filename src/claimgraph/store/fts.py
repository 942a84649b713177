"""Turn what a user typed into a safe FTS5 MATCH expression.

Every word becomes a quoted FTS5 string, so operators and punctuation a user types
(``AND(``, ``"``, ``NEAR``, ``-``, ``:``) are searched as text, never parsed as query
syntax. Supported on purpose: ``"two words"`` as a phrase and a trailing ``*`` for a
prefix (``djihad*``). Words are combined with AND, or OR when ``any_word`` is set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _has_word(term: str) -> bool:
    return any(ch.isalnum() for ch in term)


def fts_query(words: str | Iterable[str], *, any_word: bool = False) -> str | None:
    """The MATCH expression for ``words``, or ``None`` when nothing searchable is left.

    >>> fts_query('Idleb AND( "al Nusra"')
    '"Idleb" "AND(" "al Nusra"'
    >>> fts_query('djihad*')
    '"djihad"*'
    """
    text = words if isinstance(words, str) else " ".join(words)
    parts: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _has_word(phrase):
                parts.append(_quote(phrase))
            continue
        prefix = word.endswith("*")
        core = word.rstrip("*") if prefix else word
        if _has_word(core):
            parts.append(_quote(core) + ("*" if prefix else ""))
    if not parts:
        return None
    return (" OR " if any_word else " ").join(parts)
