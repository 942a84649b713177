"""The figure extractor: every count and measure of a Doc as an ``attributes.Figure``.

    NumberFinder (figures/detect.py)     numbers, qualifiers, ranges; drops years, dates, ages
    find_counted (figures/cohort.py)     what each number counts, cohort facets, unit
    PartMarkers (figures/structure.py)   "including", "dont", "Of the N ...": parent figures
    status cues (figures/status.py)      joined / dead / missing / ... from the parse
    context (figures/context.py)         place and as_of in the figure's clause

A number with no noun of its own ("500 are presumed dead") inherits what is counted from
its parent, its range partner ("15 000 à 25 000 personnes"), the subject of its verb ("la
population passe de 10 000 à 72 000") or the previous count of people in the sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.attributes import Figure, doc_text
from claimgraph.nlp.figures import context, status
from claimgraph.nlp.figures.cohort import Counted, describe, find_counted, is_people, unit_for
from claimgraph.nlp.figures.detect import NumberFinder, RawNumber
from claimgraph.nlp.figures.lexicon import FigureLexicon, load
from claimgraph.nlp.figures.structure import PartMarkers

MEASURES = frozenset({"km", "km2", "m", "money"})
_BREAK = frozenset({",", ";", ":", "(", ")", "–", "—", ".", "!", "?"})
_LABEL_LINE = re.compile(r"^[\s\-•*]*([^\W\d][\w' ]{1,40}?)\s*:?\s*$")


@Language.factory(
    "claimgraph_figures",
    default_config={"language": "en"},
    assigns=["doc._.figures"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.sents"],
)
def make_figures(nlp: Language, name: str, language: str) -> FigureExtractor:
    return FigureExtractor(nlp, language)


@dataclass
class _Item:
    raw: RawNumber
    counted: Counted
    sent: Span
    parent: int | None = None
    antecedent: Counted | None = None  # whose noun an elliptic number borrows
    marker_child: bool = False
    antecedent_of: int | None = None  # the figure whose noun it borrows
    infobox: bool = False
    status: str | None = None
    status_found: bool = False
    own_verb: bool = False  # the number has a governing verb of its own
    compared: int | None = None  # "contre 126", "up from 90": the figure it compares with
    segment: tuple[int, int] | None = None  # tokens of "up from 90 in 2019" (its own dates)
    coordinated: int | None = None  # "25 women and 47 children": the first conjunct
    recalled: int | None = None  # "Of the 689, ...": the earlier figure of 689 it recalls
    member: Token | None = None  # "Children make up 64% of ...": who the share counts
    amount_of: bool = False  # "fighters number in the hundreds": the subject is what is counted


class FigureExtractor:
    """Fills ``doc._.figures``; all matchers and lexicons are built here, once."""

    def __init__(self, nlp: Language, language: str) -> None:
        self.lex: FigureLexicon = load(language)
        self.finder = NumberFinder(nlp, self.lex)
        self.markers = PartMarkers(nlp, self.lex)
        self._text = ""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = self.extract(doc)
        return doc

    # -- assembly ------------------------------------------------------------------------

    def extract(self, doc: Doc) -> list[Figure]:
        lex = self.lex
        self._text = text = doc_text(doc)
        raws = self.finder.find(doc)
        starts = {raw.start for raw in raws}
        items = [
            _Item(raw, find_counted(doc, raw, lex, starts), doc[raw.num_start].sent) for raw in raws
        ]
        for item in items:
            if item.counted.head is None and not item.counted.pronoun:
                label = self._infobox_label(doc, item)
                if label is not None:
                    item.counted = label
                    item.infobox = True
        for k, item in enumerate(items):
            partner = item.raw.range_with
            if (
                item.counted.head is None
                and partner is not None
                and items[partner].counted.head is not None
            ):
                item.counted = items[partner].counted
        self._link_parents(doc, items)
        self._link_comparisons(doc, items)
        self._link_coordinated(doc, items)
        self._link_recalled(doc, items)
        self._find_antecedents(doc, items)
        places = context.places_of(doc, lex)
        place_tokens = {i for p in places for i in range(p.start, p.end)}
        blocked_all = self._blocked(items)
        for k, item in enumerate(items):
            self._set_status(doc, items, k, blocked_all, place_tokens)
        for k, item in enumerate(items):
            if not item.status_found:
                self._inherit_status(items, k)
        dates = context.dates_of(doc, lex, text) if items else []
        reserved = [item.segment for item in items if item.segment is not None]
        figures: list[Figure] = []
        for k, item in enumerate(items):
            figures.append(self._figure(doc, items, k, dates, places, reserved))
        for k, item in enumerate(items):
            if item.parent is not None and item.marker_child:
                parent = figures[item.parent]
                for key in ("as_of", "place"):
                    if figures[k][key] is None and (key == "as_of" or _same_state(figures[k], parent)):
                        figures[k][key] = parent[key]  # type: ignore[literal-required]
        self._carry_reference_dates(doc, items, figures, dates)
        for k, item in enumerate(items):  # in document order: parents come first
            if item.parent is not None and figures[k]["unit"] == figures[item.parent]["unit"]:
                # A part of a count of people is of the same nationality unless it says
                # otherwise: "Of the 1,490 Frenchmen ..., 390 adults have returned".
                parent_nationality = figures[item.parent]["cohort"].get("nationality")
                if parent_nationality and not figures[k]["cohort"].get("nationality"):
                    figures[k]["cohort"] = {**figures[k]["cohort"], "nationality": parent_nationality}
        return figures

    def _carry_reference_dates(
        self, doc: Doc, items: list[_Item], figures: list[Figure], dates: list[context.Marked]
    ) -> None:
        """A reference date stated for a passage dates the counts after it: "Au 1er mars
        2024, l'OCAM recense 418 départs. [...] Une quarantaine se trouveraient encore sur
        place." An undated count takes the last date named before its sentence in the same
        paragraph when that date is a reference date (not an event, not the start of a
        period); any other date in between ends the passage."""
        if not dates:
            return
        text = self._text
        starts = [d.start for d in dates]
        whole = self._note_date(doc, dates, text)
        for k, item in enumerate(items):
            if figures[k]["as_of"] is not None or item.infobox:
                continue
            if whole is not None and not (whole.start >= item.sent.start and whole.end <= item.sent.end):
                figures[k]["as_of"] = whole.value
                continue
            sent = item.sent
            at = bisect.bisect_left(starts, sent.start)
            if at < len(dates) and dates[at].start < sent.end:
                continue  # the sentence has a date of its own, which it did not give
            if at == 0:
                continue
            last = dates[at - 1]
            paragraph = text.rfind("\n", 0, sent.start_char) + 1
            if (
                last.reference
                and doc[last.start].idx >= paragraph
                and not context.starts_period(doc, last.start, self.lex)
            ):
                figures[k]["as_of"] = last.value

    def _note_date(self, doc: Doc, dates: list[context.Marked], text: str) -> context.Marked | None:
        """"Figures in this note refer to December 2023 unless stated otherwise": a note
        that dates every count of the document that gives no date of its own."""
        lowered = text.lower()
        for phrase in self.lex.whole_text_notes:
            at = lowered.find(phrase)
            if at == -1:
                continue
            sent = doc.char_span(at, at + len(phrase), alignment_mode="expand")
            if sent is None:
                continue
            span = sent.sent
            return next((d for d in dates if span.start <= d.start < span.end), None)
        return None

    def _infobox_label(self, doc: Doc, item: _Item) -> Counted | None:
        """ "Population: 2,500", "Membres 30 000": the line's label is what is counted."""
        first = doc[item.raw.start]
        line_start = self._text.rfind("\n", 0, first.idx) + 1
        line_end = self._text.find("\n", first.idx)
        line_end = len(self._text) if line_end < 0 else line_end
        last = doc[item.raw.end - 1]
        if self._text[last.idx + len(last.text) : line_end].strip():
            return None
        match = _LABEL_LINE.match(self._text[line_start : first.idx])
        if match is None:
            return None
        span = doc.char_span(
            line_start + match.start(1), line_start + match.end(1), alignment_mode="expand"
        )
        if span is None:
            return None
        return Counted(span[-1], span.start, span.end)

    def _link_parents(self, doc: Doc, items: list[_Item]) -> None:
        markers = self.markers
        for k, item in enumerate(items):
            raw, sent = item.raw, item.sent
            previous = [
                j for j in range(k) if items[j].sent == sent and items[j].raw.unit not in MEASURES
            ]
            if not previous and markers.marker_start(doc, raw.start, sent.start) == sent.start:
                # "... 1 910 ressortissants ... Parmi eux, 690 se trouvaient sur zone": the
                # whole is a count of people of the sentence before
                before = [
                    j
                    for j in range(k)
                    if items[j].sent.end == sent.start
                    and items[j].raw.unit not in MEASURES
                    and items[j].raw.unit not in ("share", "percent")
                    and (items[j].counted.head is None or is_people(items[j].counted.head, self.lex))
                ]
                if before:
                    item.parent = before[-1]
                    item.marker_child = True
                continue
            if not previous or raw.range_with is not None and raw.range_with < k:
                continue
            if markers.marker_before(doc, raw.start, sent.start):
                item.parent = self._whole_of(items, k, previous)
                item.marker_child = True
            elif raw.unit in ("share", "percent") and (
                item.counted.pronoun or markers.marker_after(doc, raw.unit_end or raw.end)
            ):
                item.parent = previous[-1]
            elif item.counted.pronoun and raw.unit is None:
                # "2,600 people have been killed, at least 1,300 of them civilians": a count
                # of a pronoun is a part of the count before it
                item.parent = previous[-1]
                item.marker_child = True
        for k, item in enumerate(items):
            if item.counted.of_figure and k + 1 < len(items):
                item.parent = k + 1
                item.marker_child = True
        # "Of the 1,490 Frenchmen ..., 500 are ..., 300 are ..."
        for k, item in enumerate(items):
            if not self.markers.opens_total(doc, item.raw.start, item.sent.start):
                continue
            for j in range(k + 1, len(items)):
                other = items[j]
                if other.sent != item.sent:
                    break
                if other.parent is not None or other.raw.unit in MEASURES:
                    continue
                if other.counted.head is not None and not is_people(other.counted.head, self.lex):
                    continue
                if (
                    item.raw.value is None
                    or other.raw.value is None
                    or other.raw.value < item.raw.value
                ):
                    other.parent = k

    def _whole_of(self, items: list[_Item], k: int, previous: list[int]) -> int:
        """The figure a part belongs to: the nearest earlier one, but a count of people is
        not a part of a count of things ("from the two camps, including 1,870 children")."""
        head = items[k].counted.head
        if head is None or not is_people(head, self.lex):
            return previous[-1]
        for j in reversed(previous):
            other = items[j].counted.head
            if other is None or is_people(other, self.lex) or other.lower_ in self.lex.present_nouns:
                return j
        return previous[-1]

    def _link_coordinated(self, doc: Doc, items: list[_Item]) -> None:
        """"une cinquantaine de combattants et plus d'une centaine d'enfants": the second
        count shares the verb, hence the status, of the first."""
        for k in range(1, len(items)):
            item, previous = items[k], items[k - 1]
            if previous.sent != item.sent or item.raw.range_with is not None or item.parent is not None:
                continue
            gap = doc[previous.raw.end : item.raw.start]
            # "..., ainsi que sept Autrichiennes", "..., as well as 13 children": a comma
            # before an additive phrase does not end the coordination (before a plain "and"
            # it may open a clause of its own)
            if any(t.pos_ == "CCONJ" or t.dep_ == "cc" for t in gap) and not any(
                (t.text in _BREAK and not _before_additive(doc, t.i)) or t.pos_ in ("VERB", "AUX")
                for t in gap
            ):
                item.coordinated = k - 1

    def _link_recalled(self, doc: Doc, items: list[_Item]) -> None:
        """"Of the 689, 412 were children", "Sur ces 420 personnes, ...": a total that
        opens a sentence with the value of a count of an earlier sentence is that count
        again: it takes its noun and status, not the status of its parts."""
        for k, item in enumerate(items):
            if item.raw.value is None or not self.markers.opens_total(
                doc, item.raw.start, item.sent.start
            ):
                continue
            for j in range(k - 1, -1, -1):
                other = items[j]
                if (
                    other.sent != item.sent
                    and other.raw.value == item.raw.value
                    and other.raw.unit not in MEASURES
                    and other.raw.unit not in ("share", "percent")
                ):
                    item.recalled = j
                    break

    def _link_comparisons(self, doc: Doc, items: list[_Item]) -> None:
        """"150 en 2023, contre 126 fin 2021": 126 is an earlier value of the figure before."""
        for k, item in enumerate(items):
            if item.counted.head is not None and is_people(item.counted.head, self.lex):
                continue
            begin = self.markers.comparison_before(doc, item.raw.start, item.sent.start)
            if begin is None:
                continue
            previous = [
                j
                for j in range(k)
                if items[j].sent == item.sent
                and items[j].raw.unit not in MEASURES
                and j != item.raw.range_with
            ]
            if not previous:
                continue
            item.compared = previous[-1]
            item.parent = None
            end = item.raw.end
            while end < item.sent.end and doc[end].text not in _BREAK and doc[end].pos_ != "CCONJ":
                end += 1  # "après 71 en 2021 et 47 en 2020": each its own date
            item.segment = (begin, end)

    def _find_antecedents(self, doc: Doc, items: list[_Item]) -> None:
        for k, item in enumerate(items):
            if item.counted.head is not None:
                continue
            # a count that recalls an earlier one ("Of the 689, ...") or is compared with it
            # counts what that one counts
            earlier = next(
                (
                    (j, counted)
                    for j in (item.recalled, item.compared)
                    if j is not None
                    and (counted := _what_is_counted(items[j])) is not None
                    and counted.head is not None
                ),
                None,
            )
            if earlier is not None:
                item.antecedent_of, item.antecedent = earlier
                continue
            if item.parent is not None and items[item.parent].counted.head is not None:
                item.antecedent = items[item.parent].counted
                continue
            conjunct = item.coordinated
            if conjunct is not None and (counted := _what_is_counted(items[conjunct])) is not None:
                # "après 71 en 2021 et 47 en 2020": the second conjunct counts what the first does
                item.antecedent_of, item.antecedent = conjunct, counted
                continue
            subject = self._subject_noun(doc, item)
            if subject is not None:
                item.antecedent = subject
                continue
            for j in range(k - 1, -1, -1):
                other = items[j]
                if other.sent != item.sent:
                    break
                source = _what_is_counted(other)
                if (
                    source is not None
                    and source.head is not None
                    and is_people(source.head, self.lex)
                ):
                    item.antecedent = source
                    item.antecedent_of = j
                    break
            if item.antecedent is None and (
                item.counted.pronoun or status.headcount(doc[item.raw.end - 1], item.raw.start)
            ):
                item.antecedent = self._pronoun_referent(doc, item) or _last_people_counted(
                    items[:k], doc[item.sent.start - 1].sent if item.sent.start > 0 else None, self.lex
                )

    def _pronoun_referent(self, doc: Doc, item: _Item) -> Counted | None:
        """ "Les femmes ... ont été remises à la justice. 12 d'entre elles ont été placées en
        garde à vue", "Combien de Français vivent encore dans l'enclave ? Ils seraient entre
        150 et 200": the people named as the subject nearest before the pronoun, in its
        sentence or the one before."""
        sent = item.sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for token in reversed(doc[first : item.raw.start]):
            if token.pos_ not in ("NOUN", "PROPN") or not is_people(token, self.lex):
                continue
            opens_sentence = all(
                t.pos_ in ("DET", "ADJ", "PUNCT") for t in doc[token.sent.start : token.i]
            )  # "Les femmes, dont ..., ont été remises": the topic, however parsed
            if opens_sentence or token.dep_.startswith("nsubj") or token.head.dep_.startswith("nsubj"):
                return Counted(token, min(token.left_edge.i, token.i), token.i + 1)
        return None

    def _subject_noun(self, doc: Doc, item: _Item) -> Counted | None:
        """ "la population passe de 10 000 à 72 000": the subject names what is counted."""
        token = doc[item.raw.end - 1]
        for _ in range(4):
            if token.head.i == token.i:
                break
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                break
        for child in token.children:
            if child.dep_.startswith("nsubj") and child.lower_ in self.lex.present_nouns:
                return Counted(child, child.i, child.i + 1)
        if token.lemma_.lower() not in self.lex.amount_verbs and token.lower_ not in self.lex.amount_verbs:
            return None
        # "Foreign fighters are believed to number in the hundreds", "ses combattants seraient
        # au nombre de 5 000": the people are the subject of a verb of amount (or of the verb
        # it completes)
        for holder in (token, token.head) if token.dep_ == "xcomp" else (token,):
            for child in holder.children:
                if child.dep_.startswith("nsubj") and is_people(child, self.lex):
                    item.amount_of = True
                    return Counted(child, min(child.left_edge.i, child.i), child.i + 1)
        return None

    def _blocked(self, items: list[_Item]) -> list[set[int]]:
        spans = [set(range(item.raw.start, item.raw.end)) for item in items]
        heads = [
            {item.counted.head.i}
            if item.counted.head is not None and item.antecedent is None
            else set()
            for item in items
        ]
        out = []
        for k in range(len(items)):
            blocked: set[int] = set()
            for j in range(len(items)):
                if j != k:
                    blocked |= spans[j]
                    if items[j].counted is not items[k].counted:
                        blocked |= heads[j]
            out.append(blocked)
        return out

    def _peopleish(self, item: _Item) -> bool:
        if item.raw.unit in MEASURES:
            return False
        head = (
            item.counted.head
            if item.counted.head is not None
            else (item.antecedent.head if item.antecedent is not None else None)
        )
        if head is None:
            return True
        return (
            is_people(head, self.lex)
            # "62 TIS ont été libérés": an acronym that names no place or body names a
            # category of people as often as not; the verb decides
            or (head.is_upper and head.is_alpha and len(head) >= 2 and not head.ent_type_)
            or isinstance(status.cue(head, self.lex), str)  # "370 morts", "half of all returns"
            or head.lower_ in self.lex.present_nouns
            or (head.lower_ in self.lex.units_by_noun and head.lower_ in self.lex.roles)
        )

    def _set_status(
        self,
        doc: Doc,
        items: list[_Item],
        k: int,
        blocked_all: list[set[int]],
        places: set[int],
    ) -> None:
        lex = self.lex
        item = items[k]
        if not self._peopleish(item):
            item.status_found = True
            return
        blocked = blocked_all[k]
        head = (
            item.counted.head
            if item.counted.start < item.counted.end
            and item.counted.head is not None
            and item.counted.head.i >= item.raw.start
            else None
        )
        anchor = head if head is not None else doc[item.raw.end - 1]
        verb = None
        if item.raw.unit in ("share", "percent"):
            # a share keeps only a status its own verb gives ("About half were killed");
            # one defined by an attribute ("make up 64% of", "a third of them foreigners")
            # has none, and does not take its parent's
            found, verb = status.from_governor(anchor, lex, blocked, places)
            composed = verb is not None and (
                verb.lemma_.lower() in lex.composition_verbs
                or verb.lower_ in lex.composition_verbs
            )
            item.own_verb = verb is not None
            if composed and verb is not None:
                member = _composing_member(verb, item.raw.start, item.raw.end)
                if member is not None and (
                    is_people(member, lex) or member.ent_type_ == "NORP"
                ):
                    item.member = member
            if self._share_own_clause(doc, item):
                # "la moitié d'entre eux y étant nés": the share's own participle decides
                found = status.from_noun_clause(doc[item.raw.end - 1], lex, blocked)
                item.own_verb = True
                composed = False
            elif self._share_described(doc, item):
                found, composed = None, True  # "a third of them foreigners": an attribute
            elif self._share_located(doc, item):
                found, composed = "present", False  # "about 40 per cent of them on islands"
                item.own_verb = True
            item.status = found if isinstance(found, str) and not composed else None
            noun = item.counted.head
            if item.status is None and noun is not None and not is_people(noun, lex):
                # "half of all returns", "la moitié des morts": the noun is the status
                cued = status.cue(noun, lex)
                item.status = cued if isinstance(cued, str) else None
            item.status_found = True
            return
        if item.compared is not None and head is None:
            return  # "contre 126": the status of the figure it compares with
        if item.parent is not None and self._share_described(doc, item):
            return  # "at least 1,300 of them civilians": who they are; the whole's status
        if item.recalled is not None:
            return  # "Of the 689, ...": the status of the count it recalls
        found: object = status.NO_CUE
        if head is not None and status.cue(head, lex) is None:
            # "2,8 millions de déplacés": the noun rules out a status, unless its own clause
            # names one ("2 million displaced who live in 1,500 camps")
            own = status.from_noun_clause(head, lex, blocked)
            if own is status.NO_CUE:  # the clause may hang off the number
                own = status.from_noun_clause(doc[item.raw.end - 1], lex, blocked)
            found = own if isinstance(own, str) else None
        elif head is not None and head.pos_ in ("ADJ", "VERB") and isinstance(status.cue(head, lex), str):
            # "dont une vingtaine détenues dans les prisons": the participle that stands for
            # the noun is the count's own predicate
            found = status.cue(head, lex)
        elif head is not None and not is_people(head, lex) and isinstance(status.cue(head, lex), str):
            # "l'attaque de Westgate (67 morts)", "une centaine de libérations sont attendues":
            # a noun of the event counts people in that state, whatever verb governs it
            found = status.cue(head, lex)
        size = status.from_group_size(anchor, lex)
        if found is status.NO_CUE and size is not None:
            found = size
        if found is status.NO_CUE and head is not None and _is_object(head):
            # "France rapatrie 30 enfants et leurs mères détenus ...": the main verb wins
            found, verb = status.from_governor(anchor, lex, blocked, places)
            item.own_verb = verb is not None
            if found == "present":
                # "officials counted 600 personnel killed": a verb of counting or having
                # gives way to the state the noun's own clause names
                own = status.from_noun_clause(head, lex, blocked)
                if isinstance(own, str):
                    found = own
        if found is status.NO_CUE and head is not None:
            found = status.from_noun_clause(head, lex, blocked)
            if found is not status.NO_CUE:
                # "31 of the women who came back were later sentenced", "personnes liées à
                # l'Allemagne seraient détenues": the clause describes who is counted, a
                # state the main verb names is their status now
                now, verb = status.from_governor(anchor, lex, blocked, places)
                if isinstance(now, str) and now != "present" and status.is_argument_of(anchor, verb, lex):
                    found = now
                    item.own_verb = verb is not None
        after = item.raw.unit_end or item.raw.end
        if found is status.NO_CUE and head is None and _verb_follows(doc, after):
            # "17 auraient été tués ... et quatre seraient portés disparus": the verb right
            # after a bare number is its own, however the parse attached the number
            own = status.from_right_context(doc, after, lex, {i.raw.start for i in items}, limit=6)
            found = own if isinstance(own, str) else status.NO_CUE
        if found is status.NO_CUE:
            found, verb = status.from_governor(anchor, lex, blocked, places)
            item.own_verb = verb is not None
            if found is status.NO_CUE:
                found = status.from_copula_place(verb, anchor, lex)
            if found is status.NO_CUE:
                found = status.from_strength_verb(verb, anchor, lex)
        if found is status.NO_CUE and head is not None and not is_people(head, lex):
            found = status.cue(head, lex)  # "a fait 71 morts": the counted noun is the status
        if found is status.NO_CUE and status.headcount(doc[item.raw.end - 1], item.raw.start):
            found = "present"
        if found is status.NO_CUE and head is None and status.located(doc, after, lex):
            found = "present"
        if found is status.NO_CUE:
            found = status.from_left_context(doc, item.raw.start, lex, {i.raw.start for i in items})
        if found is status.NO_CUE and item.coordinated is not None:
            return  # "25 women and 47 children": the status of the first conjunct
        if found is status.NO_CUE:
            start = item.counted.start if head is not None else after
            found = status.from_right_context(
                doc, start, lex, {i.raw.start for i in items}, limit=10
            )
        if found is status.NO_CUE and item.raw.range_with is not None and item.raw.range_with < k:
            partner = items[item.raw.range_with]
            if partner.status_found:
                found = partner.status
        if found is status.NO_CUE:
            noun = (
                item.counted.head
                if item.counted.head is not None
                else (item.antecedent.head if item.antecedent is not None else None)
            )
            if (
                noun is not None
                and noun.lower_ in lex.present_nouns
                and (item.antecedent is None or item.parent is None)
                and not (item.marker_child and item.parent is not None)  # "among them 40 members": the whole's
            ):
                found = "present"
            elif noun is not None and (item.counted.head is not None or item.amount_of) and item.parent is None:
                # "between 7,000 and 10,000 fighters" (a group's strength), "412 revenants"
                implied = lex.noun_status.get(noun.lower_) or lex.noun_status.get(noun.lemma_.lower())
                if implied is not None:
                    found = implied
        # "the number of the residents of the province is 4.2 million": who is counted
        owner = self._number_of(anchor)
        if owner is not None:
            item.member = owner
            if found is status.NO_CUE and owner.lower_ in lex.present_nouns:
                found = "present"
            elif found is status.NO_CUE:
                implied = lex.noun_status.get(owner.lower_) or lex.noun_status.get(owner.lemma_.lower())
                if implied is not None:
                    found = implied
        if found is status.NO_CUE:
            found = self._state_of_subject(anchor)
        if found is not status.NO_CUE:
            item.status = found if isinstance(found, str) else None
            item.status_found = True

    def _number_of(self, anchor: Token) -> Token | None:
        """The X of "the number of X is N" / "le nombre de X est estimé à N"."""
        verb = _governing_verb(anchor)
        if verb is None:
            return None
        verb = status.main_verb(verb)
        for subject in verb.children:
            if not subject.dep_.startswith("nsubj") or subject.lemma_.lower() not in self.lex.count_nouns:
                continue
            for child in subject.children:
                nouns = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else (
                    [child] if child.dep_ == "nmod" else []
                )
                for noun in nouns:
                    if is_people(noun, self.lex) or noun.lower_ in self.lex.present_nouns:
                        return noun
        return None

    def _state_of_subject(self, anchor: Token) -> object:
        """A verb whose subject names what the number counts: a strength or a population
        ("dont les effectifs sont estimés à 3 000 hommes", "the group's strength fell from
        4,000 fighters") -> present; a toll named by a state ("the death toll rose to 45")
        -> that state. NO_CUE otherwise."""
        verb = _governing_verb(anchor)
        if verb is None:
            return status.NO_CUE
        verb = status.main_verb(verb)
        for subject in verb.children:
            if not subject.dep_.startswith("nsubj") or subject.left_edge.i <= anchor.i <= subject.right_edge.i:
                continue
            if subject.lower_ in self.lex.present_nouns or subject.lemma_.lower() in self.lex.present_nouns:
                return "present"
            for modifier in subject.children:
                if modifier.dep_ == "compound" and isinstance(status.cue(modifier, self.lex), str):
                    return status.cue(modifier, self.lex)
        return status.NO_CUE

    def _beyond_next_clause(self, doc: Doc, items: list[_Item], k: int, where: context.Marked) -> bool:
        """ "163 sont décédées et 134 sont revenues en Belgique", "2 929 Tunisiens ont rejoint
        ..., dont 1 500 en Libye": a place after another count with a verb of its own belongs
        to that count, not to this one ("25 women and 47 children in Syria" share it)."""
        item = items[k]
        end = item.raw.end
        for j, other in enumerate(items):
            if j == k or j == item.raw.range_with or other.parent == k or other.sent != item.sent:
                continue
            if end <= other.raw.start < where.start and any(
                t.pos_ in ("VERB", "AUX") for t in doc[end : other.raw.start]
            ):
                return True
        return False

    def _share_own_clause(self, doc: Doc, item: _Item) -> bool:
        """ "half of them born there": a share of a pronoun with a participle clause."""
        if not item.counted.pronoun:
            return False
        anchor = doc[item.raw.end - 1]
        return any(c.dep_ in ("acl", "relcl", "acl:relcl") for c in anchor.children)

    def _share_described(self, doc: Doc, item: _Item) -> bool:
        """ "a third of them foreigners", "un tiers d'entre eux étrangers": a noun right after
        the pronoun and no verb defines the share by an attribute."""
        i = _after_pronoun(doc, item)
        if i is None or i >= len(doc) or doc[i].pos_ not in ("NOUN", "ADJ", "PROPN"):
            return False
        return _verbless(doc, i)

    def _share_located(self, doc: Doc, item: _Item) -> bool:
        """ "about 40 per cent of them on islands in Lake Chad", "un tiers d'entre eux en
        Irak": a place right after the pronoun and no verb says where the share is."""
        i = _after_pronoun(doc, item)
        if i is None or i >= len(doc):
            return False
        where = i + 1 if doc[i].lower_ in ("on", "sur") else i  # "on islands", "sur place"
        return (status.located(doc, where, self.lex) or where > i and doc[where].pos_ == "NOUN") and _verbless(doc, i)

    def _inherit_status(self, items: list[_Item], k: int) -> None:
        """Parts ("including 68 men"), range ends and elliptic numbers ("1 000 ... en 2013,
        puis 2 000") take the status of the figure they depend on; a fraction with a clause
        of its own ("half of whom are refugees") does not."""
        item = items[k]
        parent, antecedent = item.parent, item.antecedent_of
        if item.raw.unit in ("share", "percent") and item.own_verb:
            parent = antecedent = None
        # "Une centaine de Françaises et quelque 250 enfants se trouveraient ...": the first
        # conjunct shares the verb of the second
        following = k + 1 if k + 1 < len(items) and items[k + 1].coordinated == k else None
        for source in (
            item.recalled, item.compared, parent, item.raw.range_with, item.coordinated, following, antecedent
        ):
            if source is not None and items[source].status_found:
                item.status = items[source].status
                item.status_found = True
                return

    # -- output --------------------------------------------------------------------------

    def _clause_text(self, doc: Doc, start: int, limit: int, stops: set[int]) -> str:
        end = start
        for token in doc[start : min(len(doc), start + limit)]:
            if (
                token.text in _BREAK
                or token.pos_ == "CCONJ"
                or (token.i in stops and token.i != start)
            ):
                break
            end = token.i + 1
        return doc[start:end].text

    def _core(self, doc: Doc, counted: Counted) -> str:
        head = counted.head
        assert head is not None  # callers check
        if counted.start <= head.i < counted.end:
            return doc[counted.start : head.i + 1].text
        return head.text

    def _counts(self, doc: Doc, items: list[_Item], k: int) -> str:
        item, lex = items[k], self.lex
        raw = item.raw
        stops = {i.raw.start for i in items}
        after = raw.unit_end or raw.end
        if raw.unit in lex.measure_nouns:
            rest = self._clause_text(doc, after, 8, stops) if raw.unit_end is not None else ""
            head = item.counted.head
            tail = head.text if head is not None and raw.unit == "km2" else rest
            return f"{lex.measure_nouns[raw.unit]} {tail}".strip()
        if item.member is not None:
            # "Children make up 64% of the population": children, of the population
            left, right = item.member.left_edge.i, item.member.right_edge.i + 1
            member = doc[left : min(right, left + 8)].text
            whole = (
                doc[item.counted.start : item.counted.end].text
                if item.counted.head is not None
                else ""
            )
            return f"{member} ({whole})" if whole else member
        if item.counted.head is not None:
            return doc[item.counted.start : item.counted.end].text
        partner = raw.range_with
        if partner is not None and partner > k and (item.antecedent is None or item.antecedent.head is None):
            # "Entre 15 et 20 se trouveraient ...", "25 à 30 d'entre eux": the first end of
            # a range counts what the second does
            return self._counts(doc, items, partner)
        rest_start = after
        if item.counted.pronoun:
            rest_start = item.counted.start + 1
        rest = self._clause_text(doc, rest_start, 8, stops)
        if rest_start < len(doc) and _is_date_start(doc, rest_start, lex):
            rest = ""  # "contre 126 fin 2021": a date, not what is counted
        if item.compared is not None and (item.antecedent is None or item.antecedent.head is None):
            return self._counts(doc, items, item.compared)
        if item.antecedent is not None and item.antecedent.head is not None:
            if item.compared is not None:
                return self._core(doc, item.antecedent)
            return f"{self._core(doc, item.antecedent)} {rest}".strip()
        return rest

    def _figure(
        self,
        doc: Doc,
        items: list[_Item],
        k: int,
        dates: list[context.Marked],
        places: list[context.Marked],
        reserved: list[tuple[int, int]],
    ) -> Figure:
        item, lex = items[k], self.lex
        raw = item.raw
        first, last = doc[raw.start], doc[raw.end - 1]
        if raw.unit == "percent":
            last = doc[raw.end - 1]
        start_char, end_char = first.idx, last.idx + len(last.text)
        head = (
            item.counted.head
            if item.counted.head is not None
            else (item.antecedent.head if item.antecedent is not None else None)
        )
        cohort = describe(
            doc,
            item.counted if item.counted.head is not None else (item.antecedent or item.counted),
            lex,
        )
        unit = raw.unit or unit_for(head, lex)
        low, high = raw.low, raw.high
        if raw.range_with is None and raw.kind in ("numeral", "words", "approx_noun"):
            if raw.qualifier in ("more_than", "at_least"):
                low = raw.value if low is None else low
            elif raw.qualifier in ("fewer_than", "at_most"):
                high = raw.value
            elif raw.qualifier == "exact":
                low = high = raw.value
        phrase_start = item.counted.head.left_edge.i if item.counted.head is not None else raw.start
        phrase_end = (
            item.counted.head.right_edge.i + 1 if item.counted.head is not None else raw.end
        )
        verb = _governing_verb(doc[raw.end - 1])
        sent = (item.sent.start, item.sent.end)
        as_of = place = None
        if not item.infobox:
            number = raw.num_start
            as_of = context.as_of(
                dates, doc, (phrase_start, phrase_end), verb, sent, number, item.segment,
                [r for r in reserved if r != item.segment], lex,
            )
            own = {item.counted.head.i} if item.counted.head is not None else set()
            place = context.place(
                [p for p in places if not own & set(range(p.start, p.end))],
                doc,
                (phrase_start, phrase_end),
                verb,
                sent,
                number,
                lex,
                others=frozenset(
                    p.start
                    for p in places
                    if sent[0] <= p.start < sent[1] and self._beyond_next_clause(doc, items, k, p)
                ),
                status=item.status,
            )
        return Figure(
            start=start_char,
            end=end_char,
            value=raw.value,
            low=low,
            high=high,
            qualifier=raw.qualifier,
            approx=raw.approx,
            unit=unit,
            counts=self._counts(doc, items, k),
            cohort=cohort,
            status=item.status if unit not in MEASURES else None,
            place=place,
            as_of=as_of,
            value_text=self._text[start_char:end_char],
            sentence_start=item.sent.start_char,
            sentence_end=item.sent.end_char,
            parent=item.parent,
        )


_GONE = frozenset({"dead", "missing", "returned"})


def _same_state(part: Figure, whole: Figure) -> bool:
    """A part is where its whole is unless its status takes it away: of people who joined
    the zone, those who died, went missing or came back are not counted there."""
    return part["status"] not in _GONE or part["status"] == whole["status"]


def _before_additive(doc: Doc, i: int) -> bool:
    """A comma right before an additive phrase ("ainsi que", "as well as"): a conjunction
    the parser marks as such but that is not a plain coordinating word."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].text == "," and nxt is not None and nxt.dep_ == "cc" and nxt.pos_ != "CCONJ"


def _after_pronoun(doc: Doc, item: _Item) -> int | None:
    """The first token after "of them", "d'entre eux" in a share of a pronoun, else None."""
    if not item.counted.pronoun:
        return None
    i = item.counted.start + 1
    while i < len(doc) and doc[i].lower_ in ("them", "whom", "eux", "elles", "d'", "d’", "de"):
        i += 1
    return i


def _verb_follows(doc: Doc, i: int) -> bool:
    """ "quatre seraient portés disparus", "300 are missing": an auxiliary or a finite verb
    right after a number (not a participle that names who is counted: "300,000 displaced")."""
    if i >= len(doc):
        return False
    token = doc[i]
    return token.pos_ == "AUX" or (token.pos_ == "VERB" and token.dep_ not in ("acl", "amod", "acl:relcl"))


def _verbless(doc: Doc, i: int) -> bool:
    """No verb from token ``i`` to the end of its clause."""
    while i < len(doc) and doc[i].text not in _BREAK:
        if doc[i].pos_ in ("VERB", "AUX"):
            return False
        i += 1
    return True


def _is_date_start(doc: Doc, i: int, lex: FigureLexicon) -> bool:
    word = doc[i].lower_
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if word in lex.months or (doc[i].like_num and len(doc[i].text) == 4):
        return True
    return word in lex.date_preps and nxt is not None and (nxt.like_num or nxt.lower_ in lex.months)


_MEMBER_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "attr"})


def _composing_member(verb: Token, start: int, end: int) -> Token | None:
    """The other argument of a composition verb: "Children make up 64% of ...", "nearly two
    thirds of all residents are children", "Les femmes représentent 41 % des détenus"."""
    for child in verb.children:
        if child.dep_ in _MEMBER_DEPS and child.pos_ in ("NOUN", "PROPN") and not (
            child.left_edge.i <= start < child.right_edge.i + 1
            or start <= child.i < end
        ):
            return child
    return None


def _is_object(head: Token) -> bool:
    """The counted noun is (in) the object of its verb: "rapatrie une trentaine d'enfants"."""
    token = head
    for _ in range(3):
        if token.dep_ in ("dobj", "obj"):
            return True
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _last_people_counted(earlier: list[_Item], sentence: Span | None, lex: FigureLexicon) -> Counted | None:
    """ "It still holds 8,000 suspected fighters. Panorama houses 4,500 of them": the people
    the last count of the sentence before counted, when no subject there names them."""
    if sentence is None:
        return None
    for other in reversed(earlier):
        if other.sent.start < sentence.start:
            break
        if other.sent.start != sentence.start:
            continue
        counted = _what_is_counted(other)
        if counted is not None and counted.head is not None and is_people(counted.head, lex):
            return counted
    return None


def _what_is_counted(item: _Item) -> Counted | None:
    """The item's counted noun phrase, else the antecedent it took it from."""
    return item.counted if item.counted.head is not None else item.antecedent
