"""The entity cue vocabulary: loads, and refuses bad data naming the key."""

from __future__ import annotations

import pytest

from claimgraph.errors import DataFileError
from claimgraph.nlp.entity_cues import SECTIONS, load_cues, parse_cues


def test_bundled_cues_load_for_both_languages() -> None:
    for language in ("en", "fr"):
        cues = load_cues(language)
        assert cues.public_body_words and cues.nationalities and cues.countries
    assert "Syrie" in load_cues("fr").countries


def test_unknown_section_and_bad_list_are_refused() -> None:
    good = {section: {"en": ["x"]} for section in SECTIONS}
    with pytest.raises(DataFileError, match="unknown section 'typo'"):
        parse_cues({**good, "typo": {}}, "en")
    with pytest.raises(DataFileError, match="countries.en"):
        parse_cues({**good, "countries": {"en": [True]}}, "en")
