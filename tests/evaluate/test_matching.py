from claimgraph.evaluate.matching import (
    match_aliases,
    match_dates,
    match_entities,
    match_figures,
    match_relations,
    quotes_overlap,
)

GOLD_ENTITIES = [
    {"name": "Hay'at Tahrir al-Sham", "type": "Organization", "mentions": ["HTS", "Tahrir al-Sham"]},
    {"name": "Idlib", "type": "Location", "mentions": ["Idlib"]},
    {"name": "Omar Diaby", "type": "Person", "mentions": ["Omar Diaby", "Diaby"]},
]


def test_entities_match_through_any_mention_and_each_gold_once() -> None:
    predicted = [
        {"name": "HTS", "type": "Organization", "mentions": ["HTS"]},
        {"name": "Tahrir al-Sham", "type": "Organization", "mentions": ["Tahrir al-Sham"]},
        {"name": "Idlib", "type": "Country", "mentions": ["Idlib"]},
        {"name": "Nice", "type": "Location", "mentions": ["Nice"]},
    ]
    entities, types, _ = match_entities(predicted, GOLD_ENTITIES)
    assert (entities.tp, entities.fp, entities.fn) == (2, 2, 1)
    assert types.tp == 1 and types.fp == 1  # Idlib typed Country is a type error


def test_alias_found_only_when_surface_is_in_the_matched_entity() -> None:
    gold_aliases = [["HTS", "Hay'at Tahrir al-Sham"]]
    together = [{"name": "Hay'at Tahrir al-Sham", "type": "Organization", "mentions": ["Hay’at Tahrir al-Sham", "HTS"]}]
    _, _, match = match_entities(together, GOLD_ENTITIES)
    assert match_aliases([["HTS", "Hay'at Tahrir al-Sham"]], gold_aliases, match).tp == 1
    apart = [
        {"name": "Hay'at Tahrir al-Sham", "type": "Organization", "mentions": ["Hay’at Tahrir al-Sham"]},
        {"name": "Tahrir", "type": "Organization", "mentions": ["Tahrir al-Sham"]},
        {"name": "HTS", "type": "Organization", "mentions": ["HTS"]},
    ]
    _, _, match = match_entities(apart, GOLD_ENTITIES)
    result = match_aliases([], gold_aliases, match)
    assert result.fn == 1 and result.tp == 0


def test_figures_need_equal_value_and_overlapping_quote() -> None:
    text = "About 170 French live there. 390 returned. Another 390 were jailed."
    gold = [
        {"value": 170, "approx": True, "counts_keywords": ["french"], "status": "present",
         "quote": "About 170 French live there.", "value_text": "About 170"},
        {"value": 390, "approx": False, "counts_keywords": ["returned"], "status": "returned",
         "quote": "390 returned.", "value_text": "390"},
    ]
    predicted = [
        {"value": 172, "approx": True, "counts": "French people", "status": "present",
         "quote": "About 170 French live there.", "value_text": "about 170"},
        {"value": 390, "approx": False, "counts": "people", "status": "detained",
         "quote": "Another 390 were jailed.", "value_text": "390"},
    ]
    results = match_figures(predicted, gold, text)
    assert (results["figures"].tp, results["figures"].fp, results["figures"].fn) == (1, 1, 1)
    assert results["figures_strict"].tp == 1


def test_quote_overlap_by_shared_characters() -> None:
    text = "One two three four. Five six."
    assert quotes_overlap("One two three four.", "two three", text)
    assert quotes_overlap("four. Five six.", "One two three four.", text) is False
    assert quotes_overlap("two three four. Five", "One two three four.", text)


def test_relations_match_through_mentions() -> None:
    predicted_entities = [{"name": "HTS", "type": "Organization", "mentions": ["HTS", "Tahrir al-Sham"]},
                          {"name": "Idlib", "type": "Location", "mentions": ["Idlib"]}]
    _, _, match = match_entities(predicted_entities, GOLD_ENTITIES)
    gold = [{"subject": "Hay'at Tahrir al-Sham", "predicate": "controls", "object": "Idlib"}]
    assert match_relations([{"subject": "HTS", "predicate": "controls", "object": "Idlib"}], gold, match).tp == 1
    assert match_relations([{"subject": "HTS", "predicate": "leads", "object": "Idlib"}], gold, match).tp == 0


def test_dates_need_equal_iso_and_overlapping_text() -> None:
    text = "It was founded in 2017 and dissolved in 2025."
    gold = [{"text": "in 2017", "iso": "2017"}]
    assert match_dates([{"text": "2017", "iso": "2017"}], gold, text).tp == 1
    assert match_dates([{"text": "2017", "iso": "2017-01"}], gold, text).tp == 0
    assert match_dates([{"text": "2025", "iso": "2017", "start": 40, "end": 44}], gold, text).tp == 0
