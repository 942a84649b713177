"""Find the arguments of a relation cue: which entity mentions are its subject and object.

``Arguments`` indexes one Doc's mentions by token and answers, for a cue span, the
mentions in each argument slot of ``relation_cues.SLOTS`` (left, right, possessor, ...),
plus the holder and body of a role noun. Every answer is filtered by the entity types the
predicate allows and expanded over coordination ("A, B and C").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.attributes import doc_text
from claimgraph.nlp.components.relation_cues import Lexicon

SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
OBJECT_DEPS: Final = frozenset({"dobj", "obj"})
PASSIVE_DEPS: Final = frozenset({"auxpass", "nsubjpass", "aux:pass", "nsubj:pass"})
CLIMB_DEPS: Final = frozenset(
    {
        "conj",
        "xcomp",
        "advcl",
        "pcomp",
        "prep",
        "pobj",
        "dobj",
        "obj",
        "obl",
        "obl:arg",
        "ccomp",
        "case",
        "mark",
        "acomp",
        "attr",  # "It is the East African branch of X": the copula's subject
        "nmod",
    }
)
MODIFIER_DEPS: Final = frozenset({"acl", "acl:relcl", "relcl", "amod"})
OBJECT_RELATIVES: Final = frozenset({"que", "qu'", "qu’", "which", "that", "whom"})
SUBJECT_RELATIVES: Final = frozenset({"qui", "which", "who", "that"})
POSSESSIVE_RELATIVES: Final = frozenset({"whose", "dont"})
INVERTING_RELATIVES: Final = frozenset({"que", "qu'", "qu’"})  # French puts the subject after
RELATIVE_PRONOUNS: Final = frozenset({"who", "which", "that", "qui", "que", "lequel", "laquelle"})
PRONOUNS: Final = frozenset(
    {
        "it",
        "its",
        "they",
        "their",
        "them",
        "il",
        "elle",
        "ils",
        "elles",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
    }
)
OBJECT_PRONOUNS: Final = frozenset({"it", "l'", "l’", "le", "la", "y"})  # "designated it", "l'a inscrit" (singular: a plural rarely has one clear antecedent)
NON_PERSONAL: Final = frozenset({"it", "its"})
# anaphor nouns too common to point at the entity last described by them
# words of a time adverbial between a name and the role in apposition to it: "X, at the
# time al-Qaeda's affiliate", "X, à l'époque branche d'Y"
TIME_WORDS: Final = frozenset({"at", "the", "time", "then", "once", "still", "now", "à", "l'", "l’", "époque", "alors"})
# number words of a counted plural anaphor: "the two camps", "both groups", "les deux"
PAIR_WORDS: Final = {"two": 2, "both": 2, "three": 3, "deux": 2, "trois": 3}
PARTICIPLE_ENDINGS: Final = ("ed", "en", "é", "ée", "és", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "it", "its")
RELATIVE_CLAUSE_DEPS: Final = frozenset({"relcl", "acl:relcl"})
SINGULAR_POSSESSIVES: Final = frozenset({"its", "his", "her"})  # French "son, sa" agree with the thing owned
GENERIC_ANAPHORS: Final = frozenset({"group", "groupe", "organization", "organisation"})
PARTITIVE_NOUNS: Final = frozenset(
    {"faction", "wing", "branch", "splinter", "elements", "aile", "branche", "éléments"}
)
NON_PERSONAL_SUBJECTS: Final = frozenset({"it", "elle", "il"})
PERSONAL_POSSESSIVES: Final = frozenset({"his", "her", "son", "sa", "ses"})
NAMING_PREPOSITIONS: Final = frozenset({"of", "de", "d'", "du", "d’"})
HELD_BY: Final = frozenset(
    {"held", "occupied", "filled", "occupé", "occupée", "tenu", "tenue", "détenu", "détenue"}
)
POSSESSIVE_MARKS: Final = frozenset({"'s", "’s", "'", "’"})
ROLE_MARKERS: Final = frozenset({"as", "comme"})
OPINION_VERBS: Final = frozenset(
    {"regard", "consider", "view", "see", "describe", "brand", "label", "call", "deem",
     "considérer", "regarder", "voir", "décrire", "qualifier"}
)  # fmt: skip  # "served as emir", "nommé comme chef"
CLAUSE_BREAKS: Final = frozenset({";", ".", "!", "?", "(", ")", "—", "–"})
MAX_RIGHT_GAP: Final = 8
MAX_LEFT_GAP: Final = 12
MAX_CLIMB: Final = 6
SALIENCE_SENTENCES: Final = 3  # "the group" looks back this many sentences for its subject
MAX_APPOSITION_WORDS: Final = 6  # "the Kurdish-led alliance", "une coalition djihadiste"


@dataclass(frozen=True, slots=True)
class Arg:
    """A mention as a relation argument: its entity's canonical name and type."""

    start: int  # character offsets
    end: int
    first: int  # token offsets [first, last)
    last: int
    name: str
    type: str


class Arguments:
    """The mentions of one Doc, indexed for argument finding."""

    def __init__(
        self,
        doc: Doc,
        args: list[Arg],
        lexicon: Lexicon,
        title: Arg | None = None,
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc) if text is None else text
        self.title = title
        self.args = sorted(args, key=lambda arg: (arg.first, -arg.last))
        self.firsts = [arg.first for arg in self.args]  # for bisecting to a token
        self.lex = lexicon
        self.coordination = frozenset(w for w in lexicon.coordination if " " not in w)
        self.phrases = tuple(w for w in lexicon.coordination if " " in w)
        self.phrase_words = frozenset(word for phrase in self.phrases for word in phrase.split())
        self.at_token: list[int] = [-1] * len(doc)
        for index, arg in enumerate(self.args):
            for i in range(arg.first, arg.last):
                if self.at_token[i] == -1:
                    self.at_token[i] = index
        self._topics: dict[str, str | None] = {}
        self._salient: dict[tuple[int, str, bool], Arg | None] = {}
        self._descriptions: dict[str, list[tuple[int, Arg]]] | None = None  # built on first use
        self._name_words: dict[str, list[Arg]] | None = None  # word of a name -> its args
        # subjects of the relations already found, in text order: where the parse gives a
        # pronoun no subject to refer to, the last of these is what the text is about
        self.stated_subjects: list[Arg] = []
        self.stated_objects: set[tuple[int, int]] = set()  # (first, last) of their objects
        self.sent_starts: list[int] = []  # sentence bounds, built on first use

    def sentence_number(self, i: int) -> int:
        """The index of the sentence holding token ``i`` (Token.sent walks the Doc on
        every call; this builds the bounds once)."""
        if not self.sent_starts:
            self.sent_starts = [sent.start for sent in self.doc.sents] + [len(self.doc)]
        return bisect_right(self.sent_starts, i) - 1

    def sentence(self, i: int) -> Span:
        """The sentence holding token ``i``."""
        number = self.sentence_number(i)
        return self.doc[self.sent_starts[number] : self.sent_starts[number + 1]]

    # ---- scope -------------------------------------------------------------------
    def scope(self, token: Token) -> tuple[int, int]:
        """Token range of the clause scope: the sentence, clipped to the line."""
        sent = self.sentence(token.i)
        text = self.text
        line_start = text.rfind("\n", 0, token.idx) + 1
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end == -1 else line_end
        first, last = sent.start, sent.end
        while first < token.i and self.doc[first].idx < line_start:
            first += 1
        while last > token.i + 1 and self.doc[last - 1].idx >= line_end:
            last -= 1
        return first, last

    # ---- helpers -----------------------------------------------------------------
    def arg_at(self, i: int) -> Arg | None:
        index = self.at_token[i] if 0 <= i < len(self.at_token) else -1
        return self.args[index] if index >= 0 else None

    def is_modifier(self, arg: Arg) -> bool:
        """True when the mention modifies a following common noun ("AQ leaders",
        "Al-Qaeda loyalists", "the AQ-affiliated group", "Hurras al-Din's council")."""
        doc = self.doc
        if arg.last >= len(doc):
            return False
        nxt = doc[arg.last]
        if self.arg_at(nxt.i) is not None or nxt.lower_ in self.lex.unit_nouns:
            return False  # "Islamic State cells", "JNIM fighters": the group itself acts
        if nxt.text in POSSESSIVE_MARKS:
            after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            return after is not None and (
                after.pos_ in ("NOUN", "ADJ")
                or self.arg_at(after.i) is not None  # "Iraq's Ministry of Migration": the Ministry
            )
        if nxt.text == "-" and nxt.idx == doc[arg.last - 1].idx + len(doc[arg.last - 1].text):
            return True
        if arg.type in self.lex.anaphors.get(nxt.lower_, ()):
            return False  # "al-Malikiyah district", "Idlib province": a name and its class
        return nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in self.lex.gap

    def topic(self, entity_type: str) -> str | None:
        """The document's main entity of a type: its title entity when of that type, else
        the one mentioned most (first wins ties)."""
        if self.title is not None and self.title.type == entity_type:
            return self.title.name
        if entity_type not in self._topics:
            counts = Counter(arg.name for arg in self.args if arg.type == entity_type)
            best = max(counts.values(), default=0)
            self._topics[entity_type] = next(
                (
                    arg.name
                    for arg in self.args
                    if arg.type == entity_type and counts[arg.name] == best
                ),
                None,
            )
        return self._topics[entity_type]

    def anaphor(self, token: Token, types: frozenset[str]) -> list[Arg]:
        """ "the group" / "le gouvernorat" -> the entity of a matching type that the text
        is talking about: the subject of that type in the nearest of the last sentences,
        else the document's main entity of the type."""
        if token.lower_ not in self.lex.anaphors:
            return self._counted_anaphor(token, types)
        kinds = self.lex.anaphors.get(token.lower_, frozenset()) & types
        if not kinds or not self._determined(token):
            return []
        described = self._described_as(token) or self._named_with(token)
        if described is not None and described.type in kinds:
            # "JNIM is a Salafi jihadist coalition ... . The coalition is at war with ...";
            # "the al-Nusra Front ... . the front was renamed"
            return [Arg(token.idx, token.idx + len(token.text), token.i, token.i + 1, described.name, described.type)]
        groups_only = token.lower_ in GENERIC_ANAPHORS  # "the group" is no "African Union Mission"
        for kind in sorted(kinds):
            found = self.salient(token.i, kind, groups_only=groups_only)
            name = found.name if found is not None else self.topic(kind)
            if name:
                return [
                    Arg(token.idx, token.idx + len(token.text), token.i, token.i + 1, name, kind)
                ]
        return []

    def _described_as(self, token: Token) -> Arg | None:
        """The entity the text last called by ``token``'s noun before it, in a copula ("JNIM
        is a jihadist coalition", "le GSIM est une coalition") or an apposition ("JNIM, a
        coalition of ..."); the commonest nouns ("group", "organisation") are left to
        salience."""
        noun = token.lower_
        if noun in GENERIC_ANAPHORS:
            return None
        if self._descriptions is None:
            self._descriptions = {}
            for tok in self.doc:
                if tok.pos_ != "NOUN" or tok.lower_ not in self.lex.anaphors:
                    continue
                named: Arg | None = None
                if tok.dep_ == "attr":
                    subject = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
                    named = self.arg_at(subject.i) if subject is not None else None
                elif any(c.dep_ == "cop" for c in tok.children):
                    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
                    named = self.arg_at(subject.i) if subject is not None else None
                elif tok.dep_ == "appos":
                    named = self.arg_at(tok.head.i)
                if named is not None:
                    self._descriptions.setdefault(tok.lower_, []).append((tok.i, named))
        earlier = [arg for i, arg in self._descriptions.get(noun, ()) if i < token.i]
        return earlier[-1] if earlier else None

    def _counted_anaphor(self, token: Token, types: frozenset[str]) -> list[Arg]:
        """ "the two camps", "both groups", "les deux groupes": the last that many distinct
        entities of the noun's type named before it, in its sentence or the three before."""
        count = next((PAIR_WORDS[c.lower_] for c in token.children if c.lower_ in PAIR_WORDS), None)
        if count is None and token.i > 0:
            count = PAIR_WORDS.get(self.doc[token.i - 1].lower_)
        kinds = self.lex.anaphors.get(token.lemma_.lower(), frozenset()) & types
        if count is None or not kinds or token.lower_ == token.lemma_.lower():
            return []  # a singular noun, or a plural without its number: "the camps"
        number = self.sentence_number(token.i)
        floor = self.sent_starts[max(number - SALIENCE_SENTENCES, 0)]  # the count narrows it
        # the subjects the text was about first ("ISIS-Mozambique ... is also listed ... .
        # The ADF ... . Both groups"), else the names last mentioned ("in al-Hol and Roj")
        subjects: list[Arg] = []
        for i in range(token.i - 1, floor - 1, -1):
            arg = self.arg_at(i) if self.doc[i].dep_ in SUBJECT_DEPS else None
            if arg is not None and arg.type in kinds and all(arg.name != n.name for n in subjects):
                subjects.append(arg)
        # names holding the noun first ("al-Hol camp", "Roj camp" for "both camps", not
        # the governorate named between them)
        noun = token.lemma_.lower()
        names: list[Arg] = []
        for holding in (True, False):
            for index in range(bisect_left(self.firsts, token.i) - 1, -1, -1):
                arg = self.args[index]
                if arg.first < floor or len(names) == count:
                    break
                if arg.last > token.i or arg.type not in kinds:
                    continue
                if holding and noun not in arg.name.lower().split():
                    continue
                if all(arg.name != n.name for n in names):
                    names.append(arg)
            if len(names) == count:
                break
        if len(subjects) >= count:
            names = subjects[:count]
        elif len(names) < count:
            return []
        return [
            Arg(token.idx, token.idx + len(token.text), token.i, token.i + 1, arg.name, arg.type)
            for arg in reversed(names)
        ]

    def _named_with(self, token: Token) -> Arg | None:
        """The one entity before ``token`` whose name holds its noun as a word: "the front"
        for "al-Nusra Front", "le mouvement" for "Mouvement Nour al-Din al-Zenki". When two
        names hold it ("Idlib Governorate", "Latakia Governorate"), and for the commonest
        nouns ("group", "organisation"), it is left to salience."""
        noun = token.lower_
        if noun in GENERIC_ANAPHORS:
            return None
        if self._name_words is None:
            self._name_words = {}
            for arg in self.args:  # the entity's name and the words as written here
                written = f"{arg.name} {self.text[arg.start : arg.end]}".lower()
                for word in set(re.findall(r"\w+", written)):
                    self._name_words.setdefault(word, []).append(arg)
        earlier = [arg for arg in self._name_words.get(noun, ()) if arg.last <= token.i]
        if not earlier or any(arg.name != earlier[0].name for arg in earlier):
            return None
        return earlier[-1]

    def _determined(self, token: Token) -> bool:
        return any(child.lower_ in self.lex.determiners for child in token.children) or (
            token.i > 0 and self.doc[token.i - 1].lower_ in self.lex.determiners
        )

    def _group_name(self, arg: Arg) -> bool:
        return not any(word in self.lex.not_groups for word in arg.name.lower().split())

    def salient(
        self, before: int, kind: str, depth: int = 0, *, groups_only: bool = False
    ) -> Arg | None:
        """The grammatical subject of type ``kind`` nearest before token ``before``, in its
        sentence or the two before it; a subject that is itself an anaphor ("The group
        ...") stands for what it resolves to. ``groups_only`` passes over bodies whose
        names say they are no armed group (``not_groups``)."""
        key = (before, kind, groups_only)
        if key in self._salient:
            return self._salient[key]
        number = self.sentence_number(before)
        found: Arg | None = None
        for n in range(number, max(number - SALIENCE_SENTENCES, -1), -1):
            start = self.sent_starts[n]
            end = before if n == number else self.sent_starts[n + 1]
            for i in range(end - 1, start - 1, -1):
                tok = self.doc[i]
                if tok.dep_ not in SUBJECT_DEPS or tok.head.i == self.doc[before].head.i:
                    continue  # not the subject of the anaphor's own verb ("X joined the group")
                if any(child.dep_ == "conj" for child in tok.children) or (
                    sum(c.dep_ in SUBJECT_DEPS for c in tok.head.children) > 1
                ):
                    continue  # "A, B et C se fondent": a list is no singular "the group"
                arg = self.arg_at(i)
                if (
                    arg is None
                    and depth < 2
                    and kind in self.lex.anaphors.get(tok.lower_, ())
                    and self._determined(tok)
                ):
                    arg = self.salient(i, kind, depth + 1)
                elif arg is None and depth < 2 and tok.lower_ in NON_PERSONAL_SUBJECTS:
                    # "It was founded ... . ... the group itself": what "it" stood for
                    referent = self.pronoun(tok, frozenset({kind}))
                    arg = referent[0] if referent else None
                if (
                    arg is not None
                    and arg.type == kind
                    and not self.is_modifier(arg)
                    and (not groups_only or self._group_name(arg))
                ):
                    found = arg
                    break
            if found is not None:
                break
        self._salient[key] = found
        return found

    def pronoun(
        self, token: Token, types: frozenset[str], *, nearest: bool = False, depth: int = 0
    ) -> list[Arg]:
        """A third-person pronoun -> the nearest compatible mention before it that is a
        grammatical subject, else the nearest one (same or previous sentence)."""
        if token.lower_ not in PRONOUNS and not self._object_pronoun(token):
            return []
        if token.lower_ in NON_PERSONAL:
            types = types - {"Person"}
        # an object pronoun never stands for the subject of its own verb ("the Department
        # designated it": "it" is not the Department)
        own_subjects = (
            {c.i for c in token.head.children if c.dep_ in SUBJECT_DEPS}
            if self._object_pronoun(token)
            else set()
        )
        # a subject pronoun does not stand for a name its own sentence governs by a
        # preposition ("Inscrite sur la liste par le Conseil de sécurité, elle affronte ...")
        own_names = {
            found.name for i in own_subjects if (found := self.arg_at(i)) is not None
        }
        number = self.sentence_number(token.i)
        sentence_start = self.sent_starts[number]
        subject_pronoun = token.dep_ in SUBJECT_DEPS
        floor = self.sent_starts[max(number - 1, 0)]
        candidates: list[Arg] = []
        subjects: list[Arg] = []
        for i in range(token.i - 1, floor - 1, -1):
            arg = self.arg_at(i)
            tok = self.doc[i]
            if arg is None and tok.dep_ in SUBJECT_DEPS and self._determined(tok):
                # "The coalition is at war ... . Its emir": the anaphor's referent
                for kind in sorted(self.lex.anaphors.get(tok.lower_, frozenset()) & types):
                    if (referent := self.salient(i, kind)) is not None:
                        subjects.append(referent)
                        break
            elif (
                arg is None
                and depth < 2
                and (
                    (tok.dep_ in SUBJECT_DEPS and tok.lower_ in NON_PERSONAL_SUBJECTS)
                    or self._object_pronoun(tok)
                )
            ):
                # "It was founded in 2017 ... . Its emir": what that "it" stood for
                subjects.extend(self.pronoun(tok, types, depth=depth + 1))
            if arg and own_subjects and (
                any(j in own_subjects for j in range(arg.first, arg.last))
                or arg.name in own_names  # "Zenki ... . Zenki la quitte": not Zenki again
            ):
                continue
            if arg and subject_pronoun and arg.first >= sentence_start and self._governed(arg):
                continue
            if arg and arg.type in types and not self.is_modifier(arg):
                candidates.append(arg)
                if tok.dep_ in SUBJECT_DEPS or any(
                    self.doc[j].dep_ in SUBJECT_DEPS for j in range(arg.first, arg.last)
                ):
                    subjects.append(arg)
        if own_subjects or self._object_pronoun(token):
            # an object pronoun: the nearest mention before it in its sentence ("seized the
            # town of X and still holds it"), else the last subject ("... . The Department
            # designated it")
            start = self.sent_starts[number]
            here = [a for a in candidates if a.first >= start]
            if here:
                return here[:1]
        if nearest:  # the subject of its own clause, the nearest mention before it in the
            # sentence, else the last subject ("the group itself is led by its secretary")
            own = self._clause_subject(token, types)
            if own:
                return own
            start = self.sent_starts[number]
            candidates_here = [a for a in candidates if a.first >= start]
            if candidates_here:
                return candidates_here[:1]
        # a parsed subject that a relation of its sentence read as an object is a parse
        # error ("HTC combat l'armée" with "armée" tagged as a subject)
        subjects = [a for a in subjects if (a.first, a.last) not in self.stated_objects]
        if not subjects:
            stated = [
                a
                for a in self.stated_subjects
                if floor <= a.first < token.i
                and a.type in types
                and a.name not in own_names
                and not self.is_modifier(a)
            ]
            if stated:
                return stated[-1:]  # "..., HTC combat l'armée. En 2020, elle a écrasé ..."
        return (subjects or candidates)[:1]

    def _object_pronoun(self, token: Token) -> bool:
        return (
            token.lower_ in OBJECT_PRONOUNS
            # "la quitte": a clitic the tagger may read as a determiner of the verb
            and (token.pos_ == "PRON" or token.dep_ in ("obj", "iobj"))
            and token.dep_ not in SUBJECT_DEPS  # "It was founded": a subject
        )

    def clitic(self, span: Span, types: frozenset[str]) -> list[Arg]:
        """The object pronoun inside a cue ("l'a inscrit", "les a désignés"), resolved."""
        for token in span:
            if self._object_pronoun(token):
                return self.pronoun(token, types)
        return []

    def _clause_subject(self, token: Token, types: frozenset[str]) -> list[Arg]:
        """The subject of the clause a possessive sits in, when it is not part of the
        possessive's own phrase and resolves to an entity of ``types``."""
        head = token.head
        for _ in range(MAX_CLIMB):
            subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                if subject.i <= token.i <= max(t.i for t in subject.subtree):
                    return []  # "its leader said": the possessive is inside the subject
                if subject.lower_ in PRONOUNS:
                    return []
                arg = self.arg_at(subject.i)
                if arg is not None:
                    return [arg] if arg.type in types and not self.is_modifier(arg) else []
                if token.lower_ in SINGULAR_POSSESSIVES and "Plur" in subject.morph.get("Number"):
                    return []  # "Both groups are claimed by X as part of its ...": not theirs
                return self.anaphor(subject, types)
            if head.head is head:
                return []
            head = head.head
        return []

    def relative_antecedent(self, token: Token, types: frozenset[str]) -> list[Arg]:
        """What a relative determiner refers to: "the Taliban, who now govern Afghanistan and
        whose General Directorate ...": the noun the relative clause (or the clause it is
        coordinated with) modifies."""
        verb = token.head.head if token.head is not token else token
        for _ in range(MAX_CLIMB):  # through coordination (the parser may hang the second
            # relative clause on the first one's object)
            if verb.dep_ in RELATIVE_CLAUSE_DEPS or verb.head is verb or verb.dep_ not in (
                "conj", "dobj", "obj"
            ):
                break
            verb = verb.head
        if verb.dep_ not in RELATIVE_CLAUSE_DEPS or verb.head is verb:
            # "who now govern X and whose Y ...": the parser may coordinate the second
            # relative clause with the main verb; the first relative pronoun still says
            sent_start = self.sentence(token.i).start
            for i in range(token.i - 1, max(sent_start, token.i - 12) - 1, -1):
                word = self.doc[i]
                if word.lower_ in RELATIVE_PRONOUNS and word.head.dep_ in RELATIVE_CLAUSE_DEPS:
                    verb = word.head
                    break
            else:
                return []
        return [a for a in self.resolve(verb.head, types, conjuncts=False) if a.type in types]

    def latter(self, token: Token, types: frozenset[str]) -> list[Arg]:
        """ "the latter" / "ce dernier" / "celle-ci" -> the last compatible mention before
        the sentence (within the two sentences before it)."""
        word = token.lower_
        if word not in self.lex.latter:
            return []
        if "-" not in word and not (
            token.i > 0 and self.doc[token.i - 1].lower_ in self.lex.determiners
        ):
            return []  # "the latter", "ce dernier"; not "le dernier rapport"
        number = self.sentence_number(token.i)
        start = self.sent_starts[number]
        floor = self.sent_starts[max(number - 2, 0)]
        for i in range(start - 1, floor - 1, -1):
            arg = self.arg_at(i)
            if arg and arg.type in types and not self.is_modifier(arg):
                return [
                    Arg(
                        token.idx,
                        token.idx + len(token.text),
                        token.i,
                        token.i + 1,
                        arg.name,
                        arg.type,
                    )
                ]
        return []

    def resolve(
        self, token: Token, types: frozenset[str], *, conjuncts: bool = True
    ) -> list[Arg]:
        """The argument a syntactic head token stands for, with its conjuncts."""
        found: list[Arg] = []
        for tok in (token, *token.conjuncts) if conjuncts else (token,):
            arg = self.arg_at(tok.i)
            if arg is None:
                # a common noun in apposition to a mention, or vice versa
                appos = [
                    c
                    for c in tok.children
                    if c.dep_ == "appos"
                    and self.arg_at(c.i)
                    and abs(c.i - tok.i) <= MAX_APPOSITION_WORDS + 2  # not a parse's far leap
                ]
                arg = self.arg_at(appos[0].i) if appos else None
                if arg is None and tok.dep_ == "appos":
                    arg = self.arg_at(tok.head.i)
                if arg is None and tok.lower_ not in PRONOUNS:  # "X, elle ...": no apposition
                    arg = self._named_by(tok) or self._apposed_to(tok)
            if arg is not None and arg.type in types:
                found.append(arg)
            elif arg is None and not found:
                found.extend(
                    self.latter(tok, types)
                    or self.anaphor(tok, types)
                    or self.pronoun(tok, types)
                    or self._partitive(tok, types)
                )
        return _unique(found)

    def _apposed_to(self, tok: Token) -> Arg | None:
        """``apposed``, except for a clause's bare subject after a name governed by a
        preposition: in "then an envoy of the Islamic State of Iraq, the front was renamed"
        the front is not the Islamic State of Iraq."""
        arg = self.apposed(tok.i, 0)
        if arg is not None and self._governed(arg) and self._bare_subject(tok):
            return None
        return arg

    def _bare_subject(self, tok: Token) -> bool:
        """Whether ``tok`` heads its clause's subject with only auxiliaries and adverbs
        before its verb ("..., the front was renamed")."""
        verb = tok.head
        if tok.pos_ != "NOUN" or tok.dep_ not in SUBJECT_DEPS or verb.i <= tok.i:
            return False  # a relative pronoun ("X, who later served") is X's
        phrase = self.doc[tok.left_edge.i : tok.right_edge.i + 1]
        if any(t.is_punct for t in phrase):
            return False  # "X, un groupe fondé par Y, dit Z, ...": a parse's long reach
        between = self.doc[tok.right_edge.i + 1 : verb.i]
        return all(t.pos_ in ("AUX", "ADV", "PART") for t in between)

    def _partitive(self, tok: Token, types: frozenset[str]) -> list[Arg]:
        """The group a part of it stands for as an actor: "a faction of the ADF swore
        allegiance" -> the ADF; "une aile de X a rejoint" -> X."""
        if tok.lower_ not in PARTITIVE_NOUNS:
            return []
        for i in range(tok.i + 1, min(len(self.doc), tok.i + 4)):
            if self.doc[i].lower_ not in NAMING_PREPOSITIONS and self.doc[i].pos_ != "DET":
                arg = self.arg_at(i)
                return [arg] if arg is not None and arg.type in types else []
        return []

    def _named_by(self, tok: Token) -> Arg | None:
        """The mention that names a common noun: "the Bab al-Hawa crossing" (compound),
        "the city of Idlib", "la ville de Sarmada" (a class noun and its name)."""
        for child in tok.children:
            if child.dep_ == "compound" and (arg := self.arg_at(child.i)) is not None:
                return arg
        if tok.lower_ not in self.lex.anaphors:
            return None
        for child in tok.children:
            if child.dep_ == "nmod" and _named_after(tok, child) and (arg := self.arg_at(child.i)):
                return arg
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and (arg := self.arg_at(grandchild.i)):
                        return arg
        return None

    def apposed(self, start: int, first: int) -> Arg | None:
        """The mention a noun phrase starting near ``start`` is in apposition to, by word
        order: "GSIM, une coalition ...", "X, the former branch of ...", "the Syrian
        Democratic Forces (SDF), the Kurdish-led alliance ..." (the parser often misses
        these)."""
        doc = self.doc
        i = start - 1
        while i >= first and start - i <= MAX_APPOSITION_WORDS and _noun_phrase_word(doc[i]):
            if self.arg_at(i) is not None:
                return None
            i -= 1
        if i - 1 < first or doc[i].text != ",":
            return None
        before = i - 1
        if doc[before].text == ")":  # "X (SDF), the ...": skip the parenthesis
            opening = before
            while opening > first and before - opening <= 10 and doc[opening].text != "(":
                opening -= 1
            if doc[opening].text != "(":
                return None
            before = opening - 1
        return self.arg_at(before) if before >= first else None

    def object_relative(
        self, span: Span, subject_types: frozenset[str], object_types: frozenset[str]
    ) -> tuple[list[Arg], list[Arg]] | None:
        """(subjects, objects) of a verb cue in a relative clause on its object, by word
        order (the small models rarely parse these): "le PNAT, que dirige X", "le Front
        al-Nosra, qu'X a fondé", "Roj camp, which the SDF control"."""
        doc = self.doc
        i, first = self._before_verb(span.start)
        if i < first:
            return None
        subjects: list[Arg] = []
        if doc[i].lower_ in INVERTING_RELATIVES:  # "que dirige X": the subject follows
            relative = i
            subjects = self.right(span.end, min(len(doc), span.end + 4), subject_types)
        elif (
            before := self.arg_at(i - 1 if doc[i].text == "," else i)
        ) is not None and before.type in subject_types:
            # "qu'X a fondé", "which the SDF control", "que son porte-parole, X, avait fondé"
            relative = before.first - 1
            while (
                relative >= first
                and before.first - relative <= 5
                and doc[relative].lower_ not in OBJECT_RELATIVES
                and (doc[relative].pos_ in ("DET", "NOUN", "ADJ") or doc[relative].text == ",")
            ):
                relative -= 1
            if relative < first or doc[relative].lower_ not in OBJECT_RELATIVES:
                return None
            subjects = [before]
        else:
            return None
        if not subjects:
            return None
        antecedent = self._antecedent(relative, first, object_types)
        return (subjects, [antecedent]) if antecedent is not None else None

    def subject_relative(self, start: int, types: frozenset[str]) -> list[Arg] | None:
        """The antecedent of a subject relative pronoun right before a verb cue ("les FDS,
        qui ont combattu l'EI", "the SDF, which guards ..."), by word order; None when
        the cue does not follow one."""
        i, first = self._before_verb(start)
        if i < first or self.doc[i].lower_ not in SUBJECT_RELATIVES:
            return None
        relative = self._chained_relative(i, first)
        antecedent = self._antecedent(relative, first, types)
        return [antecedent] if antecedent is not None else None

    def _chained_relative(self, relative: int, first: int) -> int:
        """The first relative pronoun of a chain joined by "and"/"et" ("X, que dirige Y et
        qui siège à Paris"): the one whose antecedent the chain shares."""
        doc = self.doc
        if relative - 1 < first or doc[relative - 1].lower_ not in ("et", "and"):
            return relative
        for j in range(relative - 2, first - 1, -1):
            if doc[j].text in CLAUSE_BREAKS:
                break
            if doc[j].lower_ in OBJECT_RELATIVES | SUBJECT_RELATIVES and doc[j].pos_ in (
                "PRON",
                "SCONJ",
            ):
                return j
        return relative

    def _before_verb(self, start: int) -> tuple[int, int]:
        """(the token before a verb cue starting at ``start``, auxiliaries and adverbs
        skipped; the first token of its clause window)."""
        first = self._clause_floor(start)
        i = start - 1
        while i >= first and start - i <= 3 and self.doc[i].pos_ in ("AUX", "ADV"):
            i -= 1
        return i, first

    def _clause_floor(self, start: int, reach: int = 20) -> int:
        """The first token of the text before ``start`` back to a sentence end or a line
        break (at most ``reach`` tokens): the word-order window of the relative-clause
        rules, which do not depend on the parse."""
        doc = self.doc
        i = start
        while i > 0 and start - i < reach:
            prev = doc[i - 1]
            if prev.text in (".", "!", "?", ";") or "\n" in prev.text:
                break
            i -= 1
        return i

    def _antecedent(self, relative: int, first: int, types: frozenset[str]) -> Arg | None:
        """The mention a relative pronoun at token ``relative`` refers to: the mention right
        before it, or the one a noun phrase before it is in apposition to."""
        doc = self.doc
        k = relative - 1
        if k >= first and doc[k].text == ",":
            found = self.apposed(relative, first)
            if found is None and (arg := self.arg_at(k - 1)) is not None:
                found = arg
        elif (arg := self.arg_at(k)) is not None:
            found = arg
        else:  # "le mouvement que ...": the noun phrase's own apposition
            start = k
            while start - 1 >= first and _noun_phrase_word(doc[start - 1]):
                start -= 1
            found = self.apposed(start, first) if k >= first else None
        return found if found is not None and found.type in types else None

    def coordinated(
        self,
        seed: Arg,
        types: frozenset[str],
        limit: int,
        *,
        leftward: bool = False,
        in_apposition: bool = False,
    ) -> list[Arg]:
        """``seed`` plus mentions listed with it ("A, B and C"), up to token ``limit``. In an
        apposition ("X, affilié à A, et Y"), a comma before "et" closes it: Y is no item."""
        found = [seed]
        doc = self.doc
        current = seed
        while True:
            bracketed = None if leftward else self._bracketed_after(current, limit)
            if bracketed is not None:
                current = bracketed  # "A (ACR) and B": the acronym is A again
            gap_words: list[str] = []
            i = current.first - 1 if leftward else current.last
            nxt: Arg | None = None
            while (i >= limit if leftward else i < limit) and len(gap_words) <= 5:
                arg = self.arg_at(i)
                if arg is not None:
                    nxt = arg
                    break
                word = doc[i].lower_
                if (
                    word not in self.coordination
                    and word not in self.lex.gap
                    and word not in self.phrase_words
                    and word not in self.lex.unit_nouns  # "A et les cellules de B"
                ):
                    break
                gap_words.append(word)
                i += -1 if leftward else 1
            if nxt is None or not self._joins(gap_words[::-1] if leftward else gap_words):
                return found
            if bracketed is not None and gap_words[:1] == [","]:
                return found  # "X, branche de Y (ACR), et Z": the comma closes X's apposition
            if in_apposition and gap_words[:2] == [",", "et"]:
                return found  # French lists take no comma before "et"; English ones may
            if nxt.type in types and not self.is_modifier(nxt):
                found.append(nxt)
            current = nxt

    def _bracketed_after(self, arg: Arg, limit: int) -> Arg | None:
        """The mention alone in brackets right after ``arg`` ("ISIS-DRC (ISIS-DRC)"), as a
        stand-in ending at the closing bracket; None when there is none."""
        doc = self.doc
        i = arg.last
        if i + 2 >= limit or doc[i].text != "(":
            return None
        inner = self.arg_at(i + 1)
        if inner is None or inner.first != i + 1 or inner.last >= limit:
            return None
        if doc[inner.last].text != ")":
            return None
        return Arg(inner.start, inner.end, inner.first, inner.last + 1, inner.name, inner.type)

    def _joins(self, words: list[str]) -> bool:
        """True when the words between two mentions list them ("," "and" "ainsi que")."""
        text = f" {' '.join(words)} "
        joined = False
        for phrase in self.phrases:
            if f" {phrase} " in text:
                text = text.replace(f" {phrase} ", " ")
                joined = True
        rest = text.split()
        if not all(
            w in self.coordination or w in self.lex.gap or w in self.lex.unit_nouns for w in rest
        ):
            return False
        return joined or any(w in self.coordination for w in rest)

    # ---- slots -------------------------------------------------------------------
    def right(
        self,
        end: int,
        limit: int,
        types: frozenset[str],
        stop_at: set[int] | None = None,
        *,
        in_apposition: bool = False,
    ) -> list[Arg]:
        doc = self.doc
        if end < limit and self._object_pronoun(doc[end]):
            return self.pronoun(doc[end], types)  # "designated it a Foreign Terrorist ..."
        gap = 0
        persons_only = False
        i = end
        while i < limit and gap <= MAX_RIGHT_GAP:
            if stop_at and i in stop_at:
                return []
            arg = self.arg_at(i)
            if arg is not None:
                if (
                    arg.type in types
                    and not self.is_modifier(arg)
                    and (not persons_only or arg.type == "Person")
                ):
                    bound = limit if not stop_at else min(stop_at | {limit})
                    after = self._examples(arg.last + 1, bound) if arg.last < bound else None
                    if after is not None and doc[arg.last].text == ",":
                        # "the groups loyal to X, such as Y": Y is the argument
                        found = self.right(after, bound, types, stop_at)
                        if found:
                            return found
                    return self.coordinated(arg, types, bound, in_apposition=in_apposition)
                i = arg.last
                gap += 1
                continue
            tok = doc[i]
            if tok.text in CLAUSE_BREAKS:
                return []
            if (
                gap <= 2
                and tok.pos_ == "NOUN"
                and not (i + 1 < limit and doc[i + 1].lower_ in NAMING_PREPOSITIONS)
                and (found := self.anaphor(tok, types))
            ):
                return found
            if tok.text == ":":
                gap = 0
            elif tok.text == "," and (after := self._examples(i + 1, limit)) is not None:
                # "several groups, including X": the examples are the arguments
                persons_only = False
                gap = 0
                i = after
                continue
            elif tok.text == "," and gap > 0 and self._listing(end, i):
                gap = 0  # "combat à la fois les armées nationales, l'opération Barkhane": a list
            elif tok.text == "," and gap > 0:
                # only an apposition may follow: "a resident of X, Y" (a person),
                # "an Islamist rebel group, Y" (an entity of the noun's type)
                before = doc[i - 1]
                kinds = self.lex.anaphors.get(before.lower_, frozenset()) & types
                if kinds:
                    types = kinds
                elif before.pos_ == "NOUN":
                    persons_only = True
                else:
                    return []
            elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound") and gap > 0:
                return []
            if tok.lower_ in self.lex.person_nouns and any(
                doc[j].lower_ in self.lex.quantifiers or doc[j].like_num
                for j in range(max(end, i - 3), i)
            ):
                persons_only = True
            gap += 1
            i += 1
        return []

    def fronted(self, end: int, limit: int, types: frozenset[str]) -> list[Arg]:
        """The subject of a sentence opened by a participle clause ("Classée comme ... par
        X, HTC contrôle ..."): the first mention after the clause's comma."""
        for i in range(end, limit):
            if self.doc[i].text in CLAUSE_BREAKS:
                return []
            if self.doc[i].text == "," and i + 1 < limit and self.arg_at(i + 1) is None:
                # "Inscrite sur la liste ... par X, elle affronte ...": a pronoun subject
                nxt = self.doc[i + 1]
                if nxt.dep_ in SUBJECT_DEPS and nxt.lower_ in PRONOUNS:
                    return self.pronoun(nxt, types)
                if nxt.pos_ == "DET" and i + 2 < limit and self.doc[i + 2].dep_ in SUBJECT_DEPS:
                    found = self.anaphor(self.doc[i + 2], types)
                    if found:
                        return found
            after = i + 1  # "..., les FDS ont chassé": determiners before the subject
            while after < limit and self.doc[after].pos_ == "DET" and self.arg_at(after) is None:
                after += 1
            if self.doc[i].text == "," and after < limit and self.arg_at(after) is not None:
                arg = self.arg_at(after)
                if arg is not None and arg.type in types and self.arg_at(i - 1) is not None:
                    nxt = self.doc[arg.last] if arg.last < len(self.doc) else None
                    if nxt is None or nxt.lower_ not in self.coordination:
                        return [arg]
        return []

    def _listing(self, start: int, end: int) -> bool:
        """True when "both" / "à la fois" opens the words from ``start`` to ``end``: a list of
        objects follows, its items separated by commas."""
        words = [t.lower_ for t in self.doc[start : min(end, start + 4)]]
        return "both" in words or "fois" in words

    def _examples(self, i: int, limit: int) -> int | None:
        """The token after an examples phrase ("such as", "notamment") starting at ``i``."""
        words = [t.lower_ for t in self.doc[i : min(limit, i + 3)]]
        for phrase in self.lex.examples:
            if tuple(words[: len(phrase)]) == phrase:
                return i + len(phrase)
        return None

    def left(self, root: Token, begin: int, first: int, types: frozenset[str]) -> list[Arg] | None:
        """Subject side. None when the parse gives no subject (the caller may then take
        the nearest mention); [] when it gives one that is no compatible entity."""
        subject = self.subject_token(root) or self._fronted_subject(root)
        if subject is None:
            return None
        # "X ou des groupes liés à Y": a participle on a common noun says nothing of the
        # names listed with that noun
        modified = subject.i != root.i and any(
            t.dep_ in MODIFIER_DEPS and t.head.i == subject.i for t in (root, *root.ancestors)
        )
        found = self.resolve(
            subject, types, conjuncts=not (modified and self.arg_at(subject.i) is None)
        )
        if len(found) > 1 and any(a.first < begin for a in found):
            # "A, B menée par X, et C": the participle after B cannot modify C
            found = [a for a in found if a.first < begin]
        if found:
            seed = min(found, key=lambda a: a.first)
            more = [a for a in self.coordinated(seed, types, begin) if a not in found]
            return _unique(found + more)
        return []

    def _fronted_subject(self, root: Token) -> Token | None:
        """A participle opening its sentence modifies the main clause's subject, whatever
        the parse hung it on: "Chassés de Mogadiscio par l'AMISOM, ..., les Chabab
        conservent ..." (the small French model reads "Chassés" as a noun)."""
        sent = self.sentence(root.i)
        if root.i != sent.start or not root.lower_.endswith(PARTICIPLE_ENDINGS):
            return None
        main = sent.root
        return next(
            (c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i > root.i), None
        )

    def subject_token(self, root: Token) -> Token | None:
        token = root
        for _ in range(MAX_CLIMB):
            if token.dep_ == "appos" and token.head is not token:
                return token.head  # "X, the security force of Y": X
            if token.dep_ in MODIFIER_DEPS and token.head is not token:
                noun = token.head
                if noun.pos_ in ("VERB", "ADJ") and noun.dep_ in MODIFIER_DEPS:
                    token = noun  # "un groupe armé actif au Mali": "actif" hung on "armé"
                    continue
                agent = self._agent_verb(noun)
                if agent is not None:  # "X was formed by fighters who broke away from Y"
                    token = agent
                    continue
                if noun.dep_ != "attr" and not any(c.dep_ == "cop" for c in noun.children):
                    return noun
                token = noun  # "X is a town located in Y": the copula's subject
                if noun.dep_ == "attr":
                    token = noun.head
                continue
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                subject = subjects[0]
                if (
                    subject.pos_ not in ("NOUN", "PROPN", "PRON", "DET")
                    and self.arg_at(subject.i) is None
                    and subject.lower_ not in self.lex.latter
                ):
                    return None  # a parse error: let the caller use word order
                if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ in MODIFIER_DEPS | {"relcl"}:
                    return token.head
                return subject
            if token.dep_ in CLIMB_DEPS and token.head is not token:
                token = token.head
                continue
            return None
        return None

    def _agent_verb(self, noun: Token) -> Token | None:
        """The passive verb whose agent is a plural person noun ("by fighters", "par des
        combattants"), whose subject a relative clause on the noun is about."""
        if noun.lower_ not in self.lex.person_nouns or self.arg_at(noun.i) is not None:
            return None
        if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
            return noun.head.head
        if noun.dep_ == "obl:agent":
            return noun.head
        return None

    def nearest_left(self, begin: int, first: int, types: frozenset[str]) -> list[Arg]:
        gap = 0
        i = begin - 1
        while i >= first and gap <= MAX_LEFT_GAP:
            arg = self.arg_at(i)
            if arg is not None:
                if arg.type in types and not self.is_modifier(arg) and not self._governed(arg):
                    return self.coordinated(arg, types, first, leftward=True)
                i = arg.first - 1
            else:
                if self.doc[i].text in CLAUSE_BREAKS:
                    return []
                i -= 1
            gap += 1
        return []

    def _governed(self, arg: Arg) -> bool:
        """True when a preposition governs the mention ("with X", "avec l'X"): an
        oblique phrase, not a subject."""
        i = arg.first - 1
        while i >= 0 and self.doc[i].pos_ == "DET":
            i -= 1
        return i >= 0 and self.doc[i].pos_ == "ADP"

    def possessor(self, root: Token, types: frozenset[str]) -> list[Arg]:
        for token in (root, root.head if root.dep_ == "conj" else root):
            for child in token.children:
                possessive = child.dep_ == "poss" or child.morph.get("Poss") == ["Yes"]
                if possessive:
                    return self.pronoun(child, types, nearest=True) or self.resolve(child, types)
        return []

    def inside(self, first: int, last: int, types: frozenset[str]) -> list[Arg]:
        found = []
        for i in range(first, last):
            arg = self.arg_at(i)
            if arg and arg.first >= first and arg.last <= last and arg.type in types:
                found.append(arg)
        return _unique(found)

    def adjacent_left(self, first: int, types: frozenset[str]) -> list[Arg]:
        arg = self.arg_at(first - 1)
        return [arg] if arg and arg.type in types else []

    def adjacent_right(self, last: int, types: frozenset[str]) -> list[Arg]:
        arg = self.arg_at(last)
        return [arg] if arg and arg.type in types else []

    def target(self, end: int, limit: int, types: frozenset[str]) -> tuple[list[Arg], int | None]:
        """The mention after a target marker ("to form X"), and the marker's token."""
        words = [t.lower_ for t in self.doc[end:limit]]
        for offset in range(len(words)):
            for marker in self.lex.target_markers:
                if tuple(words[offset : offset + len(marker)]) == marker:
                    start = end + offset
                    found = self.right(start + len(marker), limit, types)
                    if found:
                        return found[:1], start
        return [], None

    # ---- roles -------------------------------------------------------------------
    def role_holder(self, span: Span, limit: tuple[int, int], types: frozenset[str]) -> list[Arg]:
        doc = self.doc
        first, last = limit
        i = span.end
        while (
            i < last
            and i - span.end <= 2
            and self.arg_at(i) is None
            and (doc[i].text == "," or doc[i].pos_ == "DET")
        ):
            i += 1
        arg = self.arg_at(i) if i < last else None
        if arg and arg.type in types:
            return self.coordinated(arg, types, last)
        if (named := self._named_after_body(i, last, types)) is not None:
            return [named]  # "the leader of X, Y", "le chef de X, Y"
        # apposition before: "Fabrice Balanche, géographe à ...", "X, once the group's
        # spokesman", "X, alors porte-parole de Y"
        i, skipped = span.start - 1, 0
        while i >= first and skipped <= 6:
            owner = self.arg_at(i)
            if owner is not None:
                if owner.last < span.start and doc[owner.last].lower_ in POSSESSIVE_MARKS:
                    i = owner.first - 1  # "X, al-Qaeda's affiliate in Syria": the body, skipped
                    continue
                break
            skippable = (
                doc[i].pos_ in ("DET", "ADJ", "ADV")
                or doc[i].dep_ == "advmod"  # "once" read as a conjunction
                or doc[i].lower_ in POSSESSIVE_MARKS
                or doc[i].lower_ in TIME_WORDS  # "X, at the time al-Qaeda's affiliate"
                or (doc[i].pos_ == "NOUN" and i + 1 < span.start and doc[i + 1].lower_ in POSSESSIVE_MARKS)
            )
            if not skippable:
                break
            i, skipped = i - 1, skipped + 1
        if i >= first and doc[i].text == "," and i - 1 >= first:
            arg = self.arg_at(i - 1)
            if arg and arg.type in types:
                return self.coordinated(arg, types, first, leftward=True)
        # copula: "X was the commander of Y", "X est le chef de Y", "X is a coalition ... and
        # the affiliate of Y" (a conjunct of the predicate noun)
        root = span.root
        predicate = root
        while (
            predicate.dep_ == "conj"
            and predicate.head is not predicate
            and predicate.head.pos_ in ("NOUN", "PROPN")
        ):
            predicate = predicate.head
        subject = None
        if predicate.dep_ == "attr":
            subject = next((c for c in predicate.head.children if c.dep_ in SUBJECT_DEPS), None)
        elif any(c.dep_ == "cop" for c in predicate.children):
            subject = next((c for c in predicate.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and root.dep_ == "pobj" and root.head.lower_ in ROLE_MARKERS:
            # "X has served as emir since 2014": the subject of the verb "as" depends on;
            # "Turkey regards the YPG as an offshoot of the PKK": its object
            verb = root.head.head
            if verb.lemma_.lower() in OPINION_VERBS:
                return []  # "Turkey regards the YPG as an offshoot of the PKK": a view, not a role
            subject = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None) or next(
                (c for c in verb.children if c.dep_ in SUBJECT_DEPS), None
            )
        if subject is not None:
            return self.resolve(subject, types)
        # "X, head of A and deputy leader of B": the second role is X's too
        token = root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ == "appos" and token is not root:
            return [a for a in self.resolve(token.head, types) if a.type in types]
        if token is not root and (arg := self.apposed(token.i, first)) and arg.type in types:
            return [arg]
        # "the post of UN Special Rapporteur, currently held by X"
        for i in range(span.end, min(last, span.end + 12)):
            if doc[i].lower_ in HELD_BY and i + 1 < last and doc[i + 1].lower_ in ("by", "par"):
                return self.right(i + 2, last, types)
        return []

    def _named_after_body(self, i: int, last: int, types: frozenset[str]) -> Arg | None:
        """The holder named after the role's body: "the leader of X, Y," (``i`` is the
        first token after the role noun)."""
        doc = self.doc
        if i >= last or doc[i].lower_ not in NAMING_PREPOSITIONS | {"des", "of the"}:
            return None
        i += 1
        while i < last and doc[i].pos_ == "DET" and self.arg_at(i) is None:
            i += 1
        body = self.arg_at(i) if i < last else None
        if body is None or body.last + 1 >= last or doc[body.last].text != ",":
            return None
        holder = self.arg_at(body.last + 1)
        return holder if holder is not None and holder.type in types else None

    def _possessive_before(self, start: int, first: int) -> Token | None:
        """A possessive determiner right before a role noun (adjectives may come between)."""
        i = start - 1
        while i >= first and start - i <= 2 and self.doc[i].pos_ == "ADJ":
            i -= 1
        if i < first or self.arg_at(i) is not None:
            return None
        tok = self.doc[i]
        if tok.lower_ in PERSONAL_POSSESSIVES or (
            tok.lower_ in PRONOUNS and (tok.dep_ == "poss" or tok.morph.get("Poss") == ["Yes"])
        ):
            return tok
        return None

    def _owner(self, token: Token, types: frozenset[str]) -> list[Arg]:
        """The body a possessive stands for: "its"/"leur" -> the pronoun's antecedent;
        "his"/"son" (a person's) -> the nearest body mentioned before it in the sentence."""
        if token.lower_ in PRONOUNS and token.lower_ not in PERSONAL_POSSESSIVES:
            return self.pronoun(token, types - {"Person"})
        first = self.sent_starts[self.sentence_number(token.i)]
        for i in range(token.i - 1, first - 1, -1):
            arg = self.arg_at(i)
            if arg and arg.type in types and not self.is_modifier(arg):
                return [arg]
        if token.lower_ in PRONOUNS:  # "son", "sa": a group's as well as a person's
            return self.pronoun(token, types - {"Person"})
        return []

    def role_body(self, span: Span, limit: tuple[int, int], types: frozenset[str]) -> list[Arg]:
        doc = self.doc
        first, last = limit
        # "X, whose commander-in-chief Y", "X, dont le chef, Y,": the relative's antecedent
        i = span.start - 1
        while (
            i >= first
            and span.start - i <= 3
            and doc[i].pos_ in ("DET", "ADJ")
            and doc[i].lower_ not in POSSESSIVE_RELATIVES
        ):
            i -= 1
        if i >= 0 and doc[i].lower_ in POSSESSIVE_RELATIVES:
            antecedent = self._antecedent(i, self._clause_floor(i), types)
            return [antecedent] if antecedent is not None else []
        # "its emir", "son émir", "his deputy": the group the possessive refers to
        owner = self._possessive_before(span.start, first)
        if owner is not None:
            return self._owner(owner, types)
        # before: "al-Nusrah Front leader", "X's former head", "UN Special Rapporteur"
        i = span.start - 1
        while (
            i >= first
            and self.arg_at(i) is None
            and span.start - i <= 3
            and (doc[i].text in POSSESSIVE_MARKS or doc[i].pos_ in ("ADJ", "PROPN"))
        ):
            if doc[i].text in POSSESSIVE_MARKS and i - 1 >= first and self.arg_at(i - 1) is None:
                return self.anaphor(doc[i - 1], types)
            i -= 1
        arg = self.arg_at(i) if i >= first else None
        if arg and arg.type in types and doc[arg.last - 1].i == i:
            return [arg]
        # after: "commander of the defunct Al-Nusra Front", "géographe à l'Université"
        i = span.end
        prepositions = {"of", "at", "within", "de", "du", "des", "d'", "à", "au", "aux", "auprès"}
        while (
            i < last
            and i - span.end <= 2
            and doc[i].lower_ not in prepositions
            and doc[i].pos_ in ("ADJ", "PROPN", "NOUN")
        ):
            i += 1
        if i < last and doc[i].lower_ in prepositions:
            i += 1
            while (
                i < last
                and self.arg_at(i) is None
                and doc[i].pos_ in ("DET", "ADJ")
                and i - span.end <= 6
            ):
                i += 1
            arg = self.arg_at(i) if i < last else None
            if arg and arg.type in types:
                return [arg]
        return []


def _named_after(noun: Token, name: Token) -> bool:
    """True when ``name`` names ``noun`` right after it ("la ville de Sarmada", "Idlib
    city"), not a noun phrase further on that the parser attached to it."""
    doc = noun.doc
    return name.i == noun.i + 1 or any(
        c.dep_ == "case"
        and c.lower_ in NAMING_PREPOSITIONS
        and c.i > noun.i
        and all(doc[k].pos_ == "ADJ" for k in range(noun.i + 1, c.i))  # "la ville syrienne de"
        for c in name.children
    )


def _unique(args: list[Arg]) -> list[Arg]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for arg in args:
        key = (arg.start, arg.end, arg.name)
        if key not in seen:
            seen.add(key)
            out.append(arg)
    return out


def _noun_phrase_word(token: Token) -> bool:
    """True for the words of an apposed noun phrase before its head: determiners,
    adjectives, nouns and hyphenated modifiers ("the Kurdish-led", "la coalition
    arabo-kurde")."""
    if token.pos_ in ("DET", "ADJ", "NOUN", "NUM") or (token.pos_ == "PROPN" and token.is_lower):
        return True  # a lowercase "proper noun" is a tagging slip ("sharia courts")
    if token.text in ("-", "‑"):
        return True
    if token.lower_ in NAMING_PREPOSITIONS and token.i > 0 and token.doc[token.i - 1].pos_ == "NOUN":
        return True  # "an alliance of sharia courts", "une coalition de groupes"

    # "Kurdish" (PROPN) and "led" (VERB) inside "Kurdish-led"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return (nxt is not None and nxt.text == "-" and not token.whitespace_) or (
        prev is not None and prev.text == "-" and not prev.whitespace_
    )
