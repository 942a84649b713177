"""The relation extractor: PREDICATE-vocabulary relations between entity mentions.

Three sources, all driven by ``data/relation_cues.yaml``:

- cue phrases ("founded by", "broke away from", "prête allégeance à"), found by one
  Matcher; ``relation_args.Arguments`` then finds the subject and object mentions from the
  parse (subject of the verb, possessor of a noun) and the word order (first mention after
  the cue), expanding lists ("A, B et C");
- role nouns ("al-Nusrah Front leader X", "X, géographe à l'Université Y"), found by the
  same Matcher, linking a holder to a body;
- infobox lines ("Chefs principaux Abou ...", "Region: ..."), matched per line against the
  document's title entity.

Arguments are entity mentions (``doc._.mentions``, named by the canonical name of their
group in ``doc._.entities``); a predicate is kept only when the argument types fit its
signature. Output: ``doc._.relations`` (``attributes.Relation``).
"""

from __future__ import annotations

from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph.nlp.attributes import Relation, doc_text
from claimgraph.nlp.components import relation_cues
from claimgraph.nlp.components.cue_patterns import AnchoredMatcher, split_hyphenated
from claimgraph.nlp.components.relation_args import PASSIVE_DEPS, SUBJECT_DEPS, Arg, Arguments
from claimgraph.nlp.components.relation_cues import Cue, Lexicon, RelationCues, Role

OBJECT_DEPS: Final = frozenset({"obj", "dobj", "obl:arg"})
LIST_ITEM_DEPS: Final = frozenset({"conj"})
LOCATIVE_PREPOSITIONS: Final = frozenset({"in", "at", "à", "au", "aux", "en", "dans"})
PLACE_PREDICATES: Final = frozenset({"located_in", "controls"})  # a place may be their object


@Language.factory(
    "claimgraph_relations",
    default_config={"language": "en"},
    assigns=["doc._.relations"],
    requires=["doc._.mentions", "doc._.entities"],
)
def make_relations(nlp: Language, name: str, language: str) -> RelationExtractor:
    return RelationExtractor(nlp, language)


class RelationExtractor:
    """Sets ``doc._.relations``."""

    def __init__(self, nlp: Language, language: str) -> None:
        self.cues: RelationCues = relation_cues.load(language)
        self.matcher = AnchoredMatcher(nlp.vocab)
        self.by_key: dict[str, Cue | Role] = {}
        # per cue, once: the entity types its subject and object slots may hold
        self.types: dict[str, tuple[frozenset[str], frozenset[str]]] = {
            cue.key: self.cues.argument_types(cue) for cue in self.cues.cues
        }

        def pieces(word: str) -> list[str]:
            return [token.lower_ for token in nlp.tokenizer(word)]

        for item in [*self.cues.cues, *self.cues.roles]:
            self.matcher.add(item.key, item.pattern)
            for variant in split_hyphenated(item.pattern, pieces):  # "commander-in-chief"
                self.matcher.add(item.key, variant)
            self.by_key[item.key] = item

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        text = doc_text(doc)
        has_infobox = any(label.label.search(text) for label in self.cues.infobox)
        if not spans and not has_infobox:
            doc._.relations = []
            return doc
        found = mention_args(doc, self.cues.ner_labels)
        args = Arguments(doc, found, self.cues.lexicon, _title(text, found), text)
        relations: list[Relation] = []
        blocked = self._infobox(doc, args, relations) if has_infobox else []
        # cues of the same words ("'s" for a place in a country, and for a leader's group)
        # are all tried on the span that survives the longest-match filter
        keys_at: dict[tuple[int, int], list[str]] = {}
        for span in spans:
            keys_at.setdefault((span.start, span.end), []).append(span.label_)
        for span in filter_spans(spans):
            if any(lo <= span.start_char < hi for lo, hi in blocked):
                continue
            for key in dict.fromkeys(keys_at[(span.start, span.end)]):
                item = self.by_key[key]
                if isinstance(item, Role):
                    self._role(span, item, args, relations)
                else:
                    self._cue(span, item, args, relations)
        doc._.relations = _dedupe(relations)
        return doc

    # ---- cue phrases ---------------------------------------------------------------
    def _cue(self, span: Span, cue: Cue, args: Arguments, out: list[Relation]) -> None:
        slots = (cue.subject, cue.object)
        if "adjacent_left" in slots and args.arg_at(span.start - 1) is None:
            return  # cheap tests first: "in", "dans" and "de" match everywhere
        if "adjacent_right" in slots and (span.end >= len(span.doc) or args.arg_at(span.end) is None):
            return
        root = span.root
        if cue.deps and not _dep_fits(root, cue.deps):
            return
        passive = any(child.dep_ in PASSIVE_DEPS for child in root.children)
        if cue.voice == "active" and passive or cue.voice == "passive" and not passive:
            return
        if any(c.dep_ == "neg" or c.lower_ in self.cues.lexicon.negations for c in root.children):
            return
        subject_types, object_types = self.types[cue.key]
        inverted = None
        if (cue.subject, cue.object) == ("left", "right") and not passive:
            # "the PNAT, que dirige Olivier Christen", "Roj camp, which the SDF control":
            # the antecedent is the object, the clause's own subject the subject (the word
            # order shows a verb even where the tagger read a noun)
            inverted = args.object_relative(span, subject_types, object_types)
        if inverted is not None:
            subjects, objects = inverted
        else:
            if (
                cue.pos
                and root.pos_ != cue.pos
                and not (cue.pos == "VERB" and (_acts_as_verb(root) or _verb_by_order(span, args)))
            ):
                return
            scope = args.scope(root)
            marker: int | None = None
            targets: list[Arg] = []
            if "target" in (cue.subject, cue.object):
                targets, marker = args.target(
                    span.end, scope[1], object_types if cue.object == "target" else subject_types
                )
                if not targets:
                    return
            if cue.object == "each_other":
                # "A and B fought each other", "A et B s'affrontent": the first of the verb's
                # listed subjects against the others; "clashes between A and B": the list after
                listed = (
                    args.right(span.end, scope[1], subject_types)
                    if cue.subject == "right"
                    else args.left(root, span.start, scope[0], subject_types)
                )
                listed = sorted(listed or [], key=lambda a: a.first)
                subjects, objects = listed[:1], [o for o in listed[1:] if o.type in object_types]
            else:
                subjects = self._slot(cue.subject, span, args, scope, subject_types, targets, marker)
                objects = self._slot(cue.object, span, args, scope, object_types, targets, marker)
        sent = args.sentence(span.root.i)
        for stated_subject in subjects:
            for stated_object in objects:
                subject, obj = stated_subject, stated_object
                predicate = next(
                    (p for p in cue.predicates if self.cues.cue_fits(cue, p, subject.type, obj.type)),
                    None,
                )
                if predicate == "located_in" and _facility(obj) and not _facility(subject):
                    # "détenu à Hassaké, dans la prison de Ghwayran": the prison is in the town
                    subject, obj = obj, subject
                if (
                    predicate == "controls"
                    and obj.type == "Country"
                    and obj.first >= span.end
                    and not _right_after(obj, span)
                ):
                    continue  # "contrôle une partie de la région de Ménaka, au Mali": not Mali
                if predicate and subject.name != obj.name and not _setting(predicate, obj, args):
                    args.stated_subjects.append(subject)
                    if obj.first >= span.end:  # an object by word order, after its verb
                        args.stated_objects.add((obj.first, obj.last))
                    out.append(
                        _relation(
                            subject, predicate, obj, sent.start_char, sent.end_char, span.text
                        )
                    )

    def _slot(
        self,
        slot: str,
        span: Span,
        args: Arguments,
        scope: tuple[int, int],
        types: frozenset[str],
        targets: list[Arg],
        marker: int | None,
    ) -> list[Arg]:
        first, last = scope
        stop = {marker} if marker is not None else None
        if slot == "target":
            return targets
        if slot == "right":
            apposition = span.start > 0 and span.doc[span.start - 1].text == ","
            return args.right(span.end, last, types, stop, in_apposition=apposition)
        if slot == "left" or slot == "left+right":
            root = span.root
            found: list[Arg] | None = args.subject_relative(span.start, types)
            # "X, l'ancienne branche de Y", "X, l'une des communes de Y": X
            if not found and (
                root.pos_ in ("NOUN", "PROPN")
                or (span.doc[span.start - 1].text == "," and _modifies_noun_before(span[0]))
            ):
                apposed = args.apposed(span.start, first)
                found = [apposed] if apposed and apposed.type in types else None
            if (
                found is None
                and root.pos_ == "NOUN"
                and root.dep_ in SUBJECT_DEPS | LIST_ITEM_DEPS
                and any(c.pos_ == "DET" for c in root.children)
            ):
                # "a faction of the ADF swore ...", "the merger of A, B and the Sahara branch
                # of X": the noun phrase acts or is listed; nothing before it is its part
                return []
            if found is None:
                found = args.left(root, span.start, first, types)
            if found is None:
                found = args.nearest_left(span.start, first, types)
            if not found and all(t.pos_ in ("ADV", "CCONJ") for t in span.doc[first : span.start]):
                found = args.fronted(span.end, last, types)
            if slot == "left+right":
                found = found + args.right(span.end, last, types, stop)
            return found
        if slot == "possessor":
            return args.possessor(span.root, types)
        if slot == "inside":
            return args.inside(span.start, span.end, types)
        if slot == "adjacent_left":
            return args.adjacent_left(span.start, types)
        if slot == "adjacent_right":
            return args.adjacent_right(span.end, types)
        if slot == "clitic":
            return args.clitic(span, types)
        if slot == "antecedent":
            return args.relative_antecedent(span.root, types)
        if slot == "near_right":
            return args.right(span.end, min(last, span.end + 6), types, stop)
        return []

    # ---- role nouns ------------------------------------------------------------------
    def _role(self, span: Span, role: Role, args: Arguments, out: list[Relation]) -> None:
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if span[0].pos_ == "ADJ" and after is not None and after.pos_ in ("NOUN", "PROPN"):
            return  # "the official affiliate": an adjective on a noun, not the role noun
        scope = args.scope(span.root)
        predicate = role.predicate
        if predicate == "leads" and _one_among_several(span, self.cues.lexicon):
            predicate = "holds_position"  # "a senior commander of X", not "the commander"
        holder_types, body_types = self.cues.signatures[predicate]
        holders = args.role_holder(span, scope, holder_types)
        if not holders:
            return
        bodies = args.role_body(span, scope, body_types)
        if not bodies and _bare_role(span) and args.title is not None and args.title.type in body_types:
            bodies = [args.title]  # "X has served as emir since 2014" in the article on a group
        sent = args.sentence(span.root.i)
        for holder in holders:
            for body in bodies:
                if holder.name != body.name:
                    out.append(
                        _relation(
                            holder, predicate, body, sent.start_char, sent.end_char, span.text
                        )
                    )

    # ---- infobox lines ---------------------------------------------------------------
    def _infobox(self, doc: Doc, args: Arguments, out: list[Relation]) -> list[tuple[int, int]]:
        """Relations of infobox lines; returns the character ranges they cover."""
        text = args.text
        title = args.title
        covered: list[tuple[int, int]] = []
        if title is None:
            return covered
        hits: dict[int, tuple[int, relation_cues.InfoboxLabel]] = {}
        for label in self.cues.infobox:
            for match in label.label.finditer(text):
                start = match.start()
                if start not in hits or match.end() > hits[start][0]:
                    hits[start] = (match.end(), label)
        for start, (value_start, label) in sorted(hits.items()):
            line_end = _line_end(text, start)
            subject_types, object_types = self.cues.signatures[label.predicate]
            item_types = subject_types if label.items == "subject" else object_types
            items = [
                a
                for a in args.args
                if value_start <= a.start and a.end <= line_end and a.type in item_types
            ]
            end = line_end
            while items and end < len(text):  # continuation lines holding only mentions
                nxt_end = _line_end(text, end + 1)
                line = [a for a in args.args if end < a.start and a.end <= nxt_end]
                rest = text[end + 1 : nxt_end]
                for a in line:
                    rest = rest.replace(text[a.start : a.end], "", 1)
                if not line or rest.strip(" ,;\t") or not all(a.type in item_types for a in line):
                    break
                items.extend(line)
                end = nxt_end
            covered.append((start, end))
            for item in items:
                subject, obj = (item, title) if label.items == "subject" else (title, item)
                if (
                    self.cues.fits(label.predicate, subject.type, obj.type)
                    and (label.subject_types is None or subject.type in label.subject_types)
                    and subject.name != obj.name
                ):
                    out.append(
                        _relation(
                            subject,
                            label.predicate,
                            obj,
                            start,
                            end,
                            text[start:value_start].strip(),
                        )
                    )
        return covered


def _setting(predicate: str, obj: Arg, args: Arguments) -> bool:
    """True when a place object is only where the act happened: "founded in 2010 in
    Antwerp", "fondé à Anvers" name where, not what, was founded."""
    if obj.type != "Location" or predicate in PLACE_PREDICATES:
        return False
    i = obj.first - 1
    while i >= 0 and args.doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and args.doc[i].lower_ in LOCATIVE_PREPOSITIONS


def _modifies_noun_before(first: Token) -> bool:
    """True when a cue opening a phrase after a comma describes the noun phrase before the
    comma: a past participle ("the camps, controlled by ...", "la DGSI, placée sous ...")
    or a determiner ("Molenbeek, l'une des communes de ..."). A present participle
    ("defected from HTS, pledging allegiance to ...") belongs to the clause's subject."""
    if first.pos_ in ("DET", "PRON", "NUM"):
        return True
    return first.tag_ == "VBN" or (
        "Part" in first.morph.get("VerbForm") and "Past" in first.morph.get("Tense")
    )


def _bare_role(span: Span) -> bool:
    """A role named after "as"/"comme" with no body of its own: "has served as emir"."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("as", "comme")


def _one_among_several(span: Span, lexicon: Lexicon) -> bool:
    """True when a leader noun names one of several holders: an indefinite article or a
    rank adjective before it ("a KH commander", "un haut commandant", "senior leader")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 4 and doc[i].pos_ in ("ADJ", "PROPN", "NOUN", "DET"):
        word = doc[i].lower_
        if word in lexicon.indefinites or word in lexicon.ranks:
            return True
        if doc[i].pos_ == "DET":
            return False
        i -= 1
    return False


def _verb_by_order(span: Span, args: Arguments) -> bool:
    """True when a cue word the tagger did not read as a verb sits where a verb does: right
    after a mention (adverbs aside) and before a determiner or a mention ("l'EIGS affronte
    le GSIM", "HTC y contrôle la région")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].pos_ == "ADV" or doc[i].lower_ in ("y", "en")):
        i -= 1
    if i < 0 or args.arg_at(i) is None:
        return False
    j = span.end  # adverbs and "à la fois" may come before the object
    while j < len(doc) and (doc[j].pos_ == "ADV" or doc[j : j + 3].text.lower() == "à la fois"):
        j += 3 if doc[j].lower_ == "à" else 1
    if j >= len(doc):
        return False
    return doc[j].pos_ == "DET" or args.arg_at(j) is not None


def _acts_as_verb(token: Token) -> bool:
    """True when a word tagged as a noun heads a clause: the small French model tags
    "contrôle" and "combat" as nouns in "HTC contrôle Idleb", yet gives them a subject
    and an object."""
    children = [child.dep_ for child in token.children]
    return (
        token.pos_ == "NOUN"
        and "det" not in children
        and any(dep in SUBJECT_DEPS for dep in children)
        and any(dep in OBJECT_DEPS for dep in children)
    )


FACILITY_WORDS: Final = frozenset(
    {"camp", "camps", "prison", "prisons", "jail", "centre", "center", "annex", "annexe", "base"}
)


def _right_after(arg: Arg, span: Span) -> bool:
    """Whether ``arg`` follows the cue with at most a determiner between: a country after
    the verb is controlled only as its own object ("who now govern Afghanistan")."""
    return all(t.pos_ == "DET" for t in span.doc[span.end : arg.first])


def _facility(arg: Arg) -> bool:
    """A camp, prison or centre: a place inside a town or region, never around one."""
    return any(word in FACILITY_WORDS for word in arg.name.lower().split())


def _dep_fits(root: Token, deps: frozenset[str]) -> bool:
    """True when the cue's head has one of the dependency labels the cue asks for. An
    apposition cue also fits a predicate noun ("the DGSI is a service of ...",
    "la DGSI est un service du ...": the same claim as "the DGSI, a service of ...")."""
    if root.dep_ in deps or (root.dep_ == "conj" and root.head.dep_ in deps):
        return True
    return "appos" in deps and (
        root.dep_ == "attr" or any(child.dep_ == "cop" for child in root.children)
    )


def mention_args(doc: Doc, ner_labels: dict[str, str]) -> list[Arg]:
    """The Doc's mentions as arguments, named by their entity group (spaCy's own
    entities stand in when no component set ``doc._.mentions``)."""
    groups: dict[tuple[int, int], tuple[str, str]] = {}
    for group in doc._.entities or []:
        for start, end in group["mentions"]:
            groups[(start, end)] = (group["name"], group["type"])
    found: list[Arg] = []
    mentions = doc._.mentions
    if mentions:
        for mention in mentions:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            name, kind = groups.get(
                (mention["start"], mention["end"]), (mention["canonical"], mention["label"])
            )
            found.append(Arg(mention["start"], mention["end"], span.start, span.end, name, kind))
    else:
        for ent in doc.ents:
            kind = ner_labels.get(ent.label_)
            if kind:
                found.append(Arg(ent.start_char, ent.end_char, ent.start, ent.end, ent.text, kind))
    return found


def _title(text: str, args: list[Arg]) -> Arg | None:
    """The entity named first on the document's first non-empty line (its title)."""
    offset = len(text) - len(text.lstrip())
    end = _line_end(text, offset)
    inside = [a for a in args if offset <= a.start and a.end <= end]
    return min(inside, key=lambda a: a.start) if inside else None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def _relation(subject: Arg, predicate: str, obj: Arg, start: int, end: int, cue: str) -> Relation:
    return Relation(
        subject=subject.name,
        predicate=predicate,
        object=obj.name,
        subject_span=[subject.start, subject.end],
        object_span=[obj.start, obj.end],
        sentence_start=start,
        sentence_end=end,
        cue=cue,
    )


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for relation in relations:
        key = (
            relation["subject"],
            relation["predicate"],
            relation["object"],
            relation["sentence_start"],
        )
        if key not in seen:
            seen.add(key)
            out.append(relation)
    return out
