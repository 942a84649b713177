"""Group a document's mentions into entities (``doc._.entities``).

Two mentions belong to one entity when they share a canonical name (the gazetteer's, or
the one an alias or acronym gave them) or a normalised surface; when one is a person's
surname or a later short form of a full name ("Diaby" -> "Omar Diaby", "al-Shami" -> "Abu
Humam al-Shami"); when one is the head word of a public body's name ("the Department" ->
"the Department of State"); when one is a facility's bare name ("Roj" -> "Roj camp"); or when their
spellings are nearly equal (rapidfuzz, ``FUZZY_THRESHOLD``). An entity's type is a vote
weighted by where each mention came from (gazetteer and repairs > patterns and stated
aliases > NER); its name is the gazetteer's canonical name in the document's language, else
the longest surface.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.attributes import EntityGroup, Mention
from claimgraph.nlp.gazetteer_data import normalise_surface

SOURCE_WEIGHTS: Final = {
    "gazetteer": 4.0,
    "repair": 4.0,
    "acronym": 2.0,
    "pattern": 2.0,
    "ner": 1.0,
}
DEFAULT_WEIGHT: Final = 2.0  # stated aliases ("also_known_as", ...)
FUZZY_THRESHOLD: Final = 92.0  # rapidfuzz ratio on normalised names; 90 merged "Jaysh al-Sunna"/"Jaysh al-Badia"-like pairs in tests
FACILITY_NOUNS: Final = ("refugee camp", "camp", "prison")  # "Roj camp" is also called "Roj"
_ARTICLE = re.compile(r"^(?:al|el|the|le|la|les|l') ")


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return _ARTICLE.sub("", normalise_surface(text).replace("’", "'"))


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class EntityGrouper:
    """The ``claimgraph_entity_groups`` component."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: (m["start"], m["end"]))
        doc._.entities = group_mentions(mentions)
        return doc


def group_mentions(mentions: list[Mention]) -> list[EntityGroup]:
    """The entities of one document, in order of first mention."""
    union = _Union(len(mentions))
    first_by_key: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        for key in {_key(mention["canonical"]), _key(mention["text"])}:
            if key in first_by_key:
                union.union(first_by_key[key], i)
            else:
                first_by_key[key] = i
    _short_forms(mentions, union)
    _fuzzy(mentions, union)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[union.find(i)].append(i)
    groups = []
    for root in sorted(members):
        group = [mentions[i] for i in members[root]]
        groups.append(_entity(group))
    return groups


def _short_forms(mentions: list[Mention], union: _Union) -> None:
    full_people = [
        i for i, m in enumerate(mentions) if m["label"] == "Person" and len(m["text"].split()) >= 2
    ]
    full_bodies: dict[str, list[int]] = defaultdict(list)  # head word -> public bodies
    for i, m in enumerate(mentions):
        words = _key(m["text"]).split()
        if m["label"] == "PublicBody" and len(words) >= 2:
            full_bodies[words[0]].append(i)
    facilities: dict[str, int] = {}
    for i, m in enumerate(mentions):
        key = _key(m["text"])
        for noun in FACILITY_NOUNS:
            if m["label"] == "Location" and key.endswith(" " + noun):
                facilities.setdefault(_key(key[: -len(noun)].strip()), i)
    for i, m in enumerate(mentions):
        key = _key(m["text"])
        words = key.split()
        if len(words) == 1 and m["label"] in ("Person", "Organization", "Location", "PublicBody"):
            owners = {
                union.find(j)
                for j in full_people
                if j != i and _key(mentions[j]["text"]).split()[-1] == key
            }
            if len(owners) == 1 and m["label"] != "PublicBody" and (
                m["label"] != "Location" or m["source"] == "ner"
            ):
                # a recogniser's "Location" for a bare surname is its mistake; a
                # gazetteer place ("Paris") is not a person's surname
                union.union(owners.pop(), i)
                continue
            bodies = {union.find(j) for j in full_bodies.get(key, ()) if j != i}
            if len(bodies) == 1 and m["label"] != "Location":
                union.union(bodies.pop(), i)  # "the Department" -> "the Department of State"
                continue
        if key in facilities and m["label"] != "Country":
            union.union(facilities[key], i)


def _fuzzy(mentions: list[Mention], union: _Union) -> None:
    """Join near spellings, comparing each distinct (key, gazetteer?) once."""
    firsts: dict[tuple[str, bool], int] = {}
    for i, m in enumerate(mentions):
        firsts.setdefault((_key(m["text"]), m["source"] == "gazetteer"), i)
    items = [(key, gaz, i) for (key, gaz), i in firsts.items() if len(key) >= 6]
    for a in range(len(items)):
        key_a, gaz_a, i = items[a]
        for b in range(a + 1, len(items)):
            key_b, gaz_b, j = items[b]
            if (gaz_a and gaz_b) or union.find(i) == union.find(j):
                continue  # the gazetteer already said whether they differ
            if _word_part(key_a, key_b):
                continue  # "ISIS-Democratic Republic of the Congo" is not the country
            if fuzz.ratio(key_a, key_b, score_cutoff=FUZZY_THRESHOLD):
                union.union(i, j)


def _word_part(a: str, b: str) -> bool:
    """Whether the shorter key is the longer one less whole words (or a hyphenated
    prefix): a name inside another is a different thing, not a spelling of it."""
    short, long = sorted((a, b), key=len)
    at = long.find(short)
    if at < 0:
        return False
    end = at + len(short)
    return (at == 0 or not long[at - 1].isalnum()) and (end == len(long) or not long[end].isalnum())


def _entity(group: list[Mention]) -> EntityGroup:
    votes: Counter[str] = Counter()
    for m in group:
        votes[m["label"]] += SOURCE_WEIGHTS.get(m["source"], DEFAULT_WEIGHT)
    label = max(votes, key=lambda k: (votes[k], k))
    trusted = [m for m in group if m["source"] in ("gazetteer", "repair")]
    if trusted:
        name = Counter(m["canonical"] for m in trusted).most_common(1)[0][0]
    else:
        name = max((m["text"] for m in group), key=lambda t: (len(t), t[:1].isupper()))
    qid = next((m["qid"] for m in group if m["qid"]), None)
    return EntityGroup(
        name=name,
        type=label,
        qid=qid,
        mentions=[[m["start"], m["end"]] for m in group],
        surfaces=list(dict.fromkeys(m["text"] for m in group)),
    )


@Language.factory(
    "claimgraph_entity_groups",
    default_config={"language": "en"},
    assigns=["doc._.entities"],
    requires=["doc._.mentions"],
)
def make_entity_groups(nlp: Language, name: str, language: str) -> EntityGrouper:
    return EntityGrouper(language)
