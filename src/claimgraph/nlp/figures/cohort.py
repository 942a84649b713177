"""What a number counts: the counted noun phrase and its cohort facets.

"390 adults" -> adults (age class adult); "1,490 Frenchmen" -> French, male;
"thousands of radicalized fighters" -> fighters (role fighter); "3 km² de superficie" ->
superficie; "500 are presumed dead" -> no noun of its own (the structure pass lets it
inherit the cohort of the total that governs it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.nlp.figures.detect import RawNumber
from claimgraph.nlp.figures.lexicon import FigureLexicon

_OF = frozenset({"of", "de", "d'", "d’", "des", "du"})
_DETS = frozenset({"the", "these", "those", "its", "their", "all", "les", "la", "le", "l'", "l’", "ces", "leurs", "ses", "tous", "toutes"})
_PRONOUNS = frozenset({"whom", "them", "which", "those", "these", "eux", "elles", "entre", "lesquels", "lesquelles", "ceux"})
_STOP_PUNCT = frozenset({",", ";", ":", "–", "—", "(", ")", "[", "]", ".", "!", "?", "«", "»"})
_QUOTES = frozenset({"“", "”", '"', "«", "»", "‘", "’", "'"})
MAX_PHRASE = 12


@dataclass
class Counted:
    head: Token | None  # the counted noun
    start: int  # token span of the counted phrase (empty when head is None)
    end: int
    pronoun: bool = False  # "half of whom", "la moitié d'entre eux"
    of_figure: bool = False  # "a third of the 90 detainees": the part of a later figure


def empty_cohort() -> dict[str, str | None]:
    return {"nationality": None, "gender": None, "age_class": None, "role": None, "noun": None}


def find_counted(doc: Doc, raw: RawNumber, lex: FigureLexicon, figure_starts: set[int]) -> Counted:
    """The noun phrase right after the number (after "of"/"de" for "thousands of X")."""
    i = raw.unit_end or raw.end
    n = len(doc)
    if i + 1 < n and doc[i].lower_ in _OF and doc[i + 1].lower_ in _PRONOUNS:
        return Counted(None, i + 1, i + 1, pronoun=True)  # "12 d'entre elles", "40 of them"
    if _partitive(doc, i):
        i += 1  # "25 of its fighters", "40 de ses cadres": the number is a part of the noun
        while i < n and doc[i].lower_ in _DETS:
            i += 1
        if i in figure_starts:
            return Counted(None, i, i, of_figure=True)  # "12 of the 25 women"
    elif raw.takes_of or raw.unit in ("percent", "share"):
        if i < n and doc[i].lower_ in _OF:
            i += 1
            if i < n and doc[i].lower_ in _PRONOUNS:
                return Counted(None, i, i, pronoun=True)
            while i < n and doc[i].lower_ in _DETS:
                i += 1
            if i in figure_starts:
                return Counted(None, i, i, of_figure=True)  # "un tiers des 90 détenus"
        elif raw.takes_of and raw.kind != "approx_noun":
            return Counted(None, i, i)  # "hundreds fled"; but "two dozen prisons" has its noun
    if raw.unit in ("km", "m") and raw.unit_end is not None:
        return Counted(None, i, i)
    if raw.unit_end is not None and i < n and doc[i].lower_ in _OF:
        i += 1  # "3 km² de superficie"
    head = _head_noun(doc, i, lex)
    if head is None or _is_time_word(doc, head, lex) or i < n and _is_time_word(doc, doc[i], lex):
        return Counted(None, i, i)
    end = _phrase_end(doc, head, i, figure_starts)
    return Counted(head, i, end)


def _partitive(doc: Doc, i: int) -> bool:
    """"of its", "de ses", "of the": a bare number followed by of + determiner."""
    return i + 1 < len(doc) and doc[i].lower_ in ("of", "de", "d'", "d’") and doc[i + 1].lower_ in _DETS


def _head_noun(doc: Doc, i: int, lex: FigureLexicon) -> Token | None:
    n = len(doc)
    if lex.language == "fr":
        j = i
        while j < n and j < i + 2 and doc[j].text in _QUOTES:
            j += 1  # "412 « revenants »"
        i = j
        while j < n and j < i + 3 and doc[j].pos_ == "ADJ" and j + 1 < n and doc[j + 1].pos_ in ("NOUN", "ADJ"):
            j += 1
        if j < n and doc[j].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j].is_alpha:
            return doc[j]
        return None
    head = None
    j = i
    while j < n and j < i + 7:
        token = doc[j]
        if token.pos_ in ("NOUN", "PROPN") and (token.is_alpha or "-" in token.text):
            if head is not None and (token.lower_ in lex.time_units or token.ent_type_ == "DATE"):
                break  # "14 orphans last spring": a time phrase, not part of the noun
            head = token
        elif token.pos_ in ("ADJ", "ADV") or (token.pos_ == "VERB" and token.tag_ in ("VBN", "VBG") and j + 1 < n and doc[j + 1].pos_ in ("NOUN", "ADJ")):
            if head is not None and token.pos_ == "ADV":
                break
        elif token.text in _QUOTES or (token.text in ("-", "‑") and token.whitespace_ == "") or token.tag_ == "POS":
            pass
        else:
            break
        j += 1
    if head is not None and head.lower_ in lex.time_units:
        return None
    return head


def _is_time_word(doc: Doc, token: Token, lex: FigureLexicon) -> bool:
    """"fin 2021", "early 2019", "mars 2020": a date, not what is counted."""
    word = token.lower_
    if word in lex.time_units or word in lex.months:
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return word in lex.date_preps and nxt is not None and (nxt.like_num or nxt.lower_ in lex.months)


def _phrase_end(doc: Doc, head: Token, start: int, figure_starts: set[int]) -> int:
    right = max(head.i + 1, head.right_edge.i + 1)
    end = head.i + 1
    for j in range(head.i + 1, min(right, start + MAX_PHRASE)):
        if doc[j].text in _STOP_PUNCT or j in figure_starts or doc[j].pos_ == "CCONJ" and _number_follows(doc, j + 1, figure_starts):
            break
        end = j + 1
    return end


def _number_follows(doc: Doc, i: int, figure_starts: set[int]) -> bool:
    """"et 29 enfants", "et leurs 16 enfants": a count starts after the conjunction."""
    if i < len(doc) and doc[i].pos_ == "DET" and i not in figure_starts:
        i += 1
    return i in figure_starts


def describe(doc: Doc, counted: Counted, lex: FigureLexicon) -> dict[str, str | None]:
    """The cohort facets of a counted phrase (nationality, gender, age class, role, noun)."""
    cohort = empty_cohort()
    if counted.head is None:
        return cohort
    for token in doc[counted.start : counted.end]:
        for word in (token.lower_, token.lemma_.lower()):
            if cohort["nationality"] is None and word in lex.nationalities:
                cohort["nationality"] = lex.nationalities[word]
            if cohort["gender"] is None and word in lex.genders:
                cohort["gender"] = lex.genders[word]
            if cohort["age_class"] is None and word in lex.age_classes:
                cohort["age_class"] = lex.age_classes[word]
            if cohort["role"] is None and word in lex.roles:
                cohort["role"] = lex.roles[word]
    cohort["noun"] = counted.head.lower_
    return cohort


def is_people(head: Token | None, lex: FigureLexicon) -> bool:
    if head is None:
        return False
    word = head.lower_
    return lex.is_person_noun(word) or lex.is_person_noun(head.lemma_.lower()) or (
        head.ent_type_ in ("NORP",) and head.pos_ in ("PROPN", "NOUN")
    )


def unit_for(head: Token | None, lex: FigureLexicon) -> str:
    """persons for people, else the lexicon's unit for the noun, else the noun as written."""
    if head is None:
        return "count"
    word = head.lower_
    if word in lex.units_by_noun:
        return lex.units_by_noun[word]
    if is_people(head, lex):
        return "persons"
    return word
