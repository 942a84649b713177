"""Relations stated about an entity named earlier: "the group", "its emir", "elle",
"the latter" (mini documents written for these tests, not from the corpus)."""

import pytest

from tests.nlp.components.test_relations import nlp_en, nlp_fr, run  # noqa: F401

pytestmark = pytest.mark.models

ORG, PER, LOC, PUB = "Organization", "Person", "Location", "PublicBody"

CASES = [
    ("en", ("The Sahel Front is an armed group in Mali. The group was designated as a terrorist "
     "organization by the State Department."),
     [("Sahel Front", ORG, ["Sahel Front"]), ("State Department", PUB, ["State Department"])],
     {("Sahel Front", "designated_by", "State Department")}),
    ("en", "Ansar al-Janub was founded in 2014. Its emir, Karim Haddad, lives in Gao.",
     [("Ansar al-Janub", ORG, ["Ansar al-Janub"]), ("Karim Haddad", PER, ["Karim Haddad"]),
      ("Gao", LOC, ["Gao"])],
     {("Karim Haddad", "leads", "Ansar al-Janub")}),
    ("en", "Liwa al-Fath is a Syrian faction. It controls Sarmada.",
     [("Liwa al-Fath", ORG, ["Liwa al-Fath"]), ("Sarmada", LOC, ["Sarmada"])],
     {("Liwa al-Fath", "controls", "Sarmada")}),
    ("en", "Jund al-Haqq split from the Northern Brigade in 2018. The latter controls Sarmada.",
     [("Jund al-Haqq", ORG, ["Jund al-Haqq"]), ("Northern Brigade", ORG, ["Northern Brigade"]),
      ("Sarmada", LOC, ["Sarmada"])],
     {("Northern Brigade", "controls", "Sarmada")}),
    ("en", "The Sahel Front was created in 2012. The movement is fighting the Malian army.",
     [("Sahel Front", ORG, ["Sahel Front"]), ("Malian army", PUB, ["Malian army"])],
     {("Sahel Front", "fights", "Malian army")}),
    ("fr", ("Jound al-Haqq est un groupe djihadiste syrien. L'organisation a rompu avec al-Qaïda "
     "en 2016."),
     [("Jound al-Haqq", ORG, ["Jound al-Haqq"]), ("al-Qaïda", ORG, ["al-Qaïda"])],
     {("Jound al-Haqq", "split_from", "al-Qaïda")}),
    ("fr", "Le Front du Sahel est un groupe armé malien. Le mouvement est dirigé par Karim Haddad.",
     [("Front du Sahel", ORG, ["Front du Sahel"]), ("Karim Haddad", PER, ["Karim Haddad"])],
     {("Karim Haddad", "leads", "Front du Sahel")}),
    ("fr", "La Brigade du Nord est un groupe djihadiste. Son chef, Karim Haddad, est syrien.",
     [("Brigade du Nord", ORG, ["Brigade du Nord"]), ("Karim Haddad", PER, ["Karim Haddad"])],
     {("Karim Haddad", "leads", "Brigade du Nord")}),
    ("fr", ("Le Front du Sahel a été créé en 2012. Le groupe a été désigné comme organisation "
     "terroriste par le département d'État."),
     [("Front du Sahel", ORG, ["Front du Sahel"]),
      ("département d'État", PUB, ["département d'État"])],
     {("Front du Sahel", "designated_by", "département d'État")}),
]

def _check(nlp_en, nlp_fr, lang, text, entities, expected):  # noqa: F811
    found, _ = run(nlp_en if lang == "en" else nlp_fr, text, entities)
    assert expected <= found, f"missing {expected - found}"
    allowed = {("Jund al-Haqq", "split_from", "Northern Brigade")}  # the first sentence's own
    assert found <= expected | allowed, f"unexpected {found - expected}"


@pytest.mark.parametrize(("lang", "text", "entities", "expected"), CASES,
                         ids=[t[:40] for _, t, _, _ in CASES])  # fmt: skip
def test_anaphoric_arguments(nlp_en, nlp_fr, lang, text, entities, expected):  # noqa: F811
    _check(nlp_en, nlp_fr, lang, text, entities, expected)
