"""The status of counted people, read from the verbs and adjectives that govern the count.

Where it looks, in order (the first cue found wins; a "null" cue such as *fled* or
*expelled* stops the search with no status):

1. a group size: "a cluster with about fifty adults", "a community of 220 people" -> present;
2. the counted noun's own clause: "Frenchmen who have joined", "people living in";
3. the verb that governs the number or its noun, with its complements ("are presumed
   dead", "remain detained", "have been killed", "font défection pour rejoindre"), its
   particle or reflexive ("brought 25 women back", "se sont rendus"), the noun of its
   prepositional phrase ("taken into custody", "remises en liberté") and a coordinated
   verb sharing its subject ("were indicted and placed in detention"). The people may be
   the verb's object ("France repatriated 32 children"); a second conjunct ("25 women
   and 47 children") shares the verb of the first. A holding verb whose subject is a
   camp rather than a prison or an authority ("the camp held 2,590 people") -> present;
4. a place right after the number and no verb: "with 390 in the theater" -> present;
5. French parses are weaker: the first cue word to the right in the same clause.

A clause of suspicion or conviction on the noun ("men suspected of having fought") is a
record, not a status, and is skipped; a linking verb ("restent portés disparus", "remain
missing") gives way to the state named after it. When nothing above gives a status, the
extractor (components/figures.py) falls back on the counted noun itself: "370 morts" ->
dead, "7,000 fighters" -> present, "412 revenants" -> returned (``cohort.noun_status``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.nlp.figures.lexicon import FigureLexicon

_COMPLEMENTS = frozenset({"acomp", "oprd", "xcomp", "attr", "advcl"})
_PARTICLES = frozenset({"prt", "advmod", "compound:prt"})
_REFLEXIVE = frozenset({"se", "s'", "s’"})
_OBLIQUE = frozenset({"obl", "obl:mod", "obl:arg"})
_OBJECTS = frozenset({"dobj", "obj"})
# the words after a verb that make a two-word cue with it: "lose track", "taken prisoner",
# "tombés au combat"
_VERB_COMPLEMENTS = frozenset({"prep", "oprd", "xcomp", *_OBJECTS, *_OBLIQUE})
_PASSIVE = frozenset({"auxpass", "aux:pass", "cop"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", "–", "—", "."})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "qui", "lequel", "laquelle"})
NO_CUE = object()


def cue(token: Token, lex: FigureLexicon) -> object:
    """The status a token signals (a STATUS, or None for a blocking word), or NO_CUE."""
    for word in (token.lower_, token.lemma_.lower()):
        if word in lex.status:
            return lex.status[word]
    return NO_CUE


def _cue_with_particle(token: Token, lex: FigureLexicon) -> object:
    """"come back", "put (it) at", "se rendre", "lose track (of)"; the particle may sit on
    the object ("brought 25 women and 47 children back")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in _PARTICLES or child.dep_ in _VERB_COMPLEMENTS:
            key = f"{lemma} {child.lower_}"
        elif child.lower_ in _REFLEXIVE:
            key = f"se {lemma}"
        else:
            continue
        if key in lex.status:
            return lex.status[key]
    for child in token.children:
        if child.dep_ in _OBJECTS:
            for noun in (child, *child.conjuncts):
                for particle in noun.children:
                    if particle.dep_ in _PARTICLES and f"{lemma} {particle.lower_}" in lex.status:
                        return lex.status[f"{lemma} {particle.lower_}"]
    return cue(token, lex)


def _oblique_cue(verb: Token, lex: FigureLexicon) -> object:
    """"taken into custody", "placed in provisional detention", "remises en liberté"."""
    for child in verb.children:
        nouns = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else (
            [child] if child.dep_ in _OBLIQUE else []
        )
        for noun in nouns:
            if noun.pos_ == "NOUN":
                found = cue(noun, lex)
                if found is not NO_CUE:
                    return found
                # "placées sous mandat d'arrêt": the verb, its noun and the noun's complement
                # ("faire l'objet d'un mandat d'arrêt" is no detention)
                for complement in noun.children:
                    key = f"{verb.lemma_.lower()} {noun.lemma_.lower()} {complement.lemma_.lower()}"
                    if complement.pos_ == "NOUN" and key in lex.status:
                        return lex.status[key]
    return NO_CUE


def _has_own_subject(verb: Token) -> bool:
    """"before it released most of them": a clause with a subject of its own tells what
    happened to someone else, or later; it does not name the state of the counted people."""
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _verb_cue(verb: Token, anchor: Token, lex: FigureLexicon, blocked: set[int]) -> object:
    """The complement's state ("are presumed dead"), else the verb's own, else an oblique
    noun's ("taken into custody"), else an adverbial clause's: "sont arrêtés ..., basé à
    Londres" keeps arrested when the parse hangs a later participle on the verb."""
    complements = [
        child
        for child in verb.children
        if child.dep_ in _COMPLEMENTS
        and child.i not in blocked
        and child.i > anchor.i
        and not (child.dep_ == "advcl" and _has_own_subject(child))
    ]
    for child in complements:
        if child.dep_ != "advcl":
            found = _cue_with_particle(child, lex)
            if found is not NO_CUE:
                return found
    found = _cue_with_particle(verb, lex)
    if found is NO_CUE:
        found = _oblique_cue(verb, lex)
    if found is not NO_CUE:
        return found
    for child in complements:
        if child.dep_ == "advcl":
            found = _cue_with_particle(child, lex)
            if found is not NO_CUE:
                return found
    return NO_CUE


def _handover_verb(verb: Token, lex: FigureLexicon) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in lex.handover_verbs or verb.lower_ in lex.handover_verbs:
        return True
    return any(
        c.dep_ in _PARTICLES and f"{lemma} {c.lower_}" in lex.handover_verbs for c in verb.children
    )


def _nearest_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def handed_to_state(verb: Token, lex: FigureLexicon) -> bool:
    """"handed over 50 detainees to Baghdad", "a remis 12 femmes à des délégations allemande
    et autrichienne", "remis à la France": people handed over to a state (a country or city,
    or a body named by a nationality) are repatriated."""
    if not _handover_verb(verb, lex):
        return False
    doc = verb.doc
    # the parse may hang "over to Iraq" on a clause of the people handed over ("handed 300
    # men accused of belonging to the Islamic State over to Iraq"): there the verb's
    # particle must come right before the recipient ("who had travelled to Syria" is no
    # recipient)
    clauses = {
        t.i for c in verb.children if c.dep_ in _OBJECTS for t in c.subtree if t.pos_ in ("VERB", "AUX")
    }
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 20)]:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        governor = _nearest_verb(token)
        if governor is None:
            continue
        if governor.i != verb.i and not (
            governor.i in clauses
            and token.head.i > 0
            and f"{verb.lemma_.lower()} {doc[token.head.i - 1].lower_}" in lex.handover_verbs
        ):
            continue
        to = token.head.lower_ in lex.recipient_preps and token.dep_ == "pobj" or any(
            c.dep_ == "case" and c.lower_ in lex.recipient_preps for c in token.children
        )
        if not to:
            continue
        if token.ent_type_ in ("GPE", "LOC") or any(
            c.dep_ == "amod" and c.lower_ in lex.nationalities for c in token.children
        ):
            return True
    return False


def _holder_status(
    verb: Token, anchor: Token, lex: FigureLexicon, places: set[int] | frozenset[int]
) -> str | None:
    """"The camp held 2,590 people" -> present; "the prison held ...", "the SDF held ..." ->
    detained; "the property the two leaders hold" -> none: the people hold something."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    if subject is not None and subject.left_edge.i <= anchor.i <= subject.right_edge.i:
        # the people are the subject: held ("sont détenus", parsed as an adjective with its
        # subject) unless the verb is active ("the property the two leaders hold")
        auxiliaries = [c for c in verb.children if c.dep_.startswith(("aux", "cop"))]
        passive = any(c.dep_ in _PASSIVE or c.lemma_.lower() in _BE for c in auxiliaries) or (
            verb.tag_ == "VBN" and not auxiliaries  # "thousands ... held within these sites"
        )
        return "detained" if passive or verb.pos_ == "ADJ" else None
    if subject is None:
        return "detained"  # passive ("are held in camps")
    if subject.lower_ in _RELATIVE_PRONOUNS:
        subject = _antecedent_of_relative(subject) or subject  # "the prison, which was holding ..."
    # the holder may be named in apposition ("its armed wing, the SDF, holds ..."), and
    # the place it holds them in may be a prison ("holds 9,000 men in two dozen prisons")
    holders = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    for noun in holders:
        if noun.lower_ in lex.detention_places or noun.lemma_.lower() in lex.detention_places:
            return "detained"
        if lex.is_person_noun(noun.lower_) or lex.is_person_noun(noun.lemma_.lower()):
            return "detained"  # people holding people: "the pirates are holding 17 seafarers"
        if noun.ent_type_ in ("ORG", "NORP", "PERSON") and noun.i not in places:
            return "detained"
    for child in verb.children:
        if child.dep_ in ("prep", *_OBLIQUE):
            nouns = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            if any(n.lemma_.lower() in lex.detention_places or n.lower_ in lex.detention_places for n in nouns):
                return "detained"
    return "present"


def _antecedent_of_relative(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one right before it ("the prison, which",
    "la prison, qui"), whatever the parse attached the clause to."""
    before = pronoun.i - 1
    while before >= 0 and pronoun.doc[before].is_punct:
        before -= 1
    if before >= 0 and pronoun.doc[before].pos_ in ("NOUN", "PROPN"):
        return pronoun.doc[before]
    return None


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


def is_linking(token: Token, lex: FigureLexicon) -> bool:
    """"remain", "restent": a verb that links the people to a state named after it."""
    return token.lemma_.lower() in lex.linking_verbs or token.lower_ in lex.linking_verbs


def from_noun_clause(head: Token, lex: FigureLexicon, blocked: set[int]) -> object:
    """Cues in the relative/participle clauses of the counted noun; a clause of suspicion
    ("men suspected of having fought") tells the past, not the status. A linking verb of
    the clause gives way to the state after it, as on the main verb ("combattants, ...,
    restent détenus" parsed as a participle of the noun)."""
    linked: object = NO_CUE
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "acl:relcl", "amod") and child.i not in blocked:
            if child.lower_ in lex.record_words or child.lemma_.lower() in lex.record_words:
                continue
            for token in child.subtree:
                if token.i in blocked:
                    break
                found = _cue_with_particle(token, lex)
                if found == "present" and linked is NO_CUE and is_linking(token, lex):
                    linked = found
                    continue
                if found is not NO_CUE:
                    return found
    return linked


def _noun_and_complement_cue(nouns: list[Token], verb: Token, lex: FigureLexicon) -> object:
    """"the fate of 100 detainees is unknown", "le sort de 40 otages reste inconnu": a noun
    between the number and its verb, read with the verb's complement (or the verb itself)."""
    if not nouns:
        return NO_CUE
    predicates = [verb, *(c for c in verb.children if c.dep_ in _COMPLEMENTS)]
    for noun in nouns:
        for predicate in predicates:
            key = f"{noun.lemma_.lower()} {predicate.lemma_.lower()}"
            if key in lex.status:
                return lex.status[key]
    return NO_CUE


def from_governor(
    anchor: Token, lex: FigureLexicon, blocked: set[int], places: frozenset[int] | set[int] = frozenset()
) -> tuple[object, Token | None]:
    """Cues on the way up to the verb governing ``anchor``, then at that verb's complements
    ("remain detained", "are presumed dead") and the verb itself; also returns the verb."""
    token = anchor
    verb = None
    passed: list[Token] = []
    for _ in range(6):
        if token.head.i == token.i:
            break
        coordinated = token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")
        token = token.head
        if token.i in blocked and not coordinated:
            return NO_CUE, None
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            verb = token
            break
        found = cue(token, lex)
        if found == "present" and is_linking(token, lex):
            # "170 demeuraient incarcérés" with the linking verb parsed as an adverb
            after = from_right_context(token.doc, token.i + 1, lex, blocked, limit=4)
            found = after if isinstance(after, str) else found
        if found is not NO_CUE:
            return found, None
        if token.pos_ == "NOUN":
            passed.append(token)
    if verb is None:
        return NO_CUE, None
    verb = main_verb(verb)
    found = _noun_and_complement_cue(passed, verb, lex)
    if found is not NO_CUE:
        return found, verb
    found = _verb_cue(verb, anchor, lex, blocked)
    if (found is NO_CUE or found is None) and handed_to_state(verb, lex):
        # "deported 20 Germans to Germany": sent back to a state; deported alone is no status
        found = "returned"
    if found == "detained" and (verb.lower_ in lex.holding_verbs or verb.lemma_.lower() in lex.holding_verbs):
        found = _holder_status(verb, anchor, lex, places)
    if found == "present" and is_linking(verb, lex):
        # "plusieurs dizaines restent portés disparus": the state after the linking verb wins
        after = from_right_context(verb.doc, verb.i + 1, lex, blocked, limit=4)
        if isinstance(after, str):
            found = after
    if found is NO_CUE or found is None:
        # "were indicted and placed in detention": a coordinated verb with no subject of its
        # own; after a verb that rules out a status, one that names it wins ("sont poursuivis
        # ou condamnés")
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX", "ADJ") and not any(
                c.dep_ in _SUBJECTS for c in child.children
            ):
                also = _verb_cue(child, anchor, lex, blocked)
                if also is not NO_CUE and (found is NO_CUE or isinstance(also, str)):
                    found = also
                    break
    return found, verb


def main_verb(verb: Token) -> Token:
    """The verb an auxiliary or copula serves ("remain detained" parsed with "remain" as
    auxiliary), else ``verb`` itself."""
    if verb.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense", "cop") and verb.head is not verb:
        return verb.head
    return verb


def is_argument_of(anchor: Token, verb: Token | None, lex: FigureLexicon) -> bool:
    """True when ``anchor`` is (inside) the subject or object of ``verb`` itself: "31 of the
    women who came back were sentenced", but not "Of the 1,490 Frenchmen who have joined,
    500 are presumed dead" (a prepositional adjunct) nor the second conjunct of a subject
    ("plusieurs centaines sont arrêtés et 40 de ses cadres tués"). With no verb, the
    predicate is the first word above ``anchor`` that is a status cue ("seraient encore
    détenues" parsed as an adjective)."""
    if verb is None:
        verb = next((t for t in anchor.ancestors if isinstance(cue(t, lex), str)), None)
    if verb is None:
        return False
    token = anchor
    for _ in range(8):
        if token.dep_ == "conj" or token.head.i == token.i:
            return False
        if token.head.i == verb.i or (
            token.head.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense", "cop") and token.head.head.i == verb.i
        ):
            return token.dep_ in _SUBJECTS or token.dep_ in _OBJECTS
        token = token.head
    return False


_HEADCOUNT_SUBJECTS = frozenset({"ils", "elles", "they", "we", "nous"})
_BE = frozenset({"être", "be"})


def headcount(anchor: Token, start: int | None = None) -> bool:
    """"Ils étaient 150", "they were about 200": a number stated of a plural pronoun is a
    count of people who are there (present). ``start`` (the first token of the number with
    its qualifier) lets the words right before it decide when the parse does not:
    "ils seraient entre 150 et 200"."""
    doc = anchor.doc
    if start is not None and start >= 2:
        verb, subject = doc[start - 1], doc[start - 2]
        if verb.lemma_.lower() in _BE and subject.lower_ in _HEADCOUNT_SUBJECTS:
            return True
    for token in (anchor, anchor.head):
        children = list(token.children)
        if any(c.dep_ == "cop" and c.lemma_.lower() in ("être", "be") for c in children) and any(
            (c.dep_.startswith("nsubj") or c.dep_ == "expl:subj") and c.lower_ in _HEADCOUNT_SUBJECTS
            for c in children
        ):
            return True
    return False


def from_left_context(doc: Doc, start: int, lex: FigureLexicon, figure_starts: set[int], limit: int = 3) -> object:
    """A verb cue just before the number ("le camp accueille 43 000 personnes"), for parses
    that miss the verb (French forms tagged as nouns or adjectives)."""
    for token in reversed(doc[max(0, start - limit) : start]):
        if token.text in _CLAUSE_BREAK or token.i in figure_starts or token.pos_ == "CCONJ":
            break
        found = cue(token, lex)
        if found is not NO_CUE:
            return found
    return NO_CUE


def from_right_context(doc: Doc, start: int, lex: FigureLexicon, figure_starts: set[int], limit: int = 8) -> object:
    """The first verb/adjective cue to the right, in the same clause (French fallback). A
    participle of conviction on a noun ("personnes condamnées à des peines") describes who
    is counted, not their state now: it is passed over, as in the noun's own clause. A
    linking verb gives way to the state after it ("restent détenus")."""
    linked: object = NO_CUE
    for token in doc[start : min(len(doc), start + limit)]:
        if token.text in _CLAUSE_BREAK or token.i in figure_starts:
            break
        if token.dep_ in ("amod", "acl") and (
            token.lower_ in lex.record_words or token.lemma_.lower() in lex.record_words
        ):
            continue
        if token.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
            found = cue(token, lex)
            if found == "present" and linked is NO_CUE and is_linking(token, lex):
                linked = found
                continue
            if found is not NO_CUE:
                return found
    return linked


def from_copula_place(verb: Token | None, anchor: Token, lex: FigureLexicon) -> object:
    """"About 300 French nationals are in Idlib", "are believed to be in Syria", "150
    Belges sont toujours en Syrie" (the place is the root, with "sont" as its copula) ->
    present; "are in prison" -> detained.
    ``verb`` is the governor ``from_governor`` stopped at; the people must be its subject."""
    if verb is None:
        return NO_CUE
    if not any(c.dep_ in _SUBJECTS and c.left_edge.i <= anchor.i <= c.right_edge.i for c in verb.children):
        return NO_CUE
    # "are believed to be in Syria": the copula may be the verb's infinitive complement
    be = verb if verb.lemma_.lower() in _BE and verb.pos_ == "AUX" else next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _BE), None
    )
    if be is None and not any(c.dep_ == "cop" and c.lemma_.lower() in _BE for c in verb.children):
        return NO_CUE
    if be is not None:
        places = [
            g
            for c in be.children
            if c.dep_ == "prep" and c.lower_ in lex.in_place
            for g in c.children
            if g.dep_ == "pobj"
        ]
    else:  # the place is the head: "sont en Syrie"
        in_place = any(c.dep_ == "case" and c.lower_ in lex.in_place for c in verb.children)
        places = [verb] if in_place else []
    for place in places:
        if place.pos_ == "NOUN" and (
            place.lemma_.lower() in lex.detention_places or place.lower_ in lex.detention_places
        ):
            return "detained"  # "are in prison"; not "are in the SDF" (a body, not a place)
        if place.ent_type_ in _PLACE_ENTS or place.lemma_.lower() in lex.place_nouns:
            return "present"
    return NO_CUE


def from_strength_verb(verb: Token | None, anchor: Token, lex: FigureLexicon) -> object:
    """"The group has around 3,000 men", "ISGS had 300 men in 2019": a group, a force or a
    named body that has people counts people who are with it -> present. ("dispose de 2 000
    hommes", which the French parse often breaks, is a status word of the lexicon.)"""
    if verb is None or not (verb.lemma_.lower() in lex.strength_verbs or verb.lower_ in lex.strength_verbs):
        return NO_CUE
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.left_edge.i <= anchor.i <= subject.right_edge.i:
        return NO_CUE
    holder = subject.ent_type_ in ("ORG", "NORP") or (
        subject.lemma_.lower() in lex.collective_nouns or subject.lower_ in lex.collective_nouns
    )
    return "present" if holder else NO_CUE


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
