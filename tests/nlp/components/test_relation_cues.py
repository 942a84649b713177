import pytest

from claimgraph import vocabulary
from claimgraph.errors import ConfigError
from claimgraph.nlp.components import relation_cues


@pytest.mark.parametrize("language", ["en", "fr"])
def test_cues_load_and_use_only_vocabulary_predicates(language):
    cues = relation_cues.load(language)
    used = {p for cue in cues.cues for p in cue.predicates} | {r.predicate for r in cues.roles}
    assert used <= vocabulary.predicates()
    assert set(cues.signatures) == set(vocabulary.predicates())
    assert cues.infobox and cues.lexicon.coordination


def test_signatures_type_check():
    cues = relation_cues.load("en")
    assert cues.fits("leads", "Person", "Organization")
    assert not cues.fits("leads", "Location", "Organization")
    assert cues.fits("located_in", "Location", "Country")


def test_unknown_language_is_a_config_error():
    with pytest.raises(ConfigError):
        relation_cues.load("de")


def test_bad_predicate_names_the_key():
    from claimgraph.errors import DataFileError

    with pytest.raises(DataFileError, match="cues.xx"):
        relation_cues._cue({"phrase": "x", "predicate": "runs_away", "subject": "left", "object": "right"}, "cues.xx[0]")
    with pytest.raises(DataFileError, match="slot"):
        relation_cues._cue({"phrase": "x", "predicate": "leads", "subject": "slot", "object": "right"}, "cues.xx[1]")


def test_a_renaming_keeps_places_and_bodies_apart():
    cues = relation_cues.load("en")
    assert cues.fits("renamed_to", "Organization", "Organization")
    assert cues.fits("renamed_to", "Location", "Location")
    # "Mosul became ISIS's capital", "AMISOM became ... Somalia": no renaming
    assert not cues.fits("renamed_to", "Location", "Organization")
    assert not cues.fits("renamed_to", "Organization", "Country")
