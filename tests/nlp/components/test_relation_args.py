"""relation_args.Arguments on hand-built parses: the rules that do not depend on what a
statistical parser happens to produce."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimgraph.nlp.components import relation_cues
from claimgraph.nlp.components.relation_args import Arg, Arguments

ORG = frozenset({"Organization", "PublicBody"})


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    nlp = spacy.blank("fr")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
               sent_starts=[w == words[0] or words[i - 1] == "." for i, w in enumerate(words)])  # fmt: skip


def _arg(doc: Doc, first: int, last: int, name: str, kind: str = "Organization") -> Arg:
    return Arg(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), first, last, name, kind)


# "Vue de Raqqa , HTC combat l' armée . Elle recule ." with a parse that gives the first
# sentence no subject (as small models do with fronted participles)
WORDS = ["Vue", "de", "Raqqa", ",", "HTC", "combat", "l'", "armée", ".", "Elle", "recule", "."]
HEADS = [5, 2, 0, 5, 5, 5, 7, 5, 5, 10, 10, 10]
DEPS = ["advcl", "case", "nmod", "punct", "obl", "ROOT", "det", "obj", "punct", "nsubj", "ROOT", "punct"]
POS = ["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"]


def _arguments() -> tuple[Doc, Arguments, Arg, Arg]:
    doc = _doc(WORDS, HEADS, DEPS, POS)
    htc, army = _arg(doc, 4, 5, "HTC"), _arg(doc, 7, 8, "armée", "PublicBody")
    args = Arguments(doc, [htc, army], relation_cues.load("fr").lexicon)
    return doc, args, htc, army


def test_a_pronoun_without_a_parsed_subject_before_it_takes_the_nearest_mention() -> None:
    doc, args, _, army = _arguments()
    assert args.pronoun(doc[9], ORG) == [army]


def test_a_pronoun_prefers_the_subject_of_a_relation_stated_before_it() -> None:
    doc, args, htc, _ = _arguments()
    args.stated_subjects.append(htc)  # "HTC combat l'armée" was read as a relation
    assert args.pronoun(doc[9], ORG) == [htc]


def test_an_anaphor_noun_stands_for_the_entity_the_text_called_by_it() -> None:
    # "JNIM is a coalition . ISSP was formed . The coalition fights ."
    words = ["JNIM", "is", "a", "coalition", ".", "ISSP", "was", "formed", ".", "The", "coalition", "fights", "."]
    heads = [1, 1, 3, 1, 1, 7, 7, 7, 7, 10, 11, 11, 11]
    deps = ["nsubj", "ROOT", "det", "attr", "punct", "nsubjpass", "auxpass", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "AUX", "DET", "NOUN", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    nlp = spacy.blank("en")
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=starts)
    jnim, issp = _arg(doc, 0, 1, "JNIM"), _arg(doc, 5, 6, "ISSP")
    args = Arguments(doc, [jnim, issp], relation_cues.load("en").lexicon)
    # ISSP is the nearest subject, but the text called JNIM the coalition
    assert [a.name for a in args.anaphor(doc[10], ORG)] == ["JNIM"]
