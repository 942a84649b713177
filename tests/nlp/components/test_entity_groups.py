"""claimgraph_entity_groups: grouping mentions into entities (mentions built by hand)."""

from __future__ import annotations

from claimgraph.nlp.attributes import Mention
from claimgraph.nlp.components.entity_groups import group_mentions


def _mentions(*items: tuple[str, str, str, str]) -> list[Mention]:
    """(text, label, canonical, source) in document order, offsets made up in order."""
    out, position = [], 0
    for text, label, canonical, source in items:
        out.append(
            Mention(
                start=position,
                end=position + len(text),
                text=text,
                label=label,
                canonical=canonical,
                qid=None,
                source=source,
            )
        )
        position += len(text) + 10
    return out


def _groups(mentions: list[Mention]) -> list[tuple[str, str, list[str]]]:
    return [(g["name"], g["type"], g["surfaces"]) for g in group_mentions(mentions)]


def test_same_canonical_and_surname_join() -> None:
    groups = _groups(
        _mentions(
            ("Karim Bennani", "Person", "Karim Bennani", "ner"),
            ("ISIS", "Organization", "Islamic State", "gazetteer"),
            ("Bennani", "Person", "Bennani", "ner"),
            ("Daesh", "Organization", "Islamic State", "gazetteer"),
        )
    )
    assert groups == [
        ("Karim Bennani", "Person", ["Karim Bennani", "Bennani"]),
        ("Islamic State", "Organization", ["ISIS", "Daesh"]),
    ]


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    groups = _groups(
        _mentions(
            ("Ali Haddad", "Person", "Ali Haddad", "ner"),
            ("Omar Haddad", "Person", "Omar Haddad", "ner"),
            ("Haddad", "Person", "Haddad", "ner"),
        )
    )
    assert len(groups) == 3


def test_type_vote_prefers_gazetteer_and_name_is_longest_form() -> None:
    groups = _groups(
        _mentions(
            ("Abu Yahya al-Tunisi", "Person", "Abu Yahya al-Tunisi", "ner"),
            ("al-Tunisi", "Person", "al-Tunisi", "ner"),
            ("Tell Abyad camp", "Location", "Tell Abyad camp", "pattern"),
            ("Tell Abyad", "Person", "Tell Abyad", "ner"),
        )
    )
    assert groups[0] == ("Abu Yahya al-Tunisi", "Person", ["Abu Yahya al-Tunisi", "al-Tunisi"])
    assert groups[1] == ("Tell Abyad camp", "Location", ["Tell Abyad camp", "Tell Abyad"])


def test_near_spellings_join_but_different_names_do_not() -> None:
    groups = _groups(
        _mentions(
            ("Jaysh al-Izza", "Organization", "Jaysh al-Izza", "ner"),
            ("Jaysh al-Izzah", "Organization", "Jaysh al-Izzah", "ner"),
            ("Jaysh al-Nasr", "Organization", "Jaysh al-Nasr", "ner"),
        )
    )
    assert [g[2] for g in groups] == [["Jaysh al-Izza", "Jaysh al-Izzah"], ["Jaysh al-Nasr"]]


def test_a_surname_the_recogniser_called_a_place_joins_the_person() -> None:
    groups = _groups(
        _mentions(
            ("Seka Musa Baluku", "Person", "Seka Musa Baluku", "ner"),
            ("Baluku", "Location", "Baluku", "ner"),
            ("Paris", "Location", "Paris", "gazetteer"),
            ("Jean Paris", "Person", "Jean Paris", "ner"),
        )
    )
    assert ("Seka Musa Baluku", "Person", ["Seka Musa Baluku", "Baluku"]) in groups
    # a place the gazetteer knows is not taken for a surname
    assert ("Paris", "Location", ["Paris"]) in groups


def test_a_public_body_head_word_joins_the_body() -> None:
    groups = _groups(
        _mentions(
            ("Department of State", "PublicBody", "U.S. Department of State", "gazetteer"),
            ("Department", "PublicBody", "Department", "ner"),
        )
    )
    assert groups == [
        ("U.S. Department of State", "PublicBody", ["Department of State", "Department"])
    ]


def test_a_name_inside_a_longer_name_is_not_its_spelling() -> None:
    # the fuzzy ratio of the two keys is above the threshold; the country is still not the branch
    groups = _groups(
        _mentions(
            ("Democratic Republic of the Congo", "Country", "Democratic Republic of the Congo", "ner"),
            (
                "ISIS-Democratic Republic of the Congo",
                "Organization",
                "ISIS-Democratic Republic of the Congo",
                "pattern",
            ),
        )
    )
    assert [name for name, _, _ in groups] == [
        "Democratic Republic of the Congo",
        "ISIS-Democratic Republic of the Congo",
    ]


def test_near_spellings_still_join() -> None:
    groups = _groups(
        _mentions(
            ("Jabhat al-Nusrah", "Organization", "Jabhat al-Nusrah", "ner"),
            ("Jabhat al-Nusra", "Organization", "Jabhat al-Nusra", "ner"),
        )
    )
    assert len(groups) == 1
