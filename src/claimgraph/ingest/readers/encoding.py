"""Bytes to text without ever failing.

Order: a byte-order mark wins; then strict UTF-8 (valid UTF-8 is almost never another
encoding, whatever a server declares); then the declared charset, if any; then, for text
that is partly UTF-8 (files pasted together from UTF-8 and Windows sources), UTF-8 where
it is valid and cp1252 for every invalid byte run; then cp1252 when that gives the
letters of English and French (short French texts fool statistical detectors, which
take the "à" of cp1252 for the "ŕ" of cp1250); then charset-normalizer's best guess
(cp1251, cp1256...); and as a last resort UTF-8 with U+FFFD replacement characters.
Every step past strict UTF-8 adds a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

# A run of well-formed UTF-8 (ASCII and 2-, 3- and 4-byte sequences, no surrogates).
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
# Letters and punctuation of English and French (and their neighbours) in cp1252.
_WESTERN = frozenset(
    "ÀÂÄÆÇÈÉÊËÎÏÔŒÙÛÜŸàâäæçèéêëîïôœùûüÿáíóúñÑÁÍÓÚãõÃÕåÅøØöÖßì«»‘’‚“”„–—…•€°§©®ª º±·\u00a0"
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedText:
    """Decoded text, the encoding used, and what went imperfectly."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default=())


def decode_text(data: bytes, *, declared: str | None = None) -> DecodedText:
    """Decode ``data``; ``declared`` is a charset the source announced (HTTP, ``<meta>``)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, encoding, "byte-order mark")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared) and codecs.lookup(declared).name != "utf-8":
        return _decode_with(data, declared, "declared charset")
    if _mostly_utf8(data):
        return _decode_mixed(data)
    western = data.decode("cp1252", errors="replace")
    if _plausibly_western(western):
        return DecodedText(
            western, "cp1252", ("not valid UTF-8; decoded as cp1252 (Western European)",)
        )
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return DecodedText(
            str(best),
            best.encoding,
            (f"not valid UTF-8; decoded as {best.encoding} (detected)",),
        )
    text = data.decode("utf-8", errors="replace")
    return DecodedText(
        text,
        "utf-8",
        (
            f"encoding not recognised; {text.count(chr(0xFFFD))} undecodable bytes replaced by U+FFFD",
        ),
    )


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _decode_with(data: bytes, encoding: str, why: str) -> DecodedText:
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    warnings = (f"{bad} bytes invalid in {encoding} ({why}) replaced by U+FFFD",) if bad else ()
    return DecodedText(text, codecs.lookup(encoding).name, warnings)


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 multibyte characters are common next to the invalid bytes.

    A genuine cp1252 or latin-1 file almost never holds a valid UTF-8 multibyte sequence
    ("Ã©" would be one), so a handful of them against many invalid bytes means cp1252.
    """
    valid_multibyte = 0
    valid_bytes = 0
    for match in _UTF8_RUN.finditer(data):
        run = match.group()
        valid_bytes += len(run)
        valid_multibyte += sum(1 for byte in run if 0xC2 <= byte <= 0xF4)
    invalid_bytes = len(data) - valid_bytes
    return valid_multibyte > 0 and valid_multibyte * 5 >= invalid_bytes


def _plausibly_western(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` are those of English and French."""
    non_ascii = [char for char in text if ord(char) > 0x7F]
    if not non_ascii:
        return True
    western = sum(1 for char in non_ascii if char in _WESTERN)
    return western >= 0.9 * len(non_ascii)


def _decode_mixed(data: bytes) -> DecodedText:
    parts: list[str] = []
    position = 0
    foreign = 0
    for match in _UTF8_RUN.finditer(data):
        if match.start() > position:
            gap = data[position : match.start()]
            foreign += len(gap)
            parts.append(gap.decode("cp1252", errors="replace"))
        parts.append(match.group().decode("utf-8"))
        position = match.end()
    if position < len(data):
        gap = data[position:]
        foreign += len(gap)
        parts.append(gap.decode("cp1252", errors="replace"))
    return DecodedText(
        "".join(parts),
        "utf-8+cp1252",
        (f"mixed encodings: {foreign} bytes were not valid UTF-8 and were decoded as cp1252",),
    )
