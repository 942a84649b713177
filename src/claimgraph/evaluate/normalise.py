"""Name normalisation of EXTRACTION_FORMAT.md's matching rules.

Unicode NFKC, case-folded, accents and punctuation removed, a leading "the" / "le" / "la" /
"les" / "l'" dropped, and ’ ' ‘ treated alike.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_LEADING_ARTICLE = re.compile(r"^(?:the|le|la|les)\s+|^l'\s*")
_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """The comparison key of a name: ``normalise_name("L’État islamique") == "etat islamique"``."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold().strip()
    text = _LEADING_ARTICLE.sub("", text)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    text = _PUNCTUATION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
