"""Find the aliases a document states, and the gazetteer aliases it uses.

- **Acronyms**: "Directorate General for External Security (DGSE)", "DGSE (Direction
  générale ...)": the acronym's letters must be the initials of the name's content words
  (function words of both languages skipped, "al-" prefixes looked through, one letter of
  slack for acronyms of four letters or more). A long form no component had found yet
  becomes a mention too.
- **Stated names**: "X, also known as Y", "also called", "aka", "formerly", "alias",
  "dit", "également orthographié Y et Z", "(also Y or simply Z", "connu sous le nom de",
  "anciennement", "(en anglais, Y ou Z)": Y (a mention, or a capitalised name right
  after the cue) becomes an alias of X, the mention before the cue (parentheses skipped).
- **Gazetteer aliases**: a gazetteer mention whose surface is one of its entry's
  ``aliases`` (not a spelling variant) is reported with how="gazetteer".

Sets ``doc._.aliases`` and adds the new mentions to ``doc._.mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.datafiles import load_bundled
from claimgraph.errors import DataFileError
from claimgraph.nlp.attributes import Alias, Mention, doc_text
from claimgraph.nlp.entity_cues import load_cues
from claimgraph.nlp.gazetteer_data import GazetteerEntry, load_gazetteer, normalise_surface

FUNCTION_WORDS = frozenset(
    [
        "of",
        "the",
        "for",
        "and",
        "in",
        "on",
        "at",
        "to",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "d",
        "l",
        "et",
        "en",
        "au",
        "aux",
        "pour",
        "sur",
    ]
)
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_ACRONYM = r"[A-Z][A-Za-z]{0,1}[A-Z]{1,6}s?|[A-Z]{2,7}"
_NAME_WORD = r"(?:[Aa]l-|[Ee]l-|[a-z]{1,3}-)?[A-ZÀ-ÖØ-Þ](?:[\w-]|['’](?!s\b))*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:al|el|ez|ed|es|de|du|des|la|of|the|wal|in|en|for|pour|au|d['’])\s+)?{_NAME_WORD})*"
_PREFIX = re.compile(r"(?:anti|contre|counter)(?=[a-zé])", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"(?:[Ll]['’]|(?:The|Les|La|Le)\s+)(?=[A-ZÀ-ÖØ-Þ])")
_LOWER_ARTICLE: Final = re.compile(r"\s*(?:(?:the|le|la|les)\s+|l['’])(?=[\"“«‘]?\s*[A-ZÀ-ÖØ-Þ])")
_IS_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}s?")
CUE_FILE: Final = "alias_cues.yaml"
_FORMER_NAME: Final = re.compile(
    r"formerly|previously|until|anciennement|auparavant|jusqu", re.IGNORECASE
)
_CUE_KINDS: Final = ("anywhere", "after_bracket", "after_comma", "continuations")
# "by its members and", "par les habitants ou": who uses a stated name, before the next one
_AGENT: Final = re.compile(r"\s+(?:by|par)\s+[a-zà-ÿ'’ ]{2,40}?(?=\s*,?\s*(?:and|or|et|ou)\s)")
# a quoted lowercase name of two words or more: known as "the industry prison" (the article
# left out); a one-word gloss (littéralement « marais ») is a translation, not a name
_QUOTED_COMMON_NAME: Final = re.compile(
    r"\s*[\"“«]\s*(?:(?:the|le|la|les)\s+|l['’])?([a-zà-ÿ][\w'’-]*(?:\s+[\w'’-]+){1,4})\s*[\"”»]"
)
_COMPOUND_ADJECTIVE: Final = re.compile(r"[A-ZÀ-Ý]\w*-[a-zà-ÿ][\w-]*")
_BRACKET: Final = re.compile(r"\(([^()\n]{2,160})\)")
_BRACKET_PART: Final = re.compile(r"[^;,]+")
# a quoted translation, with or without its lead: "Arabic for", "lit.", "meaning", "en français"
_GLOSS: Final = re.compile(
    r"\s*(?:(?:[A-Z][a-z]+\s+for|lit\.|literally|meaning|littéralement|signifiant"
    r"|(?:in|en)\s+[A-Za-zéç]+)\s*:?\s*)?[\"“«]\s*([A-ZÀ-ÖØ-Þ][^\"“”«»]{1,80}?)\s*[\"”»]\s*$"
)


# "…" in a cue phrase stands for one to three words: "known for decades as"
_GAP: Final = r"(?:[\w'’-]+\s+){1,3}?"


def _phrase(text: str) -> str:
    """A regex for a cue phrase: its words in order, any spaces between, ' or ’, and
    one to three free words where the phrase has "…" ("known … as")."""
    out, after_word = "", False
    words = text.split()
    for n, word in enumerate(words):
        if word == "…":
            out, after_word = out + (r"\s+" if after_word else "") + _GAP, False
            continue
        escaped = re.escape(word).replace("'", "['’]")
        if word == "de" and n == len(words) - 1:
            escaped = r"(?:de|d['’](?=\w))"  # "sous le nom d'al-Chabab"
        out += (r"\s+" if after_word else "") + escaped
        after_word = True
    return out


def cue_patterns(data: Any, language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(cue regex, continuation regex) for ``language``; raises DataFileError naming the key."""
    section = data.get(language) if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise DataFileError(CUE_FILE, f"section {language!r} is missing")
    lists: dict[str, list[str]] = {}
    for kind in _CUE_KINDS:
        items = section.get(kind)
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise DataFileError(CUE_FILE, f"{language}.{kind} must be a list of phrases")
        lists[kind] = sorted(items, key=len, reverse=True)
    either = lambda items: "|".join(_phrase(i) for i in items)
    branches = [rf"(?<![\w-])(?:{either(lists['anywhere'])})"]
    if lists["after_bracket"]:
        branches.append(rf"(?<=\()\s*(?:{either(lists['after_bracket'])})")
    if lists["after_comma"]:
        branches.append(rf"(?<=,)\s*(?:{either(lists['after_comma'])})")
    cue = re.compile(rf"(?:{'|'.join(branches)})(?:(?<=['’])|(?![\w-]))\s*")
    continuation = re.compile(rf"\s*(?:,\s*)?(?:{either(lists['continuations'])})\s+")
    return cue, continuation


@cache
def load_cue_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return cue_patterns(load_bundled(CUE_FILE), language)


# the article, and the connectors some acronyms skip, inside transliterated Arabic names
ARTICLES: Final = frozenset({"al", "el", "ad", "as", "ash", "d", "l"})
ARABIC_PARTICLES: Final = ARTICLES | {"wal", "wa", "li", "bi", "fi"}


def initials_match(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name`` (initials of content words, in order).

    Arabic connectors are counted both ways, as acronyms do: "Jama'at Nusrat al-Islam
    wal-Muslimin" is JNIM (without "wal"), "Ahl al-Sunna wa al-Jama'a" is ASWJ (with "wa").
    """
    if acronym.endswith("s") and not acronym.isupper():
        acronym = acronym[:-1]  # plural: "NGOs"
    mixed = not acronym.isupper()
    letters = [c for c in acronym if c.isalpha() and (c.isupper() or not mixed)]
    if len(letters) < 2:
        return False
    return any(
        _initials_fit(letters, _initials(name, skip)) for skip in (ARTICLES, ARABIC_PARTICLES)
    )


def _initials(name: str, skip: frozenset[str]) -> list[str]:
    words = []
    for word in _WORD.findall(name):
        low = word.lower().strip("'’")
        if low in FUNCTION_WORDS or (len(low) <= 2 and low.endswith(("'", "’"))):
            continue
        # hyphens separate words; an apostrophe only after an elided article ("d'Irak"),
        # not inside a transliteration ("Kata'ib", "Jama'at": one word each)
        for part in re.split(r"-|(?<=\b[A-Za-z])['’]|(?<=\b[A-Za-z]{2})['’](?=[A-Z])", word):
            if part and part.lower() not in skip:
                prefix = _PREFIX.match(part)
                if prefix and len(part) > prefix.end() + 3:
                    words.append(part[: prefix.end()])  # "antiterroriste" gives A and T
                    part = part[prefix.end() :]
                words.append(part)
    return [w[0].upper() for w in words]


def _initials_fit(letters: list[str], initials: list[str]) -> bool:
    if not initials:
        return False
    if initials == letters:
        return True
    slack = 1 if len(letters) >= 3 else 0
    return len(initials) == len(letters) and sum(a != b for a, b in zip(initials, letters)) <= slack


class AliasFinder:
    """The ``claimgraph_aliases`` component."""

    def __init__(self, nlp: Language, language: str, entries: Iterable[GazetteerEntry]) -> None:
        self.language = language
        cues = load_cues(language)
        self.public_body_words = frozenset(w.lower() for w in cues.public_body_words)
        self.not_entity_heads = frozenset(w.lower() for w in cues.not_entity_heads)
        # "designated as Foreign Terrorist Organizations (FTOs)": a status, not a name
        self.not_entities = frozenset(w.lower() for w in cues.not_entities)
        self.alias_keys: dict[str, set[str]] = {}  # normalised alias -> canonical names
        for entry in entries:
            for alias in entry.aliases:
                self.alias_keys.setdefault(normalise_surface(alias), set()).add(
                    entry.canonical(language)
                )
        # "(DGSE)", "(DGSE, ...", and after a gloss: "(Arabic for "Brigades of God"; KH)"
        self._long_then_acronym = re.compile(
            rf"\((?:[^()]{{0,80}}?[;,]\s*)?({_ACRONYM})\s*[),;]"
        )
        self._long_or_acronym = re.compile(rf",\s+(?:or|ou)\s+({_ACRONYM})(?=\s*[),;.])")
        self._acronym_then_long = re.compile(rf"(?<![\w-])({_ACRONYM})\s*\(\s*({_NAME})")
        self._cue, self._continuation = load_cue_patterns(language)
        self._bracketed_name = re.compile(rf"\(\s*[\"“«‘]?\s*({_NAME})\s*[\"”»’]?\s*\)")
        self._name_after = re.compile(rf"\s*[\"'“«‘]?\s*({_NAME})")
        self._name_before = re.compile(rf"(?<![\w'’-])({_NAME})\s*,\s*$")
        self._whole_name = re.compile(rf"\s*[\"“«‘]?\s*({_NAME})\s*[\"”»’]?\s*")

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[Mention] = list(doc._.mentions or [])
        aliases: list[Alias] = []
        text = doc_text(doc)
        self._acronyms(text, mentions, aliases)
        self._parenthesised(text, mentions, aliases)
        self._bracket_lists(text, mentions, aliases)
        self._stated(doc, text, mentions, aliases)
        aliases.extend(self._gazetteer_aliases(mentions))
        seen: set[tuple[str, str]] = set()
        unique = []
        for alias in sorted(aliases, key=lambda a: a["start"]):
            key = (normalise_surface(alias["surface"]), alias["canonical"])
            if key not in seen and normalise_surface(alias["surface"]) != normalise_surface(
                alias["canonical"]
            ):
                seen.add(key)
                unique.append(alias)
        mentions.sort(key=lambda m: (m["start"], m["end"]))
        doc._.mentions = mentions
        doc._.aliases = unique
        return doc

    def _gazetteer_aliases(self, mentions: list[Mention]) -> list[Alias]:
        """Gazetteer aliases the document uses as a genuinely different name: an acronym,
        or a name beside another, non-truncated surface of the same entity that came first
        (a name the text itself opens with is its own name here, not an alias)."""
        by_entity: dict[str, list[Mention]] = {}
        for m in mentions:
            if m["source"] == "gazetteer":
                by_entity.setdefault(m["canonical"], []).append(m)
        found = []
        for canonical, group in by_entity.items():
            group.sort(key=lambda m: m["start"])
            for i, m in enumerate(group):
                key = normalise_surface(m["text"])
                if canonical not in self.alias_keys.get(key, ()) or _truncation(
                    key, normalise_surface(canonical)
                ):
                    continue
                acronym = _IS_ACRONYM.fullmatch(m["text"]) is not None
                others = {normalise_surface(o["text"]) for o in group[:i]}
                if acronym or any(not _truncation(key, other) for other in others):
                    found.append(
                        Alias(
                            surface=m["text"],
                            canonical=canonical,
                            start=m["start"],
                            end=m["end"],
                            how="gazetteer",
                        )
                    )
        return found

    # ---- acronyms -----------------------------------------------------------------
    def _acronyms(self, text: str, mentions: list[Mention], aliases: list[Alias]) -> None:
        for match in self._long_then_acronym.finditer(text):
            acronym = match.group(1)
            a_start, a_end = match.span(1)
            before_end = _owner_end(text, match.start())
            owner = _mention_ending_at(mentions, before_end)
            if owner is not None and initials_match(acronym, owner["text"]):
                long_start, long_end, label, canonical = (
                    owner["start"],
                    owner["end"],
                    owner["label"],
                    owner["canonical"],
                )
            elif owner is not None and self._shortened_gazetteer_name(owner, mentions, a_start, a_end):
                continue  # "its so-called Central Africa Province (ISCAP)"
            else:
                found = self._long_form(text, before_end, acronym)
                if found is None:
                    continue
                long_start, long_end = found
                if owner is not None and owner["start"] <= long_start:
                    # "Iraqi Counter-Terrorism Service (CTS)": the acronym leaves out a
                    # leading word of a name already found; it names that whole entity
                    self._add(
                        text,
                        mentions,
                        aliases,
                        a_start,
                        a_end,
                        owner["label"],
                        owner["canonical"],
                        "acronym",
                    )
                    continue
                long_text = text[long_start:long_end]
                if long_text.lower() in self.not_entities:
                    continue
                inner = [m for m in mentions if m["start"] >= long_start and m["end"] <= long_end]
                for m in inner:
                    mentions.remove(m)
                label = self._label_for(long_text)
                canonical = long_text
                mentions.append(_mention(text, long_start, long_end, label, canonical, "acronym"))
            self._add(text, mentions, aliases, a_start, a_end, label, canonical, "acronym")
        for match in self._long_or_acronym.finditer(text):
            # "its Central Africa Province, or ISCAP,": only when the acronym fits the name
            # ("Syria, or IS" lists two things)
            owner = _mention_ending_at(mentions, match.start())
            a_start, a_end = match.span(1)
            if owner is None:
                continue
            if initials_match(match.group(1), owner["text"]):
                label, canonical = owner["label"], owner["canonical"]
                self._add(text, mentions, aliases, a_start, a_end, label, canonical, "acronym")
            else:
                self._shortened_gazetteer_name(owner, mentions, a_start, a_end)
        for match in self._acronym_then_long.finditer(text):
            acronym, name = match.group(1), match.group(2)
            n_start, n_end = match.span(2)
            if not initials_match(acronym, name):
                continue
            owner = _mention_at(mentions, match.start(1), match.end(1))
            label = owner["label"] if owner else self._label_for(name)
            canonical = owner["canonical"] if owner else name
            if _mention_at(mentions, n_start, n_end) is None and _free(mentions, n_start, n_end):
                mentions.append(_mention(text, n_start, n_end, label, canonical, "acronym"))
            if owner is None:
                self._add(
                    text,
                    mentions,
                    aliases,
                    match.start(1),
                    match.end(1),
                    label,
                    canonical,
                    "acronym",
                )
            else:
                aliases.append(
                    Alias(
                        surface=acronym,
                        canonical=canonical,
                        start=match.start(1),
                        end=match.end(1),
                        how="acronym",
                    )
                )

    def _shortened_gazetteer_name(
        self, owner: Mention, mentions: list[Mention], start: int, end: int
    ) -> bool:
        """When an acronym given beside a name (in brackets, or after ", or") is a gazetteer
        name whose entity's name holds that name word for word ("Central Africa Province (ISCAP)", ISCAP being "Islamic
        State Central Africa Province"), that name is a short form of the same entity: the
        owner joins it. Returns whether it did."""
        acronym = _mention_at(mentions, start, end)
        if acronym is None or acronym["source"] != "gazetteer" or owner["source"] == "gazetteer":
            return False
        short = normalise_surface(owner["text"])
        if len(short.split()) < 2 or f" {short} " not in f" {normalise_surface(acronym['canonical'])} ":
            return False
        owner["canonical"], owner["label"] = acronym["canonical"], acronym["label"]
        return True

    def _parenthesised(self, text: str, mentions: list[Mention], aliases: list[Alias]) -> None:
        """ "General Directorate of Security (Emniyet)": a name alone in brackets right after
        an organisation or public body is another name of it (places are skipped: "Idlib
        (Syria)" says where, not what)."""
        for match in self._bracketed_name.finditer(text):
            owner = _mention_ending_at(mentions, _owner_end(text, match.start()))
            if owner is None or owner["label"] not in ("Organization", "PublicBody"):
                continue
            start, end = match.span(1)
            inner = _mention_at(mentions, start, end)
            if inner is not None and inner["label"] in ("Country", "Location", "Person"):
                continue
            if (
                inner is not None
                and inner["source"] == "gazetteer"
                and owner["source"] != "gazetteer"
                and _truncation(
                    normalise_surface(owner["text"]), normalise_surface(inner["canonical"])
                )
            ):
                # "Central Command (CENTCOM)": the gazetteer names what the text shortened
                owner["canonical"], owner["label"] = inner["canonical"], inner["label"]
                aliases.append(
                    Alias(
                        surface=inner["text"],
                        canonical=inner["canonical"],
                        start=start,
                        end=end,
                        how="parenthesis",
                    )
                )
                continue
            if any(a["start"] == start for a in aliases):
                continue
            self._add(
                text,
                mentions,
                aliases,
                start,
                end,
                owner["label"],
                owner["canonical"],
                "parenthesis",
            )

    def _bracket_lists(self, text: str, mentions: list[Mention], aliases: list[Alias]) -> None:
        """ "Kata'ib Hezbollah (Arabic for "Brigades of the Party of God"; KH)", "(HSM;
        "Movement of Striving Youth")", "(Generalbundesanwalt, GBA)": each part of a bracket
        after an organisation or public body that is a quoted translation, a name, or an
        acronym of a name beside it, is another name of it. Parts with words of their own
        ("abbreviated JNIM") are left to the stated-name cues."""
        for bracket in _BRACKET.finditer(text):
            owner = _mention_ending_at(mentions, _owner_end(text, bracket.start()))
            if owner is None or owner["label"] not in ("Organization", "PublicBody"):
                continue
            parts = list(_BRACKET_PART.finditer(text, bracket.start(1), bracket.end(1)))
            names: list[tuple[int, int]] = []
            acronyms: list[tuple[int, int]] = []
            for part in parts:
                start, end = part.span()
                gloss = _GLOSS.match(text, start, end)
                if gloss:
                    names.append(gloss.span(1))
                    continue
                if len(parts) == 1:
                    continue  # a lone bare name: _parenthesised's case
                name = self._whole_name.fullmatch(text, start, end)
                if name is None or _COMPOUND_ADJECTIVE.fullmatch(name.group(1)):
                    continue  # "(SDF, Kurdish-led)"
                if _IS_ACRONYM.fullmatch(name.group(1)):
                    acronyms.append(name.span(1))
                else:
                    names.append(name.span(1))
            initials = {text[s].upper() for s, _ in names} | {owner["text"][:1].upper()}
            found = names + [(s, e) for s, e in acronyms if text[s] in initials]
            for start, end in found:
                if any(a["start"] == start for a in aliases):
                    continue
                inner = _mention_at(mentions, start, end)
                if inner is not None and inner["label"] in ("Country", "Location", "Person"):
                    continue
                self._add(
                    text,
                    mentions,
                    aliases,
                    start,
                    end,
                    owner["label"],
                    owner["canonical"],
                    "parenthesis",
                    overrides=True,
                )

    def _long_form(self, text: str, end: int, acronym: str) -> tuple[int, int] | None:
        """The shortest run of words ending at ``end`` whose initials give ``acronym``."""
        words = list(_WORD.finditer(text, max(0, end - 200), end))
        for count in range(1, min(len(words), 12) + 1):
            first = words[-count]
            gap = text[first.start() : end]
            if "\n" in gap or "(" in gap or ")" in gap or "," in gap:
                return None
            if first.group(0).lower() in FUNCTION_WORDS:
                continue
            last = words[-1].group(0).lower()
            if last in self.not_entity_heads:
                return None  # "Specially Designated Global Terrorist (SDGT)"
            if initials_match(acronym, gap) and (
                first.group(0)[0].isupper() or first.group(0).lower() in self.public_body_words
            ):
                article = _LEADING_ARTICLE.match(text, first.start(), end)
                return (article.end() if article else first.start()), end  # not "L'Alliance"
        return None

    def _label_for(self, name: str) -> str:
        words = {w.lower() for w in _WORD.findall(name)}
        return "PublicBody" if words & self.public_body_words else "Organization"

    # ---- stated names ---------------------------------------------------------------
    def _stated(self, doc: Doc, text: str, mentions: list[Mention], aliases: list[Alias]) -> None:
        how = "also_known_as"
        for match in self._cue.finditer(text):
            owner = _mention_before(text, mentions, match.start())
            # "X, ..., is better known as Y": the name is stated of the clause's subject
            cue_start = match.end() - len(match.group(0).lstrip())
            subject = _subject_of_cue(doc, mentions, cue_start)
            stated_of_subject = subject is not None and (
                owner is None or text[owner["end"] : match.start()].strip() not in ("", ",", "(")
            )
            if stated_of_subject:
                owner = subject
            if owner is None:
                owner = self._unfound_owner(text, mentions, match)
            if owner is None:
                continue
            # "X, known locally as al-Shabaab": the text's own statement, right after the
            # name, outranks the gazetteer's other entity of that name in this document; a
            # former name ("formerly known as") may be another entry's and is left to it
            overrides = not _FORMER_NAME.search(match.group(0)) and (
                stated_of_subject or text[owner["end"] : match.start()].strip() in ("", ",", "(")
            )
            position = match.end()
            while True:
                found = self._name_at(text, mentions, position)
                if found is None:
                    break
                start, end = found
                if (start, end) == (owner["start"], owner["end"]):
                    break
                self._add(
                    text,
                    mentions,
                    aliases,
                    start,
                    end,
                    owner["label"],
                    owner["canonical"],
                    how,
                    overrides=overrides,
                )
                agent = _AGENT.match(text, end, end + 60)  # "A by its members and B by ..."
                after = agent.end() if agent else end
                cont = self._continuation.match(text, after, after + 24)
                if cont is None:
                    break
                position = cont.end()

    def _unfound_owner(self, text: str, mentions: list[Mention], cue: re.Match[str]) -> Mention | None:
        """ "Ahmed Diriye, also known as Ahmad Umar": the capitalised name right before the
        cue when no component found it, typed like the first stated name (which must be a
        mention already). The new mention is added to ``mentions``."""
        named = self._name_at(text, mentions, cue.end())
        first = _mention_at(mentions, *named) if named else None
        if first is None:
            return None
        window = max(0, cue.start() - 80, text.rfind("\n", 0, cue.start()) + 1)
        before = self._name_before.search(text, window, cue.start())
        if before is None or not _free(mentions, *before.span(1)):
            return None
        start, end = before.span(1)
        owner = _mention(text, start, end, first["label"], text[start:end], "also_known_as")
        mentions.append(owner)
        return owner

    def _name_at(self, text: str, mentions: list[Mention], position: int) -> tuple[int, int] | None:
        article = _LOWER_ARTICLE.match(text, position)  # known as the Allied Democratic Forces
        if article:
            position = article.end()
        stripped = position
        while stripped < len(text) and text[stripped] in " \"'“«‘":
            stripped += 1
        at = next(((m["start"], m["end"]) for m in mentions if m["start"] == stripped), None)
        match = self._name_after.match(text, position)
        if match is None:
            quoted = _QUOTED_COMMON_NAME.match(text, position)
            return quoted.span(1) if quoted and at is None else at
        if at is not None and at[1] >= match.end(1):
            return at
        return match.span(1)  # a longer stated name: "Al-Qaeda in Syria" over "Al-Qaeda"

    def _add(
        self,
        text: str,
        mentions: list[Mention],
        aliases: list[Alias],
        start: int,
        end: int,
        label: str,
        canonical: str,
        how: str,
        *,
        overrides: bool = False,
    ) -> None:
        if text[start:end].lower() in self.not_entities:
            return
        existing = _mention_at(mentions, start, end)
        if existing is None:
            inner = [m for m in mentions if start <= m["start"] and m["end"] <= end]
            for m in inner:
                mentions.remove(m)  # the stated name covers what was found inside it
            if not _free(mentions, start, end):
                return
            mentions.append(_mention(text, start, end, label, canonical, how))
        elif existing["source"] == "gazetteer" and existing["canonical"] != canonical and not overrides:
            return  # the gazetteer knows this name belongs to another entity
        else:
            existing["canonical"] = canonical
            existing["label"] = label
        aliases.append(
            Alias(surface=text[start:end], canonical=canonical, start=start, end=end, how=how)
        )


def _truncation(a: str, b: str) -> bool:
    """Whether one name is the other, a word-wise part of it ("Tahrir al Sham") or the
    same content words in another order ("State Department", "Department of State")."""
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    content = lambda name: {w for w in re.findall(r"\w+", name) if w not in FUNCTION_WORDS}
    return content(a) == content(b)


def _mention(text: str, start: int, end: int, label: str, canonical: str, source: str) -> Mention:
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        label=label,
        canonical=canonical,
        qid=None,
        source=source,
    )


def _owner_end(text: str, position: int) -> int:
    """Where the name before a bracket ends: spaces and closing quotes skipped
    ("\"Syrian Democratic Forces\" (Qasad)")."""
    while position > 0 and text[position - 1] in " \"”»’":
        position -= 1
    return position


def _mention_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    return next((m for m in mentions if m["start"] == start and m["end"] == end), None)


def _mention_ending_at(mentions: list[Mention], end: int) -> Mention | None:
    return next((m for m in mentions if m["end"] == end), None)


def _free(mentions: list[Mention], start: int, end: int) -> bool:
    return all(end <= m["start"] or start >= m["end"] for m in mentions)


_CUE_VERB_SUBJECTS: Final = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def _subject_of_cue(doc: Doc, mentions: list[Mention], position: int) -> Mention | None:
    """The mention that is the grammatical subject of the cue's verb ("ISIS-DRC ... is
    better known as", "le groupe X est aussi inscrit sous le nom de"), when the parse has one and the
    verb is finite-bound (it has an auxiliary or copula: a participle in apposition, as in
    "X, known as Y", belongs to the name before it and is left to ``_mention_before``)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None  # the cue starts on a space between tokens
    verb = span[0]
    if verb.pos_ == "ADV" and verb.head.i > verb.i:  # "better known", "plus connu"
        verb = verb.head
    if not any(child.dep_ in ("aux", "aux:pass", "auxpass", "cop") for child in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in _CUE_VERB_SUBJECTS), None)
    if subject is None:
        return None
    return next((m for m in mentions if m["start"] <= subject.idx < m["end"]), None)


def _mention_before(text: str, mentions: list[Mention], position: int) -> Mention | None:
    """The last mention before ``position`` in the same sentence, skipping parentheses."""
    depth = 0
    i = position - 1
    floor = max(0, position - 300)
    ends = {m["end"]: m for m in mentions}
    while i >= floor:
        char = text[i]
        if char == ")":
            depth += 1
        elif char == "(" and depth:
            depth -= 1
        elif depth == 0 and char in ".\n" and i + 1 < len(text) and text[i + 1] in " \n":
            return None
        elif depth == 0 and i + 1 in ends and ends[i + 1]["start"] <= i:
            return ends[i + 1]
        i -= 1
    return None


@Language.factory(
    "claimgraph_aliases",
    default_config={"language": "en", "directory": None},
    assigns=["doc._.aliases", "doc._.mentions"],
    requires=["doc._.mentions"],
)
def make_aliases(nlp: Language, name: str, language: str, directory: str | None) -> AliasFinder:
    return AliasFinder(nlp, language, load_gazetteer(Path(directory) if directory else None))
