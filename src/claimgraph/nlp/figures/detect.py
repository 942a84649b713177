"""Find the written numbers of a Doc that are figures: value, qualifier, bounds, unit hint.

A ``Matcher`` over token attributes (``LIKE_NUM`` and the lexicon's number words) and a
``PhraseMatcher`` over the lexicon's phrases (vague amounts, fractions, qualifiers, idioms)
find the candidates; a short Python pass per candidate joins digit groups ("15 000"),
multipliers ("4 million"), qualifiers ("about", "plus de"), ranges ("entre 100 et 150",
"15 000 à 25 000"), and drops what is not a count: years, dates, durations, ages,
ordinals, article/section numbers, numbers that are part of names, boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.attributes import doc_text
from claimgraph.nlp.figures.lexicon import FigureLexicon
from claimgraph.nlp.figures.numbers import GROUP_SPACES, parse_numeral, parse_words

_GROUP = re.compile(r"^\d{3}$")
_SHORT_GROUP = re.compile(r"^\d{1,3}$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|e|er|re|ère|ème|eme|è)$", re.IGNORECASE)
_PARTICLE_DEPS = frozenset({"prt", "compound:prt"})
_CURRENCY = frozenset({"$", "€", "£", "dollars", "euros", "usd", "eur", "francs", "pounds"})


def phrase_tokens(nlp: Language, phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the language's tokenizer splits it in running text ("plus d'"
    is tokenised before a word, where the elision stays one token)."""
    if phrase.endswith(("'", "’")):
        return tuple(t.lower_ for t in nlp.make_doc(phrase + "x"))[:-1]
    return tuple(t.lower_ for t in nlp.make_doc(phrase))


@dataclass
class RawNumber:
    """One number of the text, before its cohort, status and structure are known."""

    start: int  # token indices, end exclusive, qualifier words included
    end: int
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    qualifier: str = "exact"
    kind: str = "numeral"  # numeral | words | approx_noun | vague | fraction
    unit: str | None = None  # percent, share, km, km2, money ... when the number says so
    unit_end: int | None = None  # token after the unit words
    takes_of: bool = False  # "thousands of X", "une centaine de X", "half of X"
    range_with: int | None = None  # index of the other end of a range in the list
    num_start: int = 0  # first token of the number itself (qualifier excluded)
    flags: set[str] = field(default_factory=set)

    @property
    def approx(self) -> bool:
        return self.qualifier != "exact" or self.kind in ("vague", "approx_noun")


class NumberFinder:
    """Built once per pipeline; ``find(doc)`` returns the RawNumbers of a Doc in order."""

    def __init__(self, nlp: Language, lexicon: FigureLexicon) -> None:
        self.lex = lexicon
        self._text = ""
        vocab = nlp.vocab
        words = (
            set(lexicon.number_words)
            | set(lexicon.multipliers)
            | set(lexicon.approx_nouns)
        )
        self.matcher = Matcher(vocab)
        self.matcher.add("NUM", [[{"LIKE_NUM": True}]])
        self.phrases = PhraseMatcher(vocab, attr="LOWER")

        self._label_of: dict[int, str] = {}

        def add(label: str, phrases: list[str]) -> None:
            self._label_of[vocab.strings.add(label)] = label
            self.phrases.add(label, [Doc(vocab, words=list(phrase_tokens(nlp, p))) for p in phrases])

        add("WORD", sorted(words))
        add("VAGUE", [v.phrase for v in lexicon.vague])
        add("FRACTION", list(lexicon.fractions))
        add("QUALIFIER", list(lexicon.qualifiers))
        add("IDIOM", list(lexicon.idioms))
        add("AGE", list(lexicon.age_markers))
        add("PERCENT", list(lexicon.percent_words))
        for unit, unit_words in lexicon.units.items():
            add(f"UNIT_{unit}", list(unit_words))
        self._vague_low = {phrase_tokens(nlp, v.phrase): v.low for v in lexicon.vague}
        self._fraction_value = {phrase_tokens(nlp, p): v for p, v in lexicon.fractions.items()}
        self._qualifier = {phrase_tokens(nlp, p): q for p, q in lexicon.qualifiers.items()}
        self._boilerplate = [re.compile(p, re.IGNORECASE) for p in lexicon.boilerplate]

    # -- phrase matches ------------------------------------------------------------------

    def _phrase_index(self, doc: Doc) -> dict[str, dict[int, int]]:
        """label -> {start: longest end} and label -> {end: earliest start} (keys '<', '>')."""
        starts: dict[str, dict[int, int]] = {}
        for match_id, start, end in self.phrases(doc):
            label = self._label_of[match_id]
            by_start = starts.setdefault(label + "<", {})
            by_start[start] = max(end, by_start.get(start, end))
            by_end = starts.setdefault(label + ">", {})
            by_end[end] = min(start, by_end.get(end, start))
        return starts

    # -- main ------------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[RawNumber]:
        self._text = doc_text(doc)
        phrases = self._phrase_index(doc)
        anchors = sorted({start for _, start, _ in self.matcher(doc)})
        for label in ("VAGUE<", "FRACTION<", "WORD<"):
            anchors.extend(phrases.get(label, {}))
        anchors = sorted(set(anchors))
        found: list[RawNumber] = []
        consumed = -1
        for i in anchors:
            if i < consumed:
                continue
            raw = self._read_at(doc, i, phrases)
            if raw is None:
                continue
            consumed = raw.end
            found.append(raw)
        self._link_ranges(doc, found)
        kept = [raw for raw in found if not self._excluded(doc, raw, phrases)]
        # a range whose one end is not a figure (a date "7 to 9") is not a figure either
        kept_ids = {id(raw) for raw in kept}
        kept = [
            raw
            for raw in kept
            if raw.range_with is None or id(found[raw.range_with]) in kept_ids
        ]
        index = {id(raw): n for n, raw in enumerate(kept)}
        for raw in kept:
            if raw.range_with is not None:
                raw.range_with = index.get(id(found[raw.range_with]))
        return kept

    def _read_at(self, doc: Doc, i: int, phrases: dict[str, dict[int, int]]) -> RawNumber | None:
        lex = self.lex
        vague_end = phrases.get("VAGUE<", {}).get(i)
        if vague_end is not None:
            key = tuple(t.lower_ for t in doc[i:vague_end])
            raw = RawNumber(i, vague_end, None, low=self._vague_low.get(key), kind="vague")
            raw.qualifier = "about"
            raw.takes_of = True
            return self._finish(doc, raw, phrases)
        fraction_end = phrases.get("FRACTION<", {}).get(i)
        if fraction_end is not None:
            key = tuple(t.lower_ for t in doc[i:fraction_end])
            if self._is_fraction(doc, i, fraction_end):
                raw = RawNumber(i, fraction_end, self._fraction_value[key], kind="fraction")
                raw.unit = "share"
                raw.takes_of = True
                return self._finish(doc, raw, phrases)
        token = doc[i]
        lower = token.lower_
        if lower in lex.approx_nouns:
            return self._approx_noun(doc, i, phrases)
        # digits or written numbers
        parts: list[Token] = []
        j = i
        value: float | int | None = None
        if token.like_num and any(c.isdigit() for c in token.text):
            text = token.text
            j = i + 1
            if _SHORT_GROUP.match(text):
                while j < len(doc):
                    if _GROUP.match(doc[j].text) and self._glued(doc, j):
                        text += " " + doc[j].text
                        j += 1
                    elif (  # "12\u00a0500": the no-break space is a token of its own
                        doc[j].text in GROUP_SPACES[1:]
                        and j + 1 < len(doc)
                        and _GROUP.match(doc[j + 1].text)
                        and doc[j - 1].whitespace_ == ""
                        and doc[j].whitespace_ == ""
                    ):
                        text += " " + doc[j + 1].text
                        j += 2
                    else:
                        break
            value = parse_numeral(text, lex.language)
            if value is None or _ORDINAL.match(token.text):
                return None
            if " " in text and text.startswith("0"):
                return RawNumber(i, j, None, kind="phone")  # "0 800 005 696": no count starts with 0
            # multipliers: "4 million", "2,5 millions"
            multiplied = False
            while j < len(doc) and doc[j].lower_ in lex.multipliers:
                value = value * lex.multipliers[doc[j].lower_]
                j += 1
                multiplied = True
            value, j = self._compound(doc, j, value)
            if isinstance(value, float) and value.is_integer() and value >= 1000:
                value = int(value)
            kind = "numeral"
        else:
            j = i
            while j < len(doc):
                w = doc[j].lower_
                if w in lex.number_words or w in lex.multipliers or self._hyphen_number(w):
                    parts.append(doc[j])
                    j += 1
                elif w in lex.number_joiners and parts and j + 1 < len(doc) and (
                    doc[j + 1].lower_ in lex.number_words or doc[j + 1].lower_ in lex.multipliers
                ):
                    j += 1
                else:
                    break
            if not parts:
                return None
            if j < len(doc) and doc[j].lower_ in lex.approx_nouns:
                return self._approx_noun(doc, j, phrases)  # "two dozen", "deux centaines"
            start = i
            if parts[0].lower_ in lex.multipliers and i > 0 and doc[i - 1].lower_ in lex.weak_number_words:
                start = i - 1  # "a hundred", "un million"
            value = parse_words(
                [t.text for t in parts], lex.number_words, lex.multipliers, lex.number_joiners
            )
            if value is None:
                return None
            i = start
            kind = "words"
        # approximate noun after a number: "deux centaines" is rare; "4 millions" done above
        raw = RawNumber(i, j, value, kind=kind)
        if kind == "numeral" and multiplied and j < len(doc) and doc[j].lower_ in ("of", "de", "d'", "d’"):
            raw.takes_of = True  # "2,5 millions de personnes"
        if kind == "numeral" and self._phone_like(doc, i, j):
            return RawNumber(i, j, None, kind="phone")
        return self._finish(doc, raw, phrases)

    def _compound(self, doc: Doc, j: int, value: float) -> tuple[float, int]:
        """"4 million and 200 thousand": a smaller multiplied number joined to a larger one."""
        lex = self.lex
        last = lex.multipliers.get(doc[j - 1].lower_)
        while (
            last is not None
            and j + 2 < len(doc)
            and doc[j].lower_ in lex.number_joiners
            and doc[j + 1].like_num
            and lex.multipliers.get(doc[j + 2].lower_, last) < last
        ):
            part = parse_numeral(doc[j + 1].text, lex.language)
            if part is None:
                break
            last = lex.multipliers[doc[j + 2].lower_]
            value = value + part * last
            j += 3
        return value, j

    def _phone_like(self, doc: Doc, i: int, j: int) -> bool:
        """"01 45 67 89 10": part of a run of three or more glued groups of one or two digits."""
        def short(k: int) -> bool:
            return re.fullmatch(r"\+?\d{1,2}", doc[k].text) is not None

        if not short(i):
            return False
        left = i
        while left > 0 and short(left - 1) and self._glued(doc, left):
            left -= 1
        right = i
        while right + 1 < len(doc) and short(right + 1) and self._glued(doc, right + 1):
            right += 1
        return right - left >= 2

    def _hyphen_number(self, word: str) -> bool:
        if "-" not in word:
            return False
        return parse_words([word], self.lex.number_words, self.lex.multipliers) is not None

    def _glued(self, doc: Doc, j: int) -> bool:
        """True when doc[j] follows doc[j-1] after exactly one (no-break) space."""
        prev = doc[j - 1]
        gap = self._text[prev.idx + len(prev.text) : doc[j].idx]
        return len(gap) == 1 and gap in GROUP_SPACES

    def _is_fraction(self, doc: Doc, start: int, end: int) -> bool:
        """"half of whom" yes; "the first half of 2019", "third-country" no."""
        if end < len(doc) and doc[end].text in ("-", "‑"):
            return False
        if start > 0 and doc[start - 1].lower_ in self.lex.ordinals:
            return False
        # "a year and a half", "two and a half": part of a mixed number, not a share
        joiner = start - 2 if start > 1 and doc[start - 1].lower_ in self.lex.weak_number_words else start - 1
        if joiner >= 0 and doc[joiner].lower_ in self.lex.number_joiners:
            return False
        return not (end + 1 < len(doc) and doc[end].lower_ in ("of", "de") and (doc[end + 1].lower_ in self.lex.months or _looks_like_year(doc[end + 1])))

    def _approx_noun(self, doc: Doc, i: int, phrases: dict[str, dict[int, int]]) -> RawNumber | None:
        lex = self.lex
        value = lex.approx_nouns[doc[i].lower_]
        start = i
        low = None
        if start > 0 and doc[start - 1].lower_ in lex.approx_noun_adjectives:
            start -= 1
            if doc[start].lower_ in ("grosse", "bonne", "good", "large"):
                low = value
        if start > 0 and doc[start - 1].lower_ in lex.approx_noun_articles:
            start -= 1
        elif start > 0 and doc[start - 1].like_num:
            multiplier = parse_numeral(doc[start - 1].text, lex.language) or parse_words(
                [doc[start - 1].text], lex.number_words, lex.multipliers
            )
            if multiplier:
                value = value * multiplier
                start -= 1
        raw = RawNumber(start, i + 1, value, low=low, qualifier="about", kind="approx_noun")
        raw.takes_of = True
        return self._finish(doc, raw, phrases)

    def _finish(self, doc: Doc, raw: RawNumber, phrases: dict[str, dict[int, int]]) -> RawNumber:
        """Qualifier on the left; percent or unit words on the right."""
        raw.num_start = raw.start
        q_start = phrases.get("QUALIFIER>", {}).get(raw.start)
        if q_start is not None and not (q_start + 1 == raw.start and doc[q_start].dep_ in _PARTICLE_DEPS):
            # "handed over 50 detainees": the verb's particle, not "more than"
            key = tuple(t.lower_ for t in doc[q_start : raw.start])
            qualifier = self._qualifier.get(key)
            if qualifier is not None:
                raw.qualifier = qualifier
                raw.start = q_start
        if raw.qualifier == "exact" and raw.start > 0 and doc[raw.start - 1].lower_ in self.lex.range_words:
            raw.flags.add("between")
        end = raw.end
        percent_end = phrases.get("PERCENT<", {}).get(end)
        if percent_end is not None:
            raw.unit = "percent"
            raw.end = percent_end
            return raw
        for label, by_start in phrases.items():
            if label.startswith("UNIT_") and label.endswith("<") and end in by_start:
                raw.unit = label[5:-1]
                raw.unit_end = by_start[end]
                return raw
        if raw.num_start > 0 and doc[raw.num_start - 1].lower_ in _CURRENCY or end < len(doc) and doc[end].lower_ in _CURRENCY:
            raw.unit = "money"
        return raw

    # -- ranges --------------------------------------------------------------------------------

    def _link_ranges(self, doc: Doc, found: list[RawNumber]) -> None:
        lex = self.lex
        for n in range(len(found) - 1):
            a, b = found[n], found[n + 1]
            if a.range_with is not None or a.kind in ("vague", "fraction"):
                continue
            gap = doc[a.unit_end or a.end : b.start]
            gap_words = [t.lower_ for t in gap]
            between = "between" in a.flags and len(gap_words) == 1 and gap_words[0] == lex.range_words.get(
                doc[a.start - 1].lower_
            )
            linked = len(gap_words) == 1 and gap_words[0] in lex.range_links
            if not (between or linked) or (a.unit and b.unit and a.unit != b.unit):
                continue
            a.range_with, b.range_with = n + 1, n
            low, high = a.value, b.value
            a.low = b.low = low
            a.high = b.high = high
            if between:
                a.qualifier = b.qualifier = "between"
                a.start -= 1
            elif a.qualifier != "exact" and b.qualifier == "exact":
                b.qualifier = a.qualifier
            if a.unit is None and b.unit is not None:
                a.unit = b.unit

    # -- what is not a figure ------------------------------------------------------------------

    def _excluded(self, doc: Doc, raw: RawNumber, phrases: dict[str, dict[int, int]]) -> bool:
        lex = self.lex
        first = doc[raw.num_start]
        before = doc[raw.start - 1] if raw.start > 0 else None
        after_i = raw.unit_end or raw.end
        after = doc[after_i] if after_i < len(doc) else None
        if raw.kind == "phone":
            return True
        if raw.kind in ("numeral", "words"):
            if raw.value is not None and raw.kind == "words" and raw.value == 1:
                return True
            # idioms: "aux quatre coins", "one of"
            if raw.num_start in phrases.get("IDIOM<", {}) or any(
                s < raw.num_start < e for s, e in _pairs(phrases.get("IDIOM<", {}))
            ):
                return True
            if (
                raw.unit is None
                and _looks_like_year(first)
                and raw.end - raw.num_start == 1
                and not _plural_noun_follows(doc, raw.end, lex)
            ):
                return True
            if _after_reference_noun(doc, _code_head(doc, raw.start), lex):
                return True
            if _code_head(doc, raw.start) < raw.start - 2:
                return True  # "421-2-1": the third part of a code
            if _paragraph_number(doc, raw, self._text):
                return True
            if after is not None and after.text in ("-", "‑") and after_i + 1 < len(doc) and (
                doc[after_i + 1].lower_ in lex.ordinals
            ):
                return True  # "Thirty-fourth report"
            if (
                before is not None
                and before.lower_ in lex.anaphoric_determiners
                and " ".join(t.lower_ for t in doc[max(0, raw.start - 2) : raw.start])
                not in lex.total_openers
            ):
                return True  # "ces deux attentats": counted before; "sur ces 420 personnes" is a total
            if raw.kind == "numeral" and first.text.isdigit() and len(first.text) >= 5:
                return True  # 13224: counts this large are written with separators
            if before is not None and before.lower_ in lex.months:
                return True
            if after is not None and after.lower_ in lex.months:
                return True
            if raw.unit is None and self._time_unit_follows(doc, after_i):
                return True
            if raw.unit is None and self._shares_time_unit(doc, after_i):
                return True
            if raw.start in phrases.get("AGE>", {}) or (
                before is not None and raw.start - 1 in phrases.get("AGE>", {})
            ):
                return True
            if (  # "aged 33 and 29": the second of two ages
                before is not None
                and before.lower_ in lex.number_joiners | {","}
                and raw.start >= 2
                and doc[raw.start - 2].like_num
                and raw.start - 2 in phrases.get("AGE>", {})
            ):
                return True
            if _in_date_entity(doc, raw, lex):
                return True
            if _part_of_name(doc, _list_head(doc, raw), self._text):
                return True
        if raw.unit == "percent":
            tail = self._text[doc[raw.num_start].idx : doc[raw.num_start].sent.end_char]
            if any(p.match(tail[len(doc[raw.num_start].text) :].lstrip()) or p.search(tail[:60]) for p in self._boilerplate):
                return True
        return False

    def _time_unit_follows(self, doc: Doc, i: int) -> bool:
        while i < len(doc) and doc[i].text in ("-", "‑"):
            i += 1
        if i < len(doc) and doc[i].pos_ == "ADJ" and i + 1 < len(doc) and doc[i + 1].lower_ in self.lex.time_units:
            return True
        return i < len(doc) and doc[i].lower_ in self.lex.time_units


    def _shares_time_unit(self, doc: Doc, i: int) -> bool:
        """"à dix-huit et vingt-deux ans": the first of two coordinated numbers shares the
        time unit of the second."""
        lex = self.lex
        if i + 2 >= len(doc) or doc[i].lower_ not in lex.number_joiners | lex.range_links | {"or", "ou"}:
            return False
        j = i + 1
        while j < len(doc) and j < i + 4 and (
            doc[j].like_num or doc[j].lower_ in lex.number_words or self._hyphen_number(doc[j].lower_)
        ):
            j += 1
        return j > i + 1 and self._time_unit_follows(doc, j)


_CODE_LETTER = re.compile(r"^[A-Z]\.$")


def _glued_pair(doc: Doc, i: int) -> bool:
    """doc[i] follows doc[i - 1] with no space between them."""
    return i > 0 and doc[i - 1].whitespace_ == ""


def _code_head(doc: Doc, start: int) -> int:
    """The first number of a code written with hyphens ("421-2-1", "L. 228-1")."""
    i = start
    while (
        i >= 2
        and doc[i - 1].text in ("-", "‑")
        and _glued_pair(doc, i)
        and _glued_pair(doc, i - 1)
        and doc[i - 2].like_num
    ):
        i -= 2
    return i


def _list_head(doc: Doc, raw: RawNumber) -> RawNumber:
    """"Brigades 45, 46 and 47": the first number of a list of bare numbers."""
    i = raw.start
    if not doc[i].text.isdigit():
        return raw
    while (
        i >= 2
        and doc[i - 1].lower_ in (",", "and", "et", "or", "ou")
        and doc[i - 2].text.isdigit()
        and not _looks_like_year(doc[i - 2])
    ):
        i -= 2
    if i == raw.start:
        return raw
    return RawNumber(i, i + 1, None, num_start=i)


def _paragraph_number(doc: Doc, raw: RawNumber, text: str) -> bool:
    """"38. Member States assessed ...": a number opening its line, then a full stop."""
    first = doc[raw.num_start]
    if raw.end - raw.num_start != 1 or not first.text.isdigit() or raw.end >= len(doc):
        return False
    if doc[raw.end].text != "." or doc[raw.end].idx != first.idx + len(first.text):
        return False
    line_start = text.rfind("\n", 0, first.idx) + 1
    return not text[line_start : first.idx].strip()


def _after_reference_noun(doc: Doc, start: int, lex: FigureLexicon) -> bool:
    """"Section 219", "Executive Order (E.O.) 13224", "résolution 2178", "article L. 228"."""
    i = start - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i >= 1 and _CODE_LETTER.match(doc[i].text):
        i -= 1
    if i < 0:
        return False
    if doc[i].pos_ == "VERB":
        return False  # "its fighters number about 5,000": the verb, not a label
    word = doc[i].lower_
    return word in lex.reference_nouns or word.strip(".") in lex.reference_nouns


def _pairs(by_start: dict[int, int]) -> list[tuple[int, int]]:
    return list(by_start.items())


def _looks_like_year(token: Token) -> bool:
    text = token.text
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _plural_noun_follows(doc: Doc, i: int, lex: FigureLexicon) -> bool:
    for token in doc[i : i + 3]:
        if token.pos_ in ("ADJ",) or token.text in ("-",):
            continue
        return (
            token.pos_ in ("NOUN", "PROPN")
            and "Plur" in token.morph.get("Number")
            and token.lower_ not in lex.months
        )
    return False


def _in_date_entity(doc: Doc, raw: RawNumber, lex: FigureLexicon) -> bool:
    token = doc[raw.num_start]
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return False
    return any(
        t.lower_ in lex.months or _looks_like_year(t) or t.lower_ in lex.time_units for t in ent
    ) and token.i not in _numbers_followed_by_noun(ent)


def _numbers_followed_by_noun(ent: Span) -> set[int]:
    return {
        t.i
        for t in ent
        if t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "NOUN"
        and t.doc[t.i + 1].ent_type_ != "DATE"
    }


def _part_of_name(doc: Doc, raw: RawNumber, text: str) -> bool:
    """"Route 66", "Apollo 11": a number right after a capitalised name word, with no noun
    after it, is part of the name (a label at the start of a line is not: "Membres 30 000")."""
    if raw.start == 0 or raw.start != raw.num_start:
        return False
    prev = doc[raw.start - 1]
    if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
        return False
    line_start = text.rfind("\n", 0, prev.idx) + 1
    if not text[line_start : prev.idx].strip(" -•*"):
        return False
    nxt = doc[raw.end] if raw.end < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
