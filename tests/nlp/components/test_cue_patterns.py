import pytest
import spacy
import spacy.matcher
from spacy.tokens import Doc

from claimgraph.errors import DataFileError
from claimgraph.nlp.components.cue_patterns import (
    AnchoredMatcher,
    compile_phrase,
    expand_first,
    split_hyphenated,
)


def test_compile_phrase_alternatives_pos_and_operators():
    pattern = compile_phrase("founded|created by <DET>? _{1,3}", file="f", where="w")
    assert pattern[0] == {"LOWER": {"IN": ["founded", "created"]}}
    assert pattern[1] == {"LOWER": "by"}
    assert pattern[2] == {"POS": {"IN": ["DET"]}, "OP": "?"}
    assert pattern[3] == {"OP": "{1,3}"}


@pytest.mark.parametrize("phrase", ["", "   ", "x?", "<det>", "a||"])
def test_compile_phrase_rejects_bad_phrases(phrase):
    with pytest.raises(DataFileError):
        compile_phrase(phrase, file="f", where="w")


def test_expand_first_splits_alternatives_and_optional_start():
    pattern = compile_phrase("s'? est|sont séparé", file="f", where="w")
    expanded = expand_first(pattern)
    firsts = sorted(str(p[0]["LOWER"]) for p in expanded)
    assert firsts == ["est", "s'", "sont"]


def test_anchored_matcher_finds_the_same_matches_as_a_plain_matcher():
    nlp = spacy.blank("en")
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("A", compile_phrase("is|was a|an _{0,3} camp in", file="f", where="w"))
    matcher.add("B", compile_phrase("broke away from", file="f", where="w"))
    doc = nlp("Camp Zed is a big old camp in the north. Group X broke away from Group Y.")
    found = {(key, doc[s:e].text) for key, s, e in matcher(doc)}
    assert ("A", "is a big old camp in") in found
    assert ("B", "broke away from") in found
    assert all(isinstance(doc, Doc) for _ in [0])


def test_anchored_matcher_keeps_a_match_that_starts_before_an_earlier_anchor_window():
    # "war" anchors a pattern that looks only forward; "with" anchors one that reaches two
    # tokens back, to "at". The second window starts before the first: both must be run.
    nlp = spacy.blank("en")
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("AT_WAR", compile_phrase("at|in war|conflict with|against", file="f", where="w"))
    matcher.add("WAR_BY", compile_phrase("war|offensive _{0,6} by", file="f", where="w"))
    doc = nlp("The coalition is at war with the army.")
    plain = spacy.matcher.Matcher(nlp.vocab)
    plain.add("AT_WAR", [compile_phrase("at|in war|conflict with|against", file="f", where="w")])
    assert [doc[s:e].text for _, s, e in plain(doc)] == ["at war with"]
    assert [(key, doc[s:e].text) for key, s, e in matcher(doc)] == [("AT_WAR", "at war with")]


def test_matches_on_the_same_span_come_in_a_fixed_order():
    # Two cues matching the same words: their order must not depend on set iteration
    # (string hashing differs between processes, and the first cue that fits wins).
    nlp = spacy.blank("en")
    matcher = AnchoredMatcher(nlp.vocab)
    for key in ("split_from", "allied_with", "fights", "controls", "leads"):
        matcher.add(key, compile_phrase("broke away from", file="f", where="w"))
    doc = nlp("Group X broke away from Group Y.")
    keys = [key for key, _, _ in matcher(doc)]
    assert keys == sorted(keys) and len(keys) == 5


def test_split_hyphenated_spells_words_as_the_tokenizer_splits_them():
    nlp = spacy.blank("en")  # splits "commander-in-chief" into five tokens

    def pieces(word):
        return [t.lower_ for t in nlp.tokenizer(word)]

    pattern = compile_phrase("the commander-in-chief|leader of", file="f", where="w")
    variants = split_hyphenated(pattern, pieces)
    assert variants == [
        [{"LOWER": "the"}, {"LOWER": "commander"}, {"LOWER": "-"}, {"LOWER": "in"},
         {"LOWER": "-"}, {"LOWER": "chief"}, {"LOWER": "of"}],
    ]  # fmt: skip
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("R", pattern)
    for variant in variants:
        matcher.add("R", variant)
    doc = nlp("He was the commander-in-chief of the force.")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["the commander-in-chief of"]
    assert split_hyphenated(compile_phrase("leader of", file="f", where="w"), pieces) == []
