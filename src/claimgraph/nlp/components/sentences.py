"""Sentence boundaries set before the parser, which keeps them.

The small parsers cut sentences in the wrong places often enough to matter: the French one
starts a new sentence inside hyphenated names ("Hayat Tahrir al" | "-" | "Cham contrôle
...") and both join a title or a dateline to the first sentence under it. Every claim is
tied to its sentence, and relations and figures look for their arguments inside it, so a
wrong cut loses facts and quotes the wrong text.

This component marks, before ``parser`` runs (spaCy's parser respects boundaries already
set on ``Token.is_sent_start``):

- no boundary inside a hyphenated word ("al-Cham", "Nour al-Din", "nord-est");
- a boundary after a paragraph break, and after a line break that ends a sentence, a
  title or a dateline (not after a line wrapped inside a sentence);
- in ``strict`` mode (both languages), a boundary after sentence-final punctuation
  followed by a capital, a digit or an opening quote, and none anywhere else: the parsers'
  own cuts are the unreliable ones (measured on the annotated sets, docs/evaluation.md).
  Abbreviations keep their period in one token ("M.", "U.S."), so they do not end a
  sentence.

Sets ``Token.is_sent_start`` only.
"""

from __future__ import annotations

from typing import Final

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

SENTENCE_END: Final = frozenset({".", "!", "?", "…", "?!", "!?", "...", "»."})
HYPHENS: Final = frozenset({"-", "‑", "‐"})
OPENERS: Final = frozenset({"«", "“", '"', "(", "[", "‘", "'", "—", "–", "-"})
STRICT_LANGUAGES: Final = frozenset({"fr", "en"})


@Language.factory(
    "claimgraph_sentences",
    default_config={"language": "en"},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str, language: str) -> SentenceBounds:
    return SentenceBounds(strict=language in STRICT_LANGUAGES)


class SentenceBounds:
    """Sets ``token.is_sent_start`` where the text itself shows it (see the module doc)."""

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        # One array write, not Token.is_sent_start per token (its setter checks the whole
        # Doc's annotation each time: quadratic on long documents). 1 = starts a sentence,
        # -1 = does not, 0 = left to the parser.
        values = numpy.zeros((len(doc), 1), dtype="int64")
        values[0, 0] = 1
        previous = doc[0]
        for token in doc[1:]:
            start = self._starts(previous, token)
            if start is not None:
                values[token.i, 0] = 1 if start else -1
            previous = token
        doc.from_array([SENT_START], values.astype("uint64"))
        return doc

    def _starts(self, previous: Token, token: Token) -> bool | None:
        """True / False where the text decides, None to leave it to the parser."""
        if _inside_word(previous, token):
            return False
        if token.is_space:
            return False if self.strict else None
        if previous.is_space:
            if "\n" in previous.text and _new_line_starts(previous, token):
                return True
            if not self.strict:
                return None
            # extra spaces inside a line ("end.  Next"): what comes before them decides
            before = previous.doc[previous.i - 1] if previous.i > 0 else None
            return before is not None and before.text in SENTENCE_END and _capitalised(token)
        if self.strict:
            return previous.text in SENTENCE_END and _capitalised(token)
        return None


def _inside_word(previous: Token, token: Token) -> bool:
    """True between the pieces of a hyphenated word: "al" "-" "Cham"."""
    return (token.text in HYPHENS and not previous.whitespace_) or (
        previous.text in HYPHENS and not previous.whitespace_ and previous.i > 0
        and not previous.doc[previous.i - 1].whitespace_
    )  # fmt: skip


def _new_line_starts(space: Token, token: Token) -> bool:
    """True when the line after a line break starts a sentence: after a blank line; after
    a line ending with sentence punctuation or a colon; after a title or dateline (a line
    ending in a capitalised word or a digit) when the new line starts with a capital. A
    line wrapped inside a sentence ("... fighters from\nFrance") does not."""
    if "\n\n" in space.text or space.i == 0:
        return True
    before = space.doc[space.i - 1]
    if before.text in SENTENCE_END or before.text in (":", ";"):
        return True
    return _capitalised(token) and (before.text[0].isupper() or before.text[0].isdigit())


def _capitalised(token: Token) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit() or token.text in OPENERS
