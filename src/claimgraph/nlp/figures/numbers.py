"""Number value types: turn one written number into a value, or ``None`` when it is not one.

Pure functions over strings, no spaCy: ``parse_numeral`` reads digit forms ("1,490",
"15 000", "1.500", "2,5", "12.5") by the conventions of the language, ``parse_words`` reads
written numbers ("four hundred", "vingt-cinq") with a lexicon's number words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

# thin spaces and no-break spaces French uses as thousands separators
GROUP_SPACES: Final = " \u00a0\u202f\u2009"
_SP: Final = f"[{GROUP_SPACES}]"

_EN_GROUPED = re.compile(rf"^\d{{1,3}}(?:(?:,\d{{3}})+|(?:{_SP}\d{{3}})+)(?:\.\d+)?$")
_EN_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_FR_SPACE_GROUPED = re.compile(rf"^\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?$")
_FR_DOT_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_FR_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_LEADING_ZERO = re.compile(r"^0\d")


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def parse_numeral(text: str, language: str) -> int | float | None:
    """The value of a digit numeral, or ``None`` ("01", "2014-1353", "13th", "abc").

    English: "1,490" -> 1490, "1 490" -> 1490, "2.5" -> 2.5, "1.500" -> 1.5.
    French: "1 490" (space, U+00A0, U+202F) -> 1490, "1.500" -> 1500, "2,5" -> 2.5.
    """
    text = text.strip()
    if not text or _LEADING_ZERO.match(text):
        return None
    if language == "fr":
        if _FR_SPACE_GROUPED.match(text):
            head, _, decimals = text.partition(",")
            digits = re.sub(_SP, "", head)
            return _number(f"{digits}.{decimals}") if decimals else int(digits)
        if _FR_DOT_GROUPED.match(text):
            return int(text.replace(".", ""))
        if _FR_PLAIN.match(text):
            return _number(text.replace(",", ".")) if "," in text else int(text)
        return None
    if _EN_GROUPED.match(text):
        return _number(re.sub(rf"[,{GROUP_SPACES}]", "", text))
    if _EN_PLAIN.match(text):
        return _number(text)
    return None


def parse_words(
    words: Iterable[str],
    number_words: Mapping[str, int],
    multipliers: Mapping[str, int],
    joiners: Iterable[str] = ("and", "et", "-"),
) -> int | None:
    """The value of a written number ("four hundred and fifty", "vingt-cinq", "two million"),
    or ``None`` when a word is not a number word. Hyphenated words are split."""
    joiner_set = set(joiners)
    parts: list[str] = []
    for word in words:
        lowered = word.lower()
        if lowered in number_words or lowered in multipliers or lowered in joiner_set:
            parts.append(lowered)
        else:
            parts.extend(_split_hyphenated(lowered, number_words, multipliers))
    total = 0
    current = 0
    seen = False
    for part in parts:
        if part in joiner_set and part not in number_words:
            continue
        if part in number_words:
            value = number_words[part]
            # French "quatre vingts" written apart: 4 x 20
            current = current * value if value == 20 and current == 4 else current + value
            seen = True
        elif part in multipliers:
            factor = multipliers[part]
            if factor == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * factor
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _split_hyphenated(
    word: str, number_words: Mapping[str, int], multipliers: Mapping[str, int]
) -> list[str]:
    """"quatre-vingt-dix-neuf" -> ["quatre-vingt-dix", "neuf"] (longest known prefixes)."""
    pieces = word.split("-")
    out: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            candidate = "-".join(pieces[i:j])
            if candidate in number_words or candidate in multipliers:
                out.append(candidate)
                i = j
                break
        else:
            out.append(pieces[i])  # not a number word: parse_words returns None
            i += 1
    return out
