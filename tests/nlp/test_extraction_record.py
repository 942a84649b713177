"""doc_to_record: the EXTRACTION_FORMAT.md record of a processed Doc."""

import pytest

from claimgraph.nlp.extraction import doc_to_record
from claimgraph.nlp.pipelines import load

pytestmark = pytest.mark.models


def test_a_relation_stated_twice_is_one_record_with_both_sentences():
    text = (
        "Hay'at Tahrir al-Sham controls Idlib. Many fled in 2019. "
        "Since 2019, Hay'at Tahrir al-Sham has controlled Idlib."
    )
    doc = load("en")(text)
    claims = [r for r in doc._.relations if r["predicate"] == "controls"]
    assert len(claims) == 2  # the Doc keeps one claim per sentence (the store's provenance)
    record = doc_to_record(doc, "d")
    controls = [r for r in record["relations"] if r["predicate"] == "controls"]
    assert len(controls) == 1
    assert controls[0]["quote"] == "Hay'at Tahrir al-Sham controls Idlib."
    assert controls[0]["also_stated_in"] == ["Since 2019, Hay'at Tahrir al-Sham has controlled Idlib."]
