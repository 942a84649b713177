"""Relations in ordinary sentences written for these tests (not from the corpus), one or
two per category of construction the extractor used to miss, in English and French.
Mentions are set by hand, as the upstream components would set them."""

import pytest

from tests.nlp.components.test_relations import nlp_en, nlp_fr, run  # noqa: F401

pytestmark = pytest.mark.models

ORG, PER, LOC, CTRY, PUB = "Organization", "Person", "Location", "Country", "PublicBody"

EN = [
    # 1 passive with an adjunct before the agent, a title before the name
    ("The Bab al-Hawa crossing is controlled by Hayat Tahrir al-Sham.",
     [("Bab al-Hawa", LOC, ["Bab al-Hawa"]), ("HTS", ORG, ["Hayat Tahrir al-Sham"])],
     {("HTS", "controls", "Bab al-Hawa")}),
    ("The Katiba Macina was founded in 2015 by the Fulani preacher Amadou Koufa.",
     [("Katiba Macina", ORG, ["Katiba Macina"]), ("Amadou Koufa", PER, ["Amadou Koufa"])],
     {("Amadou Koufa", "founded", "Katiba Macina")}),
    # 2 apposition chains
    ("The Asayish, the internal security force of the AANES, guard the camp.",
     [("Asayish", ORG, ["Asayish"]), ("AANES", ORG, ["AANES"])],
     {("Asayish", "member_of", "AANES")}),
    ("Ansar al-Islam was founded in 2016. Its emir, Jafar Dicko, lives in Djibo.",
     [("Ansar al-Islam", ORG, ["Ansar al-Islam"]), ("Jafar Dicko", PER, ["Jafar Dicko"]),
      ("Djibo", LOC, ["Djibo"])],
     {("Jafar Dicko", "leads", "Ansar al-Islam")}),
    # 3 merger lists
    ("JNIM was founded in 2017 through the merger of Ansar Dine, al-Mourabitoun and Katiba Macina.",
     [("JNIM", ORG, ["JNIM"]), ("Ansar Dine", ORG, ["Ansar Dine"]),
      ("al-Mourabitoun", ORG, ["al-Mourabitoun"]), ("Katiba Macina", ORG, ["Katiba Macina"])],
     {("Ansar Dine", "merged_into", "JNIM"), ("al-Mourabitoun", "merged_into", "JNIM"),
      ("Katiba Macina", "merged_into", "JNIM")}),
    # 4 fights: lists of "with", examples after "such as"
    ("Hayat Tahrir al-Sham crushed the groups loyal to al-Qaeda, such as Hurras al-Din.",
     [("HTS", ORG, ["Hayat Tahrir al-Sham"]), ("al-Qaeda", ORG, ["al-Qaeda"]),
      ("Hurras al-Din", ORG, ["Hurras al-Din"])],
     {("HTS", "fights", "Hurras al-Din")}),
    # 5 designations (the English fronted participle, "Designated ... by X, Y lost ...", is a
    # known gap: the small model's parse; see docs/evaluation.md)
    # 6 location appositions
    ("Roj camp, in al-Malikiyah district, lies close to the Iraqi border.",
     [("Roj camp", LOC, ["Roj camp"]), ("al-Malikiyah", LOC, ["al-Malikiyah"])],
     {("Roj camp", "located_in", "al-Malikiyah")}),
    ("The attack took place in the Mopti Region in central Mali.",
     [("Mopti Region", LOC, ["Mopti Region"]), ("Mali", CTRY, ["Mali"])],
     {("Mopti Region", "located_in", "Mali")}),
    # 7 renames and splits
    ("Hurras al-Din was formed in 2018 by fighters who broke away from Hayat Tahrir al-Sham.",
     [("Hurras al-Din", ORG, ["Hurras al-Din"]), ("HTS", ORG, ["Hayat Tahrir al-Sham"])],
     {("Hurras al-Din", "split_from", "HTS")}),
    ("Hayat Tahrir al-Sham, known until January 2017 as Jabhat Fateh al-Sham, holds Idlib.",
     [("HTS", ORG, ["Hayat Tahrir al-Sham"]), ("JFS", ORG, ["Jabhat Fateh al-Sham"]), ("Idlib", LOC, ["Idlib"])],
     {("JFS", "renamed_to", "HTS"), ("HTS", "controls", "Idlib")}),
    # 8 positions
    ("Amadou Koufa, head of the Katiba Macina and deputy leader of JNIM, was reported killed.",
     [("Amadou Koufa", PER, ["Amadou Koufa"]), ("Katiba Macina", ORG, ["Katiba Macina"]), ("JNIM", ORG, ["JNIM"])],
     {("Amadou Koufa", "leads", "Katiba Macina"), ("Amadou Koufa", "holds_position", "JNIM")}),
    ("The post of UN Special Rapporteur on torture, currently held by Alice Edwards, was created in 1985.",
     [("United Nations", ORG, ["UN"]), ("Alice Edwards", PER, ["Alice Edwards"])],
     {("Alice Edwards", "holds_position", "United Nations")}),
    # 9 countries as actors
    ("The Syrian Democratic Forces are supported by the United States.",
     [("SDF", ORG, ["Syrian Democratic Forces"]), ("United States", CTRY, ["United States"])],
     {("SDF", "allied_with", "United States")}),
    # 8 apposed noun phrases after a parenthesised acronym, with their relative clauses
    ("Aid came from the Syrian Democratic Forces (SDF), the Kurdish-led alliance that drove the Islamic State from Baghouz.",
     [("SDF", ORG, ["Syrian Democratic Forces", "SDF"]), ("Islamic State", ORG, ["Islamic State"]),
      ("Baghouz", LOC, ["Baghouz"])],
     {("SDF", "fights", "Islamic State")}),
    ("Men are held in the prisons of the SDF, the Kurdish-Arab alliance supported by the United States.",
     [("SDF", ORG, ["SDF"]), ("United States", CTRY, ["United States"])],
     {("SDF", "allied_with", "United States")}),
    # 9 relative clauses on the object; nominal control
    ("She was held in Roj camp, which the SDF control.",
     [("Roj camp", LOC, ["Roj camp"]), ("SDF", ORG, ["SDF"])],
     {("SDF", "controls", "Roj camp")}),
    ("HTS's takeover of Idlib was complete by January 2019.",
     [("HTS", ORG, ["HTS"]), ("Idlib", LOC, ["Idlib"])],
     {("HTS", "controls", "Idlib")}),
    ("After the capture of Mosul by the Islamic State, thousands fled.",
     [("Mosul", LOC, ["Mosul"]), ("Islamic State", ORG, ["Islamic State"])],
     {("Islamic State", "controls", "Mosul")}),
    ("Hayat Tahrir al-Sham took control of Idlib in 2019.",
     [("HTS", ORG, ["Hayat Tahrir al-Sham"]), ("Idlib", LOC, ["Idlib"])],
     {("HTS", "controls", "Idlib")}),
    # 10 roles named after their body; offensives are not foundings
    ("The leader of Hurras al-Din, Samir Hijazi, was killed in 2020.",
     [("Hurras al-Din", ORG, ["Hurras al-Din"]), ("Samir Hijazi", PER, ["Samir Hijazi"])],
     {("Samir Hijazi", "leads", "Hurras al-Din")}),
    ("The Islamic State launched an offensive against the Syrian Democratic Forces.",
     [("Islamic State", ORG, ["Islamic State"]), ("SDF", ORG, ["Syrian Democratic Forces"])],
     {("Islamic State", "fights", "SDF")}),
    # 11 copular and appositive class nouns
    ("The DGSI is a service of the Ministry of the Interior.",
     [("DGSI", PUB, ["DGSI"]), ("Ministry of the Interior", PUB, ["Ministry of the Interior"])],
     {("DGSI", "member_of", "Ministry of the Interior")}),
    ("Baghouz, a village in Deir ez-Zor Governorate, fell in March 2019.",
     [("Baghouz", LOC, ["Baghouz"]), ("Deir ez-Zor Governorate", LOC, ["Deir ez-Zor Governorate"])],
     {("Baghouz", "located_in", "Deir ez-Zor Governorate")}),
    # 12 "the coalition" is the subject of the sentence before; "Its emir" follows it
    ("JNIM is a jihadist coalition. The coalition is at war with the Malian Armed Forces. Its emir, Iyad Ag Ghaly, is a Tuareg.",
     [("JNIM", ORG, ["JNIM"]), ("FAMa", PUB, ["Malian Armed Forces"]), ("Iyad Ag Ghaly", PER, ["Iyad Ag Ghaly"])],
     {("JNIM", "fights", "FAMa"), ("Iyad Ag Ghaly", "leads", "JNIM")}),
    # 13 leader nouns: "the commander" leads, "a senior commander" holds a position;
    # hyphenated roles split by the English tokenizer; "whose" roles
    ("Qasem Soleimani, the commander of the Quds Force, was killed in 2020.",
     [("Qasem Soleimani", PER, ["Qasem Soleimani"]), ("Quds Force", PUB, ["Quds Force"])],
     {("Qasem Soleimani", "leads", "Quds Force")}),
    ("Abu Fadak, a senior commander of Kata'ib Hezbollah, spoke on Monday.",
     [("Abu Fadak", PER, ["Abu Fadak"]), ("KH", ORG, ["Kata'ib Hezbollah"])],
     {("Abu Fadak", "holds_position", "KH")}),
    ("The SDF, whose commander-in-chief Mazloum Abdi urged governments to act, was formed in 2015.",
     [("SDF", ORG, ["SDF"]), ("Mazloum Abdi", PER, ["Mazloum Abdi"])],
     {("Mazloum Abdi", "leads", "SDF")}),
    ("Abu Mohammad al-Julani, the co-founder of the al-Nusra Front, later led HTS.",
     [("Julani", PER, ["Abu Mohammad al-Julani"]), ("Nusra", ORG, ["al-Nusra Front"]), ("HTS", ORG, ["HTS"])],
     {("Julani", "founded", "Nusra"), ("Julani", "leads", "HTS")}),
    ("ISWAP split from Boko Haram in 2016. Its rivalry with Boko Haram persisted.",
     [("ISWAP", ORG, ["ISWAP"]), ("Boko Haram", ORG, ["Boko Haram"])],
     {("ISWAP", "split_from", "Boko Haram"), ("ISWAP", "fights", "Boko Haram")}),
    # 14 a past participle after a comma describes the noun before it; a present
    # participle belongs to the subject
    ("The camps of al-Hol and Roj, controlled by the SDF, hold thousands.",
     [("al-Hol", LOC, ["al-Hol"]), ("Roj", LOC, ["Roj"]), ("SDF", ORG, ["SDF"])],
     {("SDF", "controls", "Roj")}),
    ("In 2017, Jaysh al-Badia defected from HTS, pledging allegiance to al-Qaeda.",
     [("Jaysh al-Badia", ORG, ["Jaysh al-Badia"]), ("HTS", ORG, ["HTS"]), ("al-Qaeda", ORG, ["al-Qaeda"])],
     {("Jaysh al-Badia", "split_from", "HTS"), ("Jaysh al-Badia", "allied_with", "al-Qaeda")}),
    ("Molenbeek, one of the nineteen municipalities of the Brussels-Capital Region, lost 40 young men.",
     [("Molenbeek", LOC, ["Molenbeek"]), ("Brussels", LOC, ["Brussels-Capital Region"])],
     {("Molenbeek", "located_in", "Brussels")}),
    ("Sharia4Belgium was founded in 2010 in Antwerp by Fouad Belkacem.",
     [("Sharia4Belgium", ORG, ["Sharia4Belgium"]), ("Antwerp", LOC, ["Antwerp"]), ("Belkacem", PER, ["Fouad Belkacem"])],
     {("Belkacem", "founded", "Sharia4Belgium")}),
    # 15 a possessive refers to the subject of its own clause
    ("Kata'ib Hezbollah is an Iraqi militia. Abu Fadak joined the Popular Mobilization Forces, while the group itself is led by its secretary-general, Ahmad al-Hamidawi.",
     [("KH", ORG, ["Kata'ib Hezbollah"]), ("Abu Fadak", PER, ["Abu Fadak"]), ("PMF", ORG, ["Popular Mobilization Forces"]),
      ("Hamidawi", PER, ["Ahmad al-Hamidawi"])],
     {("Abu Fadak", "member_of", "PMF"), ("Hamidawi", "leads", "KH")}),
    ("The YPG now form the backbone of the SDF.",
     [("YPG", ORG, ["YPG"]), ("SDF", ORG, ["SDF"])],
     {("YPG", "member_of", "SDF")}),
    ("JNIM is a coalition. It was founded in 2017 through the merger of Ansar Dine and al-Mourabitoun. Its emir, Iyad Ag Ghaly, is a Tuareg.",
     [("JNIM", ORG, ["JNIM"]), ("Ansar Dine", ORG, ["Ansar Dine"]), ("al-Mourabitoun", ORG, ["al-Mourabitoun"]),
      ("Iyad Ag Ghaly", PER, ["Iyad Ag Ghaly"])],
     {("Ansar Dine", "merged_into", "JNIM"), ("al-Mourabitoun", "merged_into", "JNIM"), ("Iyad Ag Ghaly", "leads", "JNIM")}),
    ("The Asayish conducted a search operation against Islamic State cells in the camp.",
     [("Asayish", ORG, ["Asayish"]), ("Islamic State", ORG, ["Islamic State"])],
     {("Asayish", "fights", "Islamic State")}),
    ("JNIM is a jihadist coalition and the official affiliate of al-Qaeda.",
     [("JNIM", ORG, ["JNIM"]), ("al-Qaeda", ORG, ["al-Qaeda"])],
     {("JNIM", "allied_with", "al-Qaeda")}),
    # a copula's subject for a predicate noun with adjectives before it ("the X branch of")
    ("Ansar al-Islam is a Sahelian group. It is the Burkinabe branch of JNIM.",
     [("Ansar al-Islam", ORG, ["Ansar al-Islam"]), ("JNIM", ORG, ["JNIM"])],
     {("Ansar al-Islam", "member_of", "JNIM")}),
    # an object pronoun: not the subject of its own verb, but what the text is about
    ("Ansar al-Islam is a Sahelian group. The Department of State designated it a terrorist group in 2018.",
     [("Ansar al-Islam", ORG, ["Ansar al-Islam"]), ("DoS", PUB, ["Department of State"])],
     {("Ansar al-Islam", "designated_by", "DoS")}),
    # a passive agent of a fighting verb, far after the verb
    ("Boko Haram was driven out of the town of Bama in March 2015 by the Chadian army.",
     [("Boko Haram", ORG, ["Boko Haram"]), ("Bama", LOC, ["Bama"]), ("Chadian army", PUB, ["Chadian army"])],
     {("Chadian army", "fights", "Boko Haram")}),
    # "which became" with a name right after it: a renaming; a list with a bracketed acronym
    ("The mission was led by the Multinational Joint Task Force (MNJTF), which became the Lake Chad Force in 2024.",
     [("MNJTF", ORG, ["Multinational Joint Task Force", "MNJTF"]), ("LCF", ORG, ["Lake Chad Force"])],
     {("MNJTF", "renamed_to", "LCF")}),
    ("The Treasury sanctioned Ansar al-Islam (AAI) and Katiba Macina in 2018.",
     [("Treasury", PUB, ["Treasury"]), ("AAI", ORG, ["Ansar al-Islam", "AAI"]), ("Katiba Macina", ORG, ["Katiba Macina"])],
     {("AAI", "designated_by", "Treasury"), ("Katiba Macina", "designated_by", "Treasury")}),
    # control with an adjective before the noun, and the MT preposition "on"
    ("The army regained the full control on Palmyra after a week of fighting.",
     [("army", PUB, ["army"]), ("Palmyra", LOC, ["Palmyra"])],
     {("army", "controls", "Palmyra")}),
    # a noun phrase listed among others is no predicate on the names before it
    ("JNIM was founded through the merger of Ansar Dine, al-Mourabitoun and the Sahara branch of AQIM.",
     [("JNIM", ORG, ["JNIM"]), ("Ansar Dine", ORG, ["Ansar Dine"]), ("al-Mourabitoun", ORG, ["al-Mourabitoun"]),
      ("AQIM", ORG, ["AQIM"])],
     {("Ansar Dine", "merged_into", "JNIM"), ("al-Mourabitoun", "merged_into", "JNIM")}),
    # "broke with"; an older name "known before by the name of" (machine translation)
    ("The Front, which was known before by the name of the Sahel Brigade, broke with al-Qaeda in 2016.",
     [("Front", ORG, ["The Front"]), ("Sahel Brigade", ORG, ["Sahel Brigade"]), ("al-Qaeda", ORG, ["al-Qaeda"])],
     {("Sahel Brigade", "renamed_to", "Front"), ("Front", "split_from", "al-Qaeda")}),
    # a state's strikes on a group; a ban by order of a ministry
    ("United States air strikes on five KH facilities in Iraq killed 25 fighters.",
     [("United States", "Country", ["United States"]), ("KH", ORG, ["KH"]), ("Iraq", "Country", ["Iraq"])],
     {("United States", "fights", "KH")}),
    ("The Sahel Front has been banned in Germany since 2014 by order of the Federal Ministry of the Interior.",
     [("Sahel Front", ORG, ["Sahel Front"]), ("Germany", "Country", ["Germany"]), ("BMI", PUB, ["Federal Ministry of the Interior"])],
     {("Sahel Front", "designated_by", "BMI")}),
    # a bare role after "as" in the article on a group; a role in apposition after "once"
    ("Ansar al-Islam\n\nAnsar al-Islam is a jihadist group. Jafar Dicko has served as emir since 2017.",
     [("Ansar al-Islam", ORG, ["Ansar al-Islam"]), ("Jafar Dicko", PER, ["Jafar Dicko"])],
     {("Jafar Dicko", "leads", "Ansar al-Islam")}),
    ("Mukhtar Robow, once the group's spokesman, defected from al-Shabaab in 2017.",
     [("Mukhtar Robow", PER, ["Mukhtar Robow"]), ("al-Shabaab", ORG, ["al-Shabaab"])],
     {("Mukhtar Robow", "holds_position", "al-Shabaab"), ("Mukhtar Robow", "split_from", "al-Shabaab")}),
    # a country's possessive is no argument of its own ("run by Iraq's Ministry of ...")
    ("The families were taken to the Hamam al-Alil camp, which is run by Iraq's Ministry of Migration.",
     [("Hamam al-Alil camp", LOC, ["Hamam al-Alil camp"]), ("Iraq", "Country", ["Iraq"]),
      ("MoMD", PUB, ["Ministry of Migration"])],
     {("MoMD", "controls", "Hamam al-Alil camp")}),
    # "chief of staff" is a post, not the lead; a view ("regards X as an offshoot") is no role
    ("Abu Fadak al-Mohammadawi became the PMF's chief of staff in 2020.",
     [("Abu Fadak", PER, ["Abu Fadak al-Mohammadawi"]), ("PMF", ORG, ["PMF"])],
     {("Abu Fadak", "holds_position", "PMF")}),
    ("Turkey, which regards the YPG as an offshoot of the PKK, has carried out air strikes.",
     [("Turkey", "Country", ["Turkey"]), ("YPG", ORG, ["YPG"]), ("PKK", ORG, ["PKK"])],
     set()),
    # the antecedent of "that" is the name an apposed noun phrase with a complement stands for
    ("Al-Shabaab grew out of the Islamic Courts Union (ICU), an alliance of sharia courts that briefly controlled Mogadishu.",
     [("al-Shabaab", ORG, ["Al-Shabaab"]), ("ICU", ORG, ["Islamic Courts Union", "ICU"]), ("Mogadishu", LOC, ["Mogadishu"])],
     {("ICU", "controls", "Mogadishu")}),
    # "the coalition" is the entity the text called a coalition, not the last subject read
    ("JNIM is a jihadist coalition active in Mali. The latter, the Islamic State Sahel Province, was formed in 2015. The coalition is at war with the Malian army.",
     [("JNIM", ORG, ["JNIM"]), ("Mali", "Country", ["Mali"]), ("ISSP", ORG, ["Islamic State Sahel Province"]),
      ("Malian army", PUB, ["Malian army"])],
     {("JNIM", "located_in", "Mali"), ("JNIM", "fights", "Malian army")}),
    # reciprocal fighting: the first of the listed subjects against the others
    ("In early 2019, Hayat Tahrir al-Sham and the Zenki Movement fought each other near Aleppo.",
     [("HTS", ORG, ["Hayat Tahrir al-Sham"]), ("Zenki", ORG, ["Zenki Movement"]), ("Aleppo", LOC, ["Aleppo"])],
     {("HTS", "fights", "Zenki")}),
    # clashes between two sides: the first listed against the other
    ("Heavy clashes broke out on Tuesday between al-Shabaab and the Somali National Army in Hiraan.",
     [("al-Shabaab", ORG, ["al-Shabaab"]), ("SNA", PUB, ["Somali National Army"]), ("Hiraan", LOC, ["Hiraan"])],
     {("al-Shabaab", "fights", "SNA")}),
    # "waged an insurgency against"
    ("Al-Shabaab waged an insurgency against the Transitional Federal Government.",
     [("al-Shabaab", ORG, ["Al-Shabaab"]), ("TFG", PUB, ["Transitional Federal Government"])],
     {("al-Shabaab", "fights", "TFG")}),
    # a part of a group acting stands for the group
    ("In 2015, a faction of Ansar Dine pledged allegiance to the Islamic State.",
     [("Ansar Dine", ORG, ["Ansar Dine"]), ("Islamic State", ORG, ["Islamic State"])],
     {("Ansar Dine", "allied_with", "Islamic State")}),
    # where a group wages its insurgency; an object pronoun's antecedent in its own sentence
    ("The Islamic State has waged an insurgency in Cabo Delgado since 2017. It seized Palma in 2021 and still holds it.",
     [("Islamic State", ORG, ["Islamic State"]), ("Cabo Delgado", LOC, ["Cabo Delgado"]), ("Palma", LOC, ["Palma"])],
     {("Islamic State", "located_in", "Cabo Delgado"), ("Islamic State", "controls", "Palma")}),
]

FR = [
    ("La région de Ménaka est contrôlée depuis 2022 par l'État islamique au Sahel.",
     [("Ménaka", LOC, ["Ménaka"]), ("EIS", ORG, ["État islamique au Sahel"])],
     {("EIS", "controls", "Ménaka")}),
    ("Ansar Dine est un groupe fondé en 2012 par le Touareg Iyad Ag Ghaly.",
     [("Ansar Dine", ORG, ["Ansar Dine"]), ("Iyad Ag Ghaly", PER, ["Iyad Ag Ghaly"])],
     {("Iyad Ag Ghaly", "founded", "Ansar Dine")}),
    ("Le GSIM, une coalition djihadiste dirigée par Iyad Ag Ghaly, est actif au Mali.",
     [("GSIM", ORG, ["GSIM"]), ("Iyad Ag Ghaly", PER, ["Iyad Ag Ghaly"]), ("Mali", CTRY, ["Mali"])],
     # "actif au Mali": where a group operates is located_in (two of the three annotators
     # of the held-out sets read it so; see docs/evaluation.md)
     {("Iyad Ag Ghaly", "leads", "GSIM"), ("GSIM", "located_in", "Mali")}),
    ("Amadou Koufa, chef de la katiba Macina et numéro deux du GSIM, est peul.",
     [("Amadou Koufa", PER, ["Amadou Koufa"]), ("katiba Macina", ORG, ["katiba Macina"]), ("GSIM", ORG, ["GSIM"])],
     {("Amadou Koufa", "leads", "katiba Macina"), ("Amadou Koufa", "holds_position", "GSIM")}),
    ("Le GSIM est formé en 2017 par la fusion d'Ansar Dine, d'Al-Mourabitoune et de la katiba Macina.",
     [("GSIM", ORG, ["GSIM"]), ("Ansar Dine", ORG, ["Ansar Dine"]),
      ("Al-Mourabitoune", ORG, ["Al-Mourabitoune"]), ("katiba Macina", ORG, ["katiba Macina"])],
     {("Ansar Dine", "merged_into", "GSIM"), ("Al-Mourabitoune", "merged_into", "GSIM"),
      ("katiba Macina", "merged_into", "GSIM")}),
    ("L'armée burkinabè fait face à deux groupes armés : le GSIM et l'État islamique au Sahel.",
     [("armée burkinabè", PUB, ["armée burkinabè"]), ("GSIM", ORG, ["GSIM"]), ("EIS", ORG, ["État islamique au Sahel"])],
     {("armée burkinabè", "fights", "GSIM"), ("armée burkinabè", "fights", "EIS")}),
    ("Classée comme organisation terroriste par les États-Unis et par le Conseil de sécurité, HTC contrôle Idlib.",
     [("États-Unis", CTRY, ["États-Unis"]), ("Conseil de sécurité", ORG, ["Conseil de sécurité"]),
      ("HTC", ORG, ["HTC"]), ("Idlib", LOC, ["Idlib"])],
     {("HTC", "designated_by", "États-Unis"), ("HTC", "designated_by", "Conseil de sécurité")}),
    ("Le GSIM a été inscrit sur la liste des sanctions de l'ONU en 2018.",
     [("GSIM", ORG, ["GSIM"]), ("ONU", ORG, ["ONU"])],
     {("GSIM", "designated_by", "ONU")}),
    ("La ville de Sarmada se trouve dans la province d'Idlib, dans le nord-ouest de la Syrie.",
     [("Sarmada", LOC, ["Sarmada"]), ("Idlib", LOC, ["province d'Idlib"]), ("Syrie", CTRY, ["Syrie"])],
     {("Sarmada", "located_in", "Idlib"), ("Idlib", "located_in", "Syrie")}),
    ("En 2016, al-Nosra a rompu avec al-Qaïda.",
     [("al-Nosra", ORG, ["al-Nosra"]), ("al-Qaïda", ORG, ["al-Qaïda"])],
     {("al-Nosra", "split_from", "al-Qaïda")}),
    ("En 2015, la katiba Macina a rejoint la mouvance d'Ansar Dine.",
     [("katiba Macina", ORG, ["katiba Macina"]), ("Ansar Dine", ORG, ["Ansar Dine"])],
     {("katiba Macina", "allied_with", "Ansar Dine")}),
    ("Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO en janvier 2024.",
     [("Mali", CTRY, ["Mali"]), ("Burkina Faso", CTRY, ["Burkina Faso"]), ("Niger", CTRY, ["Niger"]),
      ("CEDEAO", ORG, ["CEDEAO"])],
     {("Mali", "split_from", "CEDEAO"), ("Burkina Faso", "split_from", "CEDEAO"), ("Niger", "split_from", "CEDEAO")}),
    ("Le Burkina Faso, dirigé par le capitaine Ibrahim Traoré, a quitté la CEDEAO.",
     [("Burkina Faso", CTRY, ["Burkina Faso"]), ("Ibrahim Traoré", PER, ["Ibrahim Traoré"]), ("CEDEAO", ORG, ["CEDEAO"])],
     {("Ibrahim Traoré", "leads", "Burkina Faso"), ("Burkina Faso", "split_from", "CEDEAO")}),
    ("La DGSI, placée sous l'autorité du ministère de l'Intérieur, est créée en 2014.",
     [("DGSI", PUB, ["DGSI"]), ("ministère de l'Intérieur", PUB, ["ministère de l'Intérieur"])],
     {("DGSI", "member_of", "ministère de l'Intérieur")}),
    ("Iyad Ag Ghaly, qui avait créé Ansar Dine en 2012, dirige le GSIM.",
     [("Iyad Ag Ghaly", PER, ["Iyad Ag Ghaly"]), ("Ansar Dine", ORG, ["Ansar Dine"]), ("GSIM", ORG, ["GSIM"])],
     {("Iyad Ag Ghaly", "founded", "Ansar Dine"), ("Iyad Ag Ghaly", "leads", "GSIM")}),
    # object relatives with the subject after the verb; nominal control; mergers "se fondent"
    ("Le parquet national antiterroriste (PNAT), que dirige Olivier Christen, dresse un bilan.",
     [("PNAT", PUB, ["parquet national antiterroriste", "PNAT"]), ("Olivier Christen", PER, ["Olivier Christen"])],
     {("Olivier Christen", "leads", "PNAT")}),
    ("Le Front al-Nosra, qu'Abou Mohammed al-Joulani a fondé fin 2011, comptait peu de combattants.",
     [("al-Nosra", ORG, ["Front al-Nosra"]), ("Joulani", PER, ["Abou Mohammed al-Joulani"])],
     {("Joulani", "founded", "al-Nosra")}),
    ("En mars 2017, Ansar Dine et la katiba Macina se fondent dans le GSIM.",
     [("Ansar Dine", ORG, ["Ansar Dine"]), ("katiba Macina", ORG, ["katiba Macina"]), ("GSIM", ORG, ["GSIM"])],
     {("Ansar Dine", "merged_into", "GSIM"), ("katiba Macina", "merged_into", "GSIM")}),
    ("Après la prise de Damas par HTC, le chef du groupe s'installe au palais.",
     [("Damas", LOC, ["Damas"]), ("HTC", ORG, ["HTC"])],
     {("HTC", "controls", "Damas")}),
    # "le pays": the country the text is talking about; a long adjunct before "par"
    ("Le Burkina Faso est enclavé. Le pays, dirigé depuis le 30 septembre 2022 par le capitaine Ibrahim Traoré, fait face au GSIM.",
     [("Burkina Faso", CTRY, ["Burkina Faso"]), ("Ibrahim Traoré", PER, ["Ibrahim Traoré"]), ("GSIM", ORG, ["GSIM"])],
     {("Ibrahim Traoré", "leads", "Burkina Faso"), ("Burkina Faso", "fights", "GSIM")}),
    # "contrôle" tagged as a noun but heading a clause; "prendre le contrôle"
    ("Hayat Tahrir al-Cham contrôle la province d'Idleb depuis 2019.",
     [("HTC", ORG, ["Hayat Tahrir al-Cham"]), ("Idleb", LOC, ["province d'Idleb"])],
     {("HTC", "controls", "Idleb")}),
    ("En 2019, Hayat Tahrir al-Cham a pris le contrôle d'Idleb.",
     [("HTC", ORG, ["Hayat Tahrir al-Cham"]), ("Idleb", LOC, ["Idleb"])],
     {("HTC", "controls", "Idleb")}),
    ("L'État islamique a lancé une offensive contre les Forces démocratiques syriennes.",
     [("EI", ORG, ["État islamique"]), ("FDS", ORG, ["Forces démocratiques syriennes"])],
     {("EI", "fights", "FDS")}),
    ("La DGSI est un service du ministère de l'Intérieur.",
     [("DGSI", PUB, ["DGSI"]), ("ministère de l'Intérieur", PUB, ["ministère de l'Intérieur"])],
     {("DGSI", "member_of", "ministère de l'Intérieur")}),
    ("Les États-Unis ont désigné Hayat Tahrir al-Cham comme organisation terroriste en 2018.",
     [("États-Unis", CTRY, ["États-Unis"]), ("HTC", ORG, ["Hayat Tahrir al-Cham"])],
     {("HTC", "designated_by", "États-Unis")}),
    ("Nosra prête allégeance à al-Qaïda, dont le chef, Ayman al-Zawahiri, tranche en sa faveur.",
     [("Nosra", ORG, ["Nosra"]), ("al-Qaïda", ORG, ["al-Qaïda"]), ("Zawahiri", PER, ["Ayman al-Zawahiri"])],
     {("Nosra", "allied_with", "al-Qaïda"), ("Zawahiri", "leads", "al-Qaïda")}),
    ("Un haut commandant du GSIM, Amadou Koufa, a été visé par une frappe.",
     [("GSIM", ORG, ["GSIM"]), ("Amadou Koufa", PER, ["Amadou Koufa"])],
     {("Amadou Koufa", "holds_position", "GSIM")}),
    ("Les hommes restent aux mains des FDS, qui ont combattu l'EI jusqu'à Baghouz.",
     [("FDS", ORG, ["FDS"]), ("EI", ORG, ["EI"]), ("Baghouz", LOC, ["Baghouz"])],
     {("FDS", "fights", "EI")}),
    ("Ils venaient de Sharia4Belgium, le mouvement que son porte-parole, Fouad Belkacem, avait fondé en 2010 à Anvers.",
     [("Sharia4Belgium", ORG, ["Sharia4Belgium"]), ("Belkacem", PER, ["Fouad Belkacem"]), ("Anvers", LOC, ["Anvers"])],
     {("Belkacem", "founded", "Sharia4Belgium"), ("Belkacem", "holds_position", "Sharia4Belgium")}),
    ("À Molenbeek, l'une des dix-neuf communes de la Région de Bruxelles-Capitale, 40 jeunes sont partis.",
     [("Molenbeek", LOC, ["Molenbeek"]), ("Bruxelles", LOC, ["Région de Bruxelles-Capitale"])],
     {("Molenbeek", "located_in", "Bruxelles")}),
    ("La fusion du Front Fatah al-Cham avec le Mouvement Nour al-Din al-Zenki donne naissance à Hayat Tahrir al-Cham.",
     [("FFC", ORG, ["Front Fatah al-Cham"]), ("Zenki", ORG, ["Mouvement Nour al-Din al-Zenki"]), ("HTC", ORG, ["Hayat Tahrir al-Cham"])],
     {("FFC", "merged_into", "HTC"), ("Zenki", "merged_into", "HTC")}),
    # a present-tense verb the tagger reads as an adjective, placed as a verb
    ("Depuis 2020, l'EIGS affronte le GSIM, avec lequel il coexistait jusque-là.",
     [("EIGS", ORG, ["EIGS"]), ("GSIM", ORG, ["GSIM"])],
     {("EIGS", "fights", "GSIM")}),
    # a fronted participle whose subject follows its comma with a determiner; "que mène X"
    ("Soutenues par la coalition internationale que mène Washington, les FDS ont pris Raqqa.",
     [("coalition", ORG, ["coalition internationale"]), ("Washington", CTRY, ["Washington"]),
      ("FDS", ORG, ["FDS"]), ("Raqqa", LOC, ["Raqqa"])],
     {("FDS", "allied_with", "coalition"), ("Washington", "leads", "coalition")}),
    # imparfait and passé simple of the verb cues
    ("Hurras al-Din affrontait alors les Unités de protection du peuple autour de Kobané.",
     [("Hurras al-Din", ORG, ["Hurras al-Din"]), ("YPG", ORG, ["Unités de protection du peuple"]), ("Kobané", LOC, ["Kobané"])],
     {("Hurras al-Din", "fights", "YPG")}),
    ("Les YPG forment aujourd'hui l'ossature des FDS.",
     [("YPG", ORG, ["YPG"]), ("FDS", ORG, ["FDS"])],
     {("YPG", "member_of", "FDS")}),
    # "les cellules de l'EI": the group acting through its cells, listed with the army
    ("Depuis 2019, HTC combat à la fois l'armée syrienne et les cellules de l'EI.",
     [("HTC", ORG, ["HTC"]), ("armée syrienne", PUB, ["armée syrienne"]), ("EI", ORG, ["EI"])],
     {("HTC", "fights", "armée syrienne"), ("HTC", "fights", "EI")}),
    # a clitic object ("l'a inscrit"): the group the text is about, not the verb's subject
    ("Ansar al-Islam est un groupe armé burkinabè. Le Trésor américain l'a inscrit sur sa liste en 2018.",
     [("Ansar al-Islam", ORG, ["Ansar al-Islam"]), ("Trésor", PUB, ["Trésor américain"])],
     {("Ansar al-Islam", "designated_by", "Trésor")}),
    # "l'une des provinces de": membership; "classé ... par" without "comme"
    ("L'EI-Sahel est actif au Niger. Il constitue l'une des provinces de l'État islamique.",
     [("EIS", ORG, ["EI-Sahel"]), ("Niger", CTRY, ["Niger"]), ("EI", ORG, ["État islamique"])],
     {("EIS", "member_of", "EI"), ("EIS", "located_in", "Niger")}),
    ("Ansar al-Islam, le mouvement fondé en 2016 par Ibrahim Malam Dicko, est classé organisation terroriste par le Trésor américain.",
     [("AAI", ORG, ["Ansar al-Islam"]), ("Dicko", PER, ["Ibrahim Malam Dicko"]), ("Trésor", PUB, ["Trésor américain"])],
     {("Dicko", "founded", "AAI"), ("AAI", "designated_by", "Trésor")}),
    # a participle after the first of a list modifies that item only
    ("Il combat l'opération Barkhane menée par la France, et, depuis 2020, le GSIM.",
     [("Barkhane", PUB, ["opération Barkhane"]), ("France", CTRY, ["France"]), ("GSIM", ORG, ["GSIM"])],
     {("France", "leads", "Barkhane")}),
    # a passive agent of a fighting verb
    # a possessive whose sentence before has no parsed subject of its type: the subject of
    # the relation stated there ("le groupe naît d'une scission de Y": the group), not Y
    ("L'État islamique dans le Grand Sahara (EIGS), rebaptisé en 2022 État islamique au Sahel, est un groupe armé actif dans la zone des trois frontières.\n\nHistorique\n\nLe groupe naît en mai 2015 d'une scission d'Al-Mourabitoune. Son fondateur, Adnane Abou Walid al-Sahraoui, avait été le porte-parole du MUJAO.",
     [("EIGS", ORG, ["État islamique dans le Grand Sahara", "EIGS", "État islamique au Sahel"]), ("AM", ORG, ["Al-Mourabitoune"]),
      ("Sahraoui", PER, ["Adnane Abou Walid al-Sahraoui"]), ("MUJAO", ORG, ["MUJAO"])],
     {("EIGS", "split_from", "AM"), ("Sahraoui", "founded", "EIGS")}),
    # clitic objects: "la quitte" (not the subject again), "y contrôle" (the place just named)
    ("Le Mouvement Nour al-Din al-Zenki rejoint Hayat Tahrir al-Cham en 2017. Le Mouvement Nour al-Din al-Zenki la quitte dès juillet 2017.",
     [("Zenki", ORG, ["Mouvement Nour al-Din al-Zenki"]), ("HTC", ORG, ["Hayat Tahrir al-Cham"])],
     {("Zenki", "member_of", "HTC"), ("Zenki", "split_from", "HTC")}),
    ("Retranchée dans la province d'Idleb, HTC y contrôle la quasi-totalité des villes.",
     [("Idleb", LOC, ["province d'Idleb"]), ("HTC", ORG, ["HTC"])],
     {("HTC", "located_in", "Idleb"), ("HTC", "controls", "Idleb")}),
    # a second relative clause joined by "et" shares the first one's antecedent
    ("Le parquet national antiterroriste, que dirige Olivier Christen et qui siège à Paris, dresse un bilan.",
     [("PNAT", PUB, ["parquet national antiterroriste"]), ("Christen", PER, ["Olivier Christen"]), ("Paris", LOC, ["Paris"])],
     {("Christen", "leads", "PNAT"), ("PNAT", "located_in", "Paris")}),
    # a subject pronoun is no name its own sentence governs by a preposition, nor an apposition
    ("Le Front al-Nosra est un groupe armé. Inscrite sur la liste des organisations terroristes par le Conseil de sécurité, elle affronte l'armée syrienne.",
     [("Nosra", ORG, ["Front al-Nosra"]), ("CS", PUB, ["Conseil de sécurité"]), ("armée syrienne", PUB, ["armée syrienne"])],
     {("Nosra", "designated_by", "CS"), ("Nosra", "fights", "armée syrienne")}),
    # an adjective the parser hung on a participle ("un groupe armé actif au Mali") after a
    # title line; a place after ", à"
    ("État islamique au Sahel\n\nL'État islamique au Sahel (EIS), anciennement État islamique dans le Grand Sahara (EIGS), est un groupe armé djihadiste actif au Mali, au Niger et au Burkina Faso.",
     [("EIS", ORG, ["État islamique au Sahel", "EIS", "État islamique dans le Grand Sahara", "EIGS"]),
      ("Mali", CTRY, ["Mali"]), ("Niger", CTRY, ["Niger"]), ("Burkina Faso", CTRY, ["Burkina Faso"])],
     {("EIS", "located_in", "Mali"), ("EIS", "located_in", "Niger"), ("EIS", "located_in", "Burkina Faso")}),
    ("Une quinzaine de Belges seraient incarcérés dans la prison de Ghwayran, à Hassaké, ou dans d'autres centres.",
     [("Ghwayran", LOC, ["prison de Ghwayran"]), ("Hassaké", LOC, ["Hassaké"])],
     {("Ghwayran", "located_in", "Hassaké")}),
    # in an apposition, a comma before "et" closes the list: the next name is no object
    ("Le pays fait face au GSIM, affilié à al-Qaïda, et à l'État islamique au Sahel.",
     [("GSIM", ORG, ["GSIM"]), ("AQ", ORG, ["al-Qaïda"]), ("EIS", ORG, ["État islamique au Sahel"])],
     {("GSIM", "allied_with", "AQ")}),
    # reciprocal fighting ("s'affrontent"), then a common target ("visent")
    ("La Katiba Okba Ibn Nafaa, branche d'Al-Qaïda au Maghreb islamique (AQMI), et Jund al-Khilafa, affilié à Daech, s'affrontent parfois entre eux mais visent surtout la garde nationale.",
     [("KOIN", ORG, ["Katiba Okba Ibn Nafaa"]), ("AQMI", ORG, ["Al-Qaïda au Maghreb islamique", "AQMI"]),
      ("JAK", ORG, ["Jund al-Khilafa"]), ("EI", ORG, ["Daech"]), ("GN", PUB, ["garde nationale"])],
     {("KOIN", "member_of", "AQMI"), ("JAK", "allied_with", "EI"), ("KOIN", "fights", "JAK"),
      ("KOIN", "fights", "GN"), ("JAK", "fights", "GN")}),
    # "à la fois": a list of objects, even after a common noun that names no entity
    ("Le GSIM mène une insurrection dans le centre du Mali. Il combat à la fois les armées nationales, la MINUSMA et l'État islamique.",
     [("GSIM", ORG, ["GSIM"]), ("Mali", CTRY, ["Mali"]), ("MINUSMA", ORG, ["MINUSMA"]), ("EI", ORG, ["État islamique"])],
     {("GSIM", "located_in", "Mali"), ("GSIM", "fights", "MINUSMA"), ("GSIM", "fights", "EI")}),
    # a participle on a common noun says nothing of the names listed with that noun
    ("Les combattants ont rejoint l'État islamique au Khorasan (EI-K), ou des groupes liés à al-Qaïda.",
     [("EIK", ORG, ["État islamique au Khorasan", "EI-K"]), ("AQ", ORG, ["al-Qaïda"])],
     set()),
    # after a bracketed acronym, a comma closes the apposition: the next name is no object
    ("La Katiba Macina, branche du GSIM (Groupe de soutien à l'islam et aux musulmans), et Ansar Dine, affilié à al-Qaïda, combattent l'armée.",
     [("Macina", ORG, ["Katiba Macina"]), ("GSIM", ORG, ["GSIM", "Groupe de soutien à l'islam et aux musulmans"]),
      ("Ansar Dine", ORG, ["Ansar Dine"]), ("AQ", ORG, ["al-Qaïda"])],
     {("Macina", "member_of", "GSIM"), ("Ansar Dine", "allied_with", "AQ")}),
    ("De violents affrontements ont éclaté mardi entre les Chabab et l'armée somalienne dans le Hiraan.",
     [("Chabab", ORG, ["Chabab"]), ("ANS", PUB, ["armée somalienne"]), ("Hiraan", LOC, ["Hiraan"])],
     {("Chabab", "fights", "ANS")}),
    ("Le Mouvement islamique d'Ouzbékistan a été décimé par les talibans dans la province de Zaboul.",
     [("MIO", ORG, ["Mouvement islamique d'Ouzbékistan"]), ("talibans", ORG, ["talibans"]), ("Zaboul", LOC, ["province de Zaboul"])],
     {("talibans", "fights", "MIO")}),
    ("Le groupe a été chassé de Kidal en 2013 par l'armée française.",
     [("groupe", ORG, ["groupe"]), ("Kidal", LOC, ["Kidal"]), ("armée française", PUB, ["armée française"])],
     {("armée française", "fights", "groupe")}),
]


@pytest.mark.parametrize(("text", "entities", "expected"), EN, ids=[(c.values[0] if hasattr(c, "values") else c[0])[:40] for c in EN])
def test_english_constructions(nlp_en, text, entities, expected):  # noqa: F811
    found, _ = run(nlp_en, text, entities)
    assert expected <= found, f"missing {expected - found}"
    assert found <= expected, f"unexpected {found - expected}"


@pytest.mark.parametrize(("text", "entities", "expected"), FR, ids=[t[:40] for t, _, _ in FR])
def test_french_constructions(nlp_fr, text, entities, expected):  # noqa: F811
    found, _ = run(nlp_fr, text, entities)
    assert expected <= found, f"missing {expected - found}"
    assert not {r for r in found - expected if r[1] != "controls"}, f"unexpected {found - expected}"


@pytest.mark.parametrize(
    ("lang", "text", "entities"),
    [
        ("en", "Karim Haddad left France in 2014 for Syria.",
         [("Karim Haddad", PER, ["Karim Haddad"]), ("France", CTRY, ["France"]), ("Syria", CTRY, ["Syria"])]),
        ("en", "The Syrian Democratic Forces fought the forces of the Islamic State.",
         [("SDF", ORG, ["Syrian Democratic Forces"]), ("Islamic State", ORG, ["Islamic State"])]),
        ("fr", "Karim Haddad a quitté la France en 2014.",
         [("Karim Haddad", PER, ["Karim Haddad"]), ("France", CTRY, ["France"])]),
    ],
)
def test_guards_still_hold(nlp_en, nlp_fr, lang, text, entities):  # noqa: F811
    found, _ = run(nlp_en if lang == "en" else nlp_fr, text, entities)
    assert not {r for r in found if r[1] in ("split_from", "member_of")}
