"""Which language a document is in, with py3langid.

Detection is restricted to the languages this kind of reporting comes in (European
languages, and those of the Middle East, North Africa and Central Asia), which makes
short texts far more reliable than choosing among all 97 of langid's languages. Only
English and French are processed further (:data:`SUPPORTED`); any other language is
still detected and reported, and the caller stores the document as not yet supported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = frozenset({"en", "fr"})
#: The candidate languages detection chooses among (ISO 639-1).
CANDIDATES = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "no",
    "fi",
    "pl",
    "cs",
    "ro",
    "hu",
    "el",
    "bg",
    "sr",
    "hr",
    "bs",
    "sq",
    "ru",
    "uk",
    "tr",
    "az",
    "ka",
    "hy",
    "ar",
    "fa",
    "ps",
    "ur",
    "he",
    "ku",
    "id",
    "ms",
)
UNDETERMINED = "und"
#: Below this many letters the guess is ``und`` with confidence 0.
MIN_LETTERS = 3
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code (or ``"und"``) and a probability between 0 and 1."""

    code: str
    confidence: float

    @property
    def supported(self) -> bool:
        """True when claimgraph can process this language (English or French)."""
        return self.code in SUPPORTED


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in CANDIDATES if code in identifier.labels])
    return identifier


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of ``text``; ``und`` (confidence 0.0) when it has no words."""
    if len(_LETTER.findall(text[:2000])) < MIN_LETTERS:
        return LanguageGuess(UNDETERMINED, 0.0)
    code, confidence = _identifier().classify(text[:20000])
    return LanguageGuess(str(code), round(float(confidence), 4))
