"""claimgraph_aliases: acronyms, stated names and gazetteer aliases (Docs by hand)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import DataFileError
from claimgraph.nlp.attributes import Mention
from claimgraph.nlp.components.aliases import AliasFinder, cue_patterns, initials_match
from claimgraph.nlp.gazetteer_data import GazetteerEntry


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("DGSI", "Direction générale de la Sécurité intérieure"),
        ("HTC", "Hayat Tahrir al-Cham"),
        ("JFS", "Jabhat Fateh al-Sham"),
        ("NaCTA", "National Counter Terrorism Authority"),
        ("OFAC", "Office of Foreign Assets Control"),
        ("PNAT", "Parquet national antiterroriste"),
    ],
)
def test_initials_match(acronym: str, name: str) -> None:
    assert initials_match(acronym, name)


@pytest.mark.parametrize(
    ("acronym", "name"), [("UN", "Islamic State"), ("DGSE", "Syria"), ("SI", "Sécurité")]
)
def test_initials_do_not_match(acronym: str, name: str) -> None:
    assert not initials_match(acronym, name)


def _mention(
    text: str, surface: str, label: str, canonical: str | None = None, source: str = "ner"
) -> Mention:
    start = text.index(surface)
    return Mention(
        start=start,
        end=start + len(surface),
        text=surface,
        label=label,
        canonical=canonical or surface,
        qid=None,
        source=source,
    )


def _run(language: str, text: str, mentions: list[Mention], entries=()) -> tuple[list, list]:
    nlp: Language = spacy.blank(language)
    doc = nlp.make_doc(text)
    doc._.mentions = mentions
    doc = AliasFinder(nlp, language, entries)(doc)
    for m in doc._.mentions:
        assert doc.text[m["start"] : m["end"]] == m["text"]
    return [(a["surface"], a["canonical"], a["how"]) for a in doc._.aliases], doc._.mentions


def test_acronym_after_a_known_long_form() -> None:
    text = "The Office of Foreign Assets Control (OFAC) acted."
    aliases, mentions = _run(
        "en", text, [_mention(text, "Office of Foreign Assets Control", "PublicBody")]
    )
    assert aliases == [("OFAC", "Office of Foreign Assets Control", "acronym")]
    assert any(m["text"] == "OFAC" and m["label"] == "PublicBody" for m in mentions)


def test_acronym_creates_the_long_form_no_one_found() -> None:
    text = "Selon la direction générale de la Gendarmerie nationale (DGGN), rien."
    aliases, mentions = _run("fr", text, [])
    assert aliases == [("DGGN", "direction générale de la Gendarmerie nationale", "acronym")]
    assert {m["label"] for m in mentions} == {"PublicBody"}


def test_a_designation_is_not_an_entity() -> None:
    text = "He was listed as a Specially Designated Global Terrorist (SDGT) in May."
    assert _run("en", text, []) == ([], [])


def test_stated_names_with_continuations() -> None:
    text = "Tell Rifaat, also spelled Tal Rifat or simply Rifaat, is a town."
    aliases, _ = _run("en", text, [_mention(text, "Tell Rifaat", "Location")])
    assert [a[0] for a in aliases] == ["Tal Rifat", "Rifaat"]
    assert {a[1] for a in aliases} == {"Tell Rifaat"}


def test_french_stated_name_after_a_parenthesis() -> None:
    text = "Le Front Nosra (en anglais, Nusra Front) est connu sous le nom de Jabhat al-Nosra."
    aliases, _ = _run("fr", text, [_mention(text, "Front Nosra", "Organization")])
    assert [a[0] for a in aliases] == ["Nusra Front", "Jabhat al-Nosra"]


def test_gazetteer_aliases_only_when_genuinely_different() -> None:
    entry = GazetteerEntry(
        id="x",
        name="Islamic State",
        names={},
        type="Organization",
        qid=None,
        description="d",
        aliases=("ISIS", "Islamic State group"),
        variants=(),
        ambiguous=frozenset(),
        kind="armed_groups",
    )
    text = "The Islamic State group and ISIS."
    mentions = [
        _mention(text, "Islamic State group", "Organization", "Islamic State", "gazetteer"),
        _mention(text, "ISIS", "Organization", "Islamic State", "gazetteer"),
    ]
    aliases, _ = _run("en", text, mentions, [entry])
    assert aliases == [("ISIS", "Islamic State", "gazetteer")]  # a truncation is not an alias


def test_a_name_stated_right_after_its_owner_outranks_the_gazetteer() -> None:
    # "al-Shabaab" is the Somali group's in the gazetteer, but this text says it is what
    # the Mozambican insurgents are called locally.
    text = "Ansar al-Sunna, known locally as al-Shabaab, fights in Cabo Delgado."
    mentions = [
        _mention(text, "Ansar al-Sunna", "Organization", "Ansar al-Sunna", "gazetteer"),
        _mention(text, "al-Shabaab", "Organization", "al-Shabaab", "gazetteer"),
    ]
    aliases, found = _run("en", text, mentions)
    assert aliases == [("al-Shabaab", "Ansar al-Sunna", "also_known_as")]
    assert next(m for m in found if m["text"] == "al-Shabaab")["canonical"] == "Ansar al-Sunna"


@pytest.mark.parametrize(
    "text",
    [
        "Nusra leader Abu Muhammed al-Jawlani said his group would be known as Jabhat Fath al Sham.",
        "HTS, formerly known as Jabhat Fath al Sham, grew.",
    ],
)
def test_a_distant_or_former_name_does_not_override_the_gazetteer(text: str) -> None:
    mentions = [
        _mention(text, "Jabhat Fath al Sham", "Organization", "al-Nusra Front", "gazetteer"),
        *[_mention(text, s, "Organization", "Hayat Tahrir al-Sham", "gazetteer") for s in ["HTS"] if s in text],
        *[_mention(text, s, "Person") for s in ["Abu Muhammed al-Jawlani"] if s in text],
    ]
    aliases, found = _run("en", text, mentions)
    assert aliases == []
    assert next(m for m in found if m["text"] == "Jabhat Fath al Sham")["canonical"] == "al-Nusra Front"


def test_bare_also_and_dit_need_their_bracket_or_comma() -> None:
    text = "Turkey, and also Russia, backed Idlib. Le chef a dit Bonjour à Paris."
    mentions = [_mention(text, "Turkey", "Country"), _mention(text, "Idlib", "Location")]
    assert _run("en", text, mentions)[0] == []
    french = "Le Hamas a dit Bonjour à Paris."
    assert _run("fr", french, [_mention(french, "Hamas", "Organization")])[0] == []
    text = "Raqqa (also Rakka) fell; Adnan al-Sahraoui, dit Abou Walid, est mort."
    aliases, _ = _run("en", text, [_mention(text, "Raqqa", "Location")])
    assert aliases == [("Rakka", "Raqqa", "also_known_as")]
    aliases, _ = _run("fr", text, [_mention(text, "Adnan al-Sahraoui", "Person")])
    assert aliases == [("Abou Walid", "Adnan al-Sahraoui", "also_known_as")]


def test_bad_cue_data_is_refused() -> None:
    with pytest.raises(DataFileError, match="en.after_comma"):
        cue_patterns({"en": {"anywhere": ["aka"], "after_bracket": [], "after_comma": [1]}}, "en")


def test_a_bracketed_gazetteer_name_completes_a_shortened_name() -> None:
    text = "The Pentagon's Central Command (CENTCOM) said so."
    mentions = [
        _mention(text, "Central Command", "Organization"),
        _mention(text, "CENTCOM", "PublicBody", "United States Central Command", "gazetteer"),
    ]
    aliases, found = _run("en", text, mentions)
    assert aliases == [("CENTCOM", "United States Central Command", "parenthesis")]
    short = next(m for m in found if m["text"] == "Central Command")
    assert (short["canonical"], short["label"]) == ("United States Central Command", "PublicBody")


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"),  # "wal" left out
        ("ASWJ", "Ahl al-Sunna wa al-Jama'a"),  # "wa" kept
        ("KH", "Kata'ib Hezbollah"),  # the apostrophe is inside one word
    ],
)
def test_initials_of_transliterated_names(acronym: str, name: str) -> None:
    assert initials_match(acronym, name)


def test_bracket_parts_gloss_and_acronyms_are_aliases() -> None:
    text = 'Kata\'ib Hezbollah (Arabic for "Brigades of the Party of God"; KH) attacked.'
    found, _ = _run("en", text, [_mention(text, "Kata'ib Hezbollah", "Organization")])
    assert ("Brigades of the Party of God", "Kata'ib Hezbollah", "parenthesis") in found
    text = "The Federal Criminal Police Office (Bundeskriminalamt, BKA) counted them."
    owner = _mention(text, "Federal Criminal Police Office", "PublicBody")
    found, _ = _run("en", text, [owner])
    assert {a[0] for a in found} == {"Bundeskriminalamt", "BKA"}


def test_a_bracket_list_without_a_name_gives_no_alias() -> None:
    text = "The Syrian Democratic Forces (SDF, Kurdish-led) attacked."
    owner = _mention(text, "Syrian Democratic Forces", "Organization")
    found, _ = _run("en", text, [owner])
    assert [a[0] for a in found] == ["SDF"]


def test_a_quoted_owner_keeps_its_bracketed_name() -> None:
    text = 'The "Syrian Democratic Forces" (Qasad) announced it.'
    found, _ = _run("en", text, [_mention(text, "Syrian Democratic Forces", "Organization")])
    assert ("Qasad", "Syrian Democratic Forces", "parenthesis") in found


def test_names_used_by_different_people_and_quoted_common_names() -> None:
    text = (
        "ISIS-Mozambique, called Ansar al-Sunna by its members and al-Shabaab by local "
        'residents, attacked. The Ghweiran prison, which is known as "the industry prison", fell.'
    )
    mentions = [
        _mention(text, "ISIS-Mozambique", "Organization"),
        _mention(text, "Ghweiran prison", "Location"),
    ]
    found, _ = _run("en", text, mentions)
    assert {(a[0], a[1]) for a in found} == {
        ("Ansar al-Sunna", "ISIS-Mozambique"),
        ("al-Shabaab", "ISIS-Mozambique"),
        ("industry prison", "Ghweiran prison"),
    }


def test_an_unfound_name_before_a_cue_becomes_the_owner() -> None:
    text = "Leadership\n\nAhmed Diriye, also known as Ahmad Umar, became emir."
    found, mentions = _run("en", text, [_mention(text, "Ahmad Umar", "Person")])
    assert found == [("Ahmad Umar", "Ahmed Diriye", "also_known_as")]
    assert any(m["text"] == "Ahmed Diriye" and m["label"] == "Person" for m in mentions)


def test_no_owner_is_made_up_without_a_found_stated_name() -> None:
    text = "Leadership\n\nAhmed Diriye, also known as Ahmad Umar, became emir."
    _, mentions = _run("en", text, [])
    assert not any(m["text"] == "Ahmed Diriye" for m in mentions)


def test_a_one_word_literal_translation_is_no_alias() -> None:
    text = "Al-Hol (en arabe, littéralement « marais »), également orthographié al-Howl."
    found, _ = _run("fr", text, [_mention(text, "Al-Hol", "Location")])
    assert "marais" not in {a[0] for a in found}


@pytest.mark.parametrize(
    ("language", "text", "owner", "stated"),
    [
        (
            "en",
            "ISIS-DRC, known for decades as the Allied Democratic Forces, began in Uganda.",
            "ISIS-DRC",
            "Allied Democratic Forces",
        ),
        (
            "fr",
            "Le groupe Ansar al-Sunna, connu depuis 2017 sous le nom de Al-Chabab, frappe.",
            "Ansar al-Sunna",
            "Al-Chabab",
        ),
    ],
)
def test_a_few_words_may_stand_inside_a_stated_name_cue(
    language: str, text: str, owner: str, stated: str
) -> None:
    mentions = [
        _mention(text, owner, "Organization", source="pattern"),
        _mention(text, stated, "Organization", source="gazetteer"),
    ]
    aliases, _ = _run(language, text, mentions)
    assert aliases == [(stated, owner, "also_known_as")]


def test_a_long_clause_after_known_is_no_cue() -> None:
    text = "Abu Salim was known to have fought in Syria as a member of Ahrar al-Sham."
    mentions = [_mention(text, "Abu Salim", "Person"), _mention(text, "Ahrar al-Sham", "Organization")]
    assert _run("en", text, mentions)[0] == []


def test_a_name_before_a_gazetteer_acronym_may_be_its_short_form() -> None:
    text = "ISIS claimed the attacks for its so-called Central Africa Province (ISCAP) in Ituri."
    iscap = "Islamic State Central Africa Province"
    mentions = [
        _mention(text, "Central Africa Province", "Location"),
        _mention(text, "ISCAP", "Organization", iscap, "gazetteer"),
        _mention(text, "Ituri", "Location"),
    ]
    _, found = _run("en", text, mentions)
    province = next(m for m in found if m["text"] == "Central Africa Province")
    assert (province["canonical"], province["label"]) == (iscap, "Organization")
    ituri = next(m for m in found if m["text"] == "Ituri")
    assert ituri["canonical"] == "Ituri"  # only the name before the bracket joins


def test_an_acronym_after_comma_or_must_fit_the_name() -> None:
    text = "It joined the Islamic Movement of Uzbekistan, or IMU, and left Syria, or IS, later."
    mentions = [
        _mention(text, "Islamic Movement of Uzbekistan", "Organization"),
        _mention(text, "Syria", "Country"),
    ]
    aliases, _ = _run("en", text, mentions)
    assert aliases == [("IMU", "Islamic Movement of Uzbekistan", "acronym")]


def test_a_name_stated_of_the_clause_subject_goes_to_the_subject() -> None:
    # a parse built by hand: "ISIS-DRC , also listed as Madina , is better known as Allied ..."
    words = ["ISIS-DRC", ",", "a", "rebel", "group", ",", "is", "better", "known", "as",
             "Allied", "Democratic", "Forces", "."]
    heads = [8, 0, 4, 4, 0, 0, 8, 8, 8, 12, 12, 12, 8, 8]
    deps = ["nsubj:pass", "punct", "det", "amod", "appos", "punct", "aux:pass", "advmod", "ROOT",
            "case", "flat", "flat", "obl", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "AUX", "ADV", "VERB", "ADP",
           "PROPN", "PROPN", "PROPN", "PUNCT"]
    nlp: Language = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    text = doc.text
    doc._.mentions = [
        _mention(text, "ISIS-DRC", "Organization", source="pattern"),
        _mention(text, "Allied Democratic Forces", "Organization", "Allied Democratic Forces", "gazetteer"),
    ]
    doc = AliasFinder(nlp, "en", ())(doc)
    assert [(a["surface"], a["canonical"]) for a in doc._.aliases] == [
        ("Allied Democratic Forces", "ISIS-DRC")
    ]
