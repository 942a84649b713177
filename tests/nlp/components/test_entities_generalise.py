"""Entity components on sentences written for each failure category seen on unseen
documents (not taken from the corpus): NER noise, truncated spans, missed bodies and
organisations, collective actors, machine-translated outlet names, stated aliases."""

from __future__ import annotations

import pytest

from claimgraph.evaluate.normalise import normalise_name
from claimgraph.nlp import pipelines


def _entities(language: str, text: str) -> dict[str, tuple[str, str]]:
    doc = pipelines.load(language)(text)
    return {
        normalise_name(surface): (entity["name"], entity["type"])
        for entity in doc._.entities
        for surface in entity["surfaces"]
    }


def _aliases(language: str, text: str) -> set[str]:
    return {alias["surface"] for alias in pipelines.load(language)(text)._.aliases}


# 1. false positives of the small models' NER
@pytest.mark.parametrize(
    ("language", "text", "not_entities"),
    [
        (
            "fr",
            "Réponse du ministère. Aide humanitaire et Gouvernement ont réagi.",
            ["Réponse", "Aide"],
        ),
        ("fr", "Classée sans suite, l'affaire a été rouverte.", ["Classée"]),
        (
            "fr",
            "Un Niçois et une Toulousaine sont partis. Des Peul et des Tuareg ont fui.",
            ["Niçois", "Toulousaine", "Peul", "Tuareg"],
        ),
        ("fr", "Combien de Français sont encore en Syrie ?", ["Combien de Français", "Français"]),
        (
            "en",
            "The Member States agreed. North-east Syria remains unstable.",
            ["Member States", "North-east"],
        ),
        ("en", "Tuareg fighters and Salafi preachers joined the group.", ["Tuareg", "Salafi"]),
    ],
)
def test_common_words_demonyms_and_questions_are_not_entities(language, text, not_entities) -> None:
    found = _entities(language, text)
    for word in not_entities:
        assert normalise_name(word) not in found, word


@pytest.mark.parametrize(
    ("language", "text", "entity"),
    [
        ("fr", "PARIS — Le parquet a ouvert une enquête.", "PARIS"),
        ("en", "PARIS — The prosecutor opened an inquiry.", "PARIS"),
        ("fr", "Combien de Français sont encore en Syrie ?", "Syrie"),
    ],
)
def test_the_filters_keep_real_places(language, text, entity) -> None:
    assert normalise_name(entity) in _entities(language, text)


# 2. truncated spans
@pytest.mark.parametrize(
    ("language", "text", "surface"),
    [
        ("fr", "Ibrahim Malam Dicko a fondé le groupe.", "Ibrahim Malam Dicko"),
        ("en", "Fighting spread to the al-Malikiyah district.", "al-Malikiyah district"),
        ("en", "The women landed at Villacoublay air base.", "Villacoublay air base"),
        ("en", "They were moved to Ménaka Region.", "Ménaka Region"),
        ("fr", "Les combats ont gagné la région de Harem.", "région de Harem"),
        ("fr", "Elle est détenue dans la prison de Ghouayran.", "prison de Ghouayran"),
        # natural and built features, and the connectors "de la" / "de l'"
        ("fr", "Les combats ont repris dans la vallée de la Wardoun.", "vallée de la Wardoun"),
        ("fr", "La milice tient le barrage de Koldaren.", "barrage de Koldaren"),
        ("fr", "Ils se cachent dans les montagnes de Tessebit.", "montagnes de Tessebit"),
        ("fr", "Les renforts sont arrivés dans la région de l'Ormalie.", "région de l'Ormalie"),
        ("en", "The cell hid in the Tessebit Mountains.", "Tessebit Mountains"),
        ("en", "Convoys were stopped at the Wardoun crossing.", "Wardoun crossing"),
        # an inner possessive before "Office" does not split the body's name
        ("en", "In Brussels, the Federal Prosecutor's Office has opened a file.", "Federal Prosecutor's Office"),
    ],
)
def test_names_keep_their_generic_noun_and_full_person_name(language, text, surface) -> None:
    assert normalise_name(surface) in _entities(language, text)


def test_a_place_after_the_elided_de_starts_at_its_name() -> None:
    # "d'Ormalie" is "of Ormalie": the mention is the name, without the elided preposition
    surfaces = _entities("fr", "Ils ont fui vers l'archipel d'Ormalie.")
    assert normalise_name("Ormalie") in surfaces
    assert normalise_name("d'Ormalie") not in surfaces


# 3. state bodies named by nationality, organisations the models miss, regions
@pytest.mark.parametrize(
    ("language", "text", "surface", "type_"),
    [
        ("en", "French special forces struck the convoy.", "French special forces", "PublicBody"),
        ("en", "The Iraqi security forces retook the town.", "Iraqi security forces", "PublicBody"),
        ("fr", "L'armée burkinabè a reculé.", "armée burkinabè", "PublicBody"),
        (
            "fr",
            "Les forces spéciales françaises ont frappé.",
            "forces spéciales françaises",
            "PublicBody",
        ),
        (
            "fr",
            "L'Alliance des États du Sahel (AES) a quitté la CEDEAO.",
            "Alliance des États du Sahel",
            "Organization",
        ),
        ("fr", "L'Alliance des États du Sahel (AES) a quitté la CEDEAO.", "CEDEAO", "Organization"),
        ("en", "The juntas left ECOWAS, according to Acled.", "ECOWAS", "Organization"),
        ("fr", "Selon Acled, les attaques ont doublé.", "Acled", "Organization"),
        (
            "fr",
            "L'enfant a été confié à l'Aide sociale à l'enfance.",
            "Aide sociale à l'enfance",
            "PublicBody",
        ),
        (
            "en",
            "The Rojava Information Center counted the detainees.",
            "Rojava Information Center",
            "Organization",
        ),
        ("fr", "Ils sont actifs en Europe de l'Ouest.", "Europe de l'Ouest", "Location"),
        ("en", "They fled the three borders area.", "three borders area", "Location"),
    ],
)
def test_missed_bodies_organisations_and_regions(language, text, surface, type_) -> None:
    found = _entities(language, text)
    assert normalise_name(surface) in found
    assert found[normalise_name(surface)][1] == type_


# institutions named with their complements, countries tagged as organisations
@pytest.mark.parametrize(
    ("language", "text", "surface", "type_"),
    [
        ("fr", "Le gouvernement fédéral a refusé.", "gouvernement fédéral", "PublicBody"),
        ("fr", "La garde nationale a tiré.", "garde nationale", "PublicBody"),
        (
            "fr",
            "La cour régionale supérieure de Munich a condamné une femme.",
            "cour régionale supérieure de Munich",
            "PublicBody",
        ),
        (
            "fr",
            "Le département d'État des États-Unis a désigné le groupe.",
            "département d'État des États-Unis",
            "PublicBody",
        ),
        (
            "fr",
            (
                "La Commission de l'Intérieur, de la Sécurité et des Matières administratives "
                "s'est réunie."
            ),
            "Commission de l'Intérieur, de la Sécurité et des Matières administratives",
            "PublicBody",
        ),
        (
            "fr",
            "Le Conseil s'est réuni dans la Région de Bruxelles-Capitale.",
            "Région de Bruxelles-Capitale",
            "Location",
        ),
        (
            "en",
            "The group is active in Mozambique and the Democratic Republic of the Congo.",
            "Democratic Republic of the Congo",
            "Country",
        ),
        ("en", "It is active in Kenya and Ethiopia.", "Kenya", "Country"),
    ],
)
def test_institution_complements_and_countries(language, text, surface, type_) -> None:
    found = _entities(language, text)
    assert normalise_name(surface) in found
    assert found[normalise_name(surface)][1] == type_


# 4. collective actors
@pytest.mark.parametrize(
    ("language", "text", "group", "place"),
    [
        ("en", "The Frenchwomen of Roj refused to talk.", "Frenchwomen of Roj", "Roj"),
        ("en", "The Belgian women of al-Hol wrote a letter.", "Belgian women of al-Hol", "al-Hol"),
        ("fr", "Les Français d'Idlib ont répondu.", "Français d'Idlib", "Idlib"),
        (
            "fr",
            "Les djihadistes français de Syrie se sont tus.",
            "djihadistes français de Syrie",
            "Syrie",
        ),
    ],
)
def test_nationality_of_a_place_is_a_group(language, text, group, place) -> None:
    found = _entities(language, text)
    assert found[normalise_name(group)][1] == "Group"
    assert normalise_name(place) in found  # the place stays an entity


def test_no_group_without_a_nationality_or_a_place() -> None:
    found = _entities("en", "The women of the village and the French of the old school met.")
    assert not any(kind == "Group" for _, kind in found.values())


# 5. outlet names turned into common nouns
@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("According to the cross, the women were repatriated.", "La Croix"),
        ("The parisian reports that two men left.", "Le Parisien"),
        ("In an interview with the point, the judge said so.", "Le Point"),
        ("The express reveals that he left in 2014.", "L'Express"),
    ],
)
def test_outlets_used_as_sources_are_repaired(text, canonical) -> None:
    names = {name for name, _ in _entities("en", text).values()}
    assert canonical in names


@pytest.mark.parametrize(
    "text",
    [
        "According to the point of view of the judge, he left.",
        "The point is that they left.",
        "He said the cross was heavy.",
        "The express train reveals nothing.",
    ],
)
def test_common_nouns_stay_common(text) -> None:
    doc = pipelines.load("en")(text)
    assert not [m for m in doc._.mentions if m["source"] == "repair"]


# aliases introduced after a name
@pytest.mark.parametrize(
    ("language", "text", "aliases"),
    [
        ("en", "The Coalition of Sahel Patriots (CSP) was formed.", {"CSP"}),
        ("fr", "La coalition Front uni du Liptako (FUL) a attaqué.", {"FUL"}),
        ("fr", "L'Union des patriotes du Sahel (UPS) est née.", {"UPS"}),
        (
            "en",
            "Jama'at Nusrat al-Islam wal-Muslimin, abbreviated JNIM, also known as GSIM, attacked.",
            {"JNIM", "GSIM"},
        ),
    ],
)
def test_stated_acronyms_are_aliases(language, text, aliases) -> None:
    assert aliases <= _aliases(language, text)


@pytest.mark.parametrize(
    ("language", "text", "not_entities", "entities"),
    [
        ("fr", "Le gouvernement actuel a refusé.", ["gouvernement actuel"], []),
        (
            "fr",
            "Le parquet fédéral de Karlsruhe enquête.",
            ["parquet fédéral de Karlsruhe"],
            ["Karlsruhe"],
        ),
        (
            "en",
            "It is allied with the Quds Force of Iran's Islamic Revolutionary Guard Corps.",
            ["Quds Force of Iran"],
            ["Iran"],
        ),
        ("fr", "Rapport\nI. Exposé introductif\nLe ministre a parlé.", ["I. Exposé", "Exposé"], []),
    ],
)
def test_complements_and_headings_that_are_not_names(
    language, text, not_entities, entities
) -> None:
    found = _entities(language, text)
    for surface in not_entities:
        assert normalise_name(surface) not in found
    for surface in entities:
        assert normalise_name(surface) in found
