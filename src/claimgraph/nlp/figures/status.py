"""The status of counted people, read from the verbs and adjectives that govern the count.

Where it looks, in order (the first cue found wins; a "null" cue such as *fled* or
*expelled* stops the search with no status):

1. a group size: "a cluster with about fifty adults", "a community of 220 people" -> present;
2. the counted noun's own clause: "Frenchmen who have joined", "people living in";
3. the verb that governs the number or its noun, with its complements ("are presumed
   dead", "remain detained", "have been killed", "font défection pour rejoindre");
4. a place right after the number and no verb: "with 390 in the theater" -> present;
5. French parses are weaker: the first cue word to the right in the same clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.nlp.figures.lexicon import FigureLexicon

_COMPLEMENTS = frozenset({"acomp", "oprd", "xcomp", "attr", "advcl"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", "–", "—", "."})
NO_CUE = object()


def cue(token: Token, lex: FigureLexicon) -> object:
    """The status a token signals (a STATUS, or None for a blocking word), or NO_CUE."""
    for word in (token.lower_, token.lemma_.lower()):
        if word in lex.status:
            return lex.status[word]
    return NO_CUE


def _cue_with_particle(token: Token, lex: FigureLexicon) -> object:
    for child in token.children:
        if child.dep_ in ("prt", "advmod"):
            key = f"{token.lemma_.lower()} {child.lower_}"
            if key in lex.status:
                return lex.status[key]
    return cue(token, lex)


def from_group_size(anchor: Token, lex: FigureLexicon) -> str | None:
    """"(a cluster) with fifty adults", "(a community) of 220 people" -> present."""
    prep = anchor.head
    if prep.lower_ not in ("with", "of", "de", "avec", "d'", "d’") and anchor.dep_ not in ("nmod",):
        return None
    owner = prep.head
    if anchor.dep_ == "nmod":
        owner = anchor.head
    for candidate in (owner, owner.head if owner.dep_ == "appos" else owner):
        if candidate.lower_ in lex.collective_nouns or candidate.lemma_.lower() in lex.collective_nouns:
            return "present"
    return None


def from_noun_clause(head: Token, lex: FigureLexicon, blocked: set[int]) -> object:
    """Cues in the relative/participle clauses of the counted noun."""
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "acl:relcl", "amod") and child.i not in blocked:
            for token in child.subtree:
                if token.i in blocked:
                    break
                found = _cue_with_particle(token, lex)
                if found is not NO_CUE:
                    return found
    return NO_CUE


def from_governor(anchor: Token, lex: FigureLexicon, blocked: set[int]) -> tuple[object, Token | None]:
    """Cues on the way up to the verb governing ``anchor``, then at that verb's complements
    ("remain detained", "are presumed dead") and the verb itself; also returns the verb."""
    token = anchor
    verb = None
    for _ in range(6):
        if token.head.i == token.i:
            break
        token = token.head
        if token.i in blocked:
            return NO_CUE, None
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            verb = token
            break
        found = cue(token, lex)
        if found is not NO_CUE:
            return found, None
    if verb is None:
        return NO_CUE, None
    if verb.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense", "cop") and verb.head is not verb:
        verb = verb.head  # "remain detained" parsed with "remain" as auxiliary
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS and child.i not in blocked and child.i > anchor.i:
            found = _cue_with_particle(child, lex)
            if found is not NO_CUE:
                return found, verb
    return _cue_with_particle(verb, lex), verb


def from_right_context(doc: Doc, start: int, lex: FigureLexicon, figure_starts: set[int], limit: int = 8) -> object:
    """The first verb/adjective cue to the right, in the same clause (French fallback)."""
    for token in doc[start : min(len(doc), start + limit)]:
        if token.text in _CLAUSE_BREAK or token.i in figure_starts:
            break
        if token.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
            found = cue(token, lex)
            if found is not NO_CUE:
                return found
    return NO_CUE


def located(doc: Doc, start: int, lex: FigureLexicon) -> bool:
    """"390 in the theater", "800 en Syrie": a place phrase right after the number."""
    if start >= len(doc) or doc[start].lower_ not in lex.in_place:
        return False
    for token in doc[start + 1 : start + 5]:
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        if token.pos_ == "NOUN":
            return not (token.like_num or token.lower_ in lex.time_units or token.lower_ in lex.months)
        if token.like_num:
            return False
    return False
