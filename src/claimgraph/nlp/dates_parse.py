"""Date expressions as value types: find and parse them in English and French text.

``PartialDate`` is a date at the precision written (year, year-month or full date).
``DateGrammar`` holds the precompiled regexes of one language, built once from
``data/date_cues.yaml``; ``DateGrammar.scan(text)`` yields every ``RawDate`` it finds, with
its character offsets, leaving decisions that need the parse (event or not, year from
the context) to ``claimgraph.nlp.components.dates``. ``parse_date(text, language)`` parses
one whole expression and returns ``None`` for anything it cannot read.

dateparser is not used: it costs about 2.6 ms per expression (measured), more than the
whole spaCy parse of a short document; a precompiled month table does the common forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from claimgraph.datafiles import read_yaml
from claimgraph.errors import DataFileError

CUES_FILE: Final = "date_cues.yaml"
LANGUAGES: Final = ("en", "fr")
EVENT_FILTER_KEYS: Final = (
    "stock_verbs",
    "stock_nouns",
    "count_nouns",
    "time_nouns",
    "same_day_words",
    "day_reference_preps",
)
_LIST_KEYS: Final = (
    "seasons",
    "prepositions",
    "month_alone_leads",
    "period_modifiers",
    "connectors",
    "count_verbs",
    "not_before_year",
    "not_after_year",
)
_UNITS: Final = {"day", "month", "year"}

Kind = Literal["absolute", "needs_year", "weekday", "deictic"]


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the precision written; missing parts are None."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str | None:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None while the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> PartialDate | None:
        """This date in ``year``, or None when it does not exist (30 February)."""
        candidate = replace(self, year=year)
        return candidate if candidate.is_valid() else None

    def is_valid(self) -> bool:
        if self.month is None or self.day is None:
            return True
        try:
            date(self.year or 2000, self.month, self.day)
        except ValueError:
            return False
        return True

    def latest_on_or_before(self, reference: date) -> PartialDate | None:
        """The year-less date (month, optional day) in the last year that puts it on or
        before ``reference``: "December 17" read in June 2015 is 2014-12-17."""
        for year in (reference.year, reference.year - 1):
            candidate = self.with_year(year)
            if candidate is None or candidate.month is None:
                continue
            first = date(year, candidate.month, candidate.day or 1)
            if first <= reference:
                return candidate
        return None


@dataclass(frozen=True, slots=True)
class RawDate:
    """One date expression found by ``DateGrammar.scan``.

    ``start``/``end`` cover the text as written including a leading preposition or
    modifier ("in 2016", "Fin 2018"); ``core_start`` is where the date proper begins.
    ``kind`` says what the year needs: ``absolute`` (written), ``needs_year`` (month/day
    written, year from the context or the publication date), ``weekday``/``deictic``
    (resolved against the publication date only).
    """

    start: int
    end: int
    core_start: int
    value: PartialDate
    kind: Kind
    pattern: str
    preposition: str = ""
    weekday: int | None = None
    offset: tuple[str, int] | None = None  # deictic: (unit, offset)
    bare: bool = False  # a lone four-digit year with no preposition or modifier


def parse_iso(text: str | None) -> date | None:
    """A ``date`` from ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``, taken at their start)."""
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", text.strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


def shift(reference: date, unit: str, offset: int) -> PartialDate:
    """``reference`` moved by ``offset`` units, at that unit's precision."""
    if unit == "day":
        moved = reference + timedelta(days=offset)
        return PartialDate(moved.year, moved.month, moved.day)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        return PartialDate(index // 12, index % 12 + 1)
    return PartialDate(reference.year + offset)


def last_weekday(reference: date, weekday: int) -> PartialDate:
    """The latest ``weekday`` (Monday = 0) on or before ``reference``."""
    moved = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return PartialDate(moved.year, moved.month, moved.day)


# --------------------------------------------------------------------------- data file


@dataclass(frozen=True, slots=True)
class LanguageCues:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: tuple[str, ...]
    prepositions: tuple[str, ...]
    month_alone_leads: tuple[str, ...]
    period_modifiers: tuple[str, ...]
    connectors: tuple[str, ...]
    deictic: dict[str, tuple[str, int]]
    reference_cues: tuple[tuple[str, bool], ...]  # (phrase, clause_initial)
    count_verbs: frozenset[str]
    not_before_year: frozenset[str]
    not_after_year: frozenset[str]
    # claimgraph.nlp.components.dates.EventFilters: which dates are not events
    event_filters: dict[str, tuple[str, ...]]


@cache
def load_cues(path: str | None = None) -> dict[str, LanguageCues]:
    """The validated cues of every language; ``path`` overrides the bundled file."""
    if path is None:
        raw = resources.files("claimgraph.nlp.data").joinpath(CUES_FILE).read_text("utf-8")
        name = CUES_FILE
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
        name = path
    data = read_yaml(raw, str(name))
    if not isinstance(data, dict):
        raise DataFileError(name, "the top level must map languages to their cues")
    return {language: _language_cues(name, language, data.get(language)) for language in LANGUAGES}


def _language_cues(name: str, language: str, data: Any) -> LanguageCues:
    if not isinstance(data, dict):
        raise DataFileError(name, f"missing language {language!r}")

    def require(key: str) -> Any:
        if key not in data:
            raise DataFileError(name, f"{language}: missing key {key!r}")
        return data[key]

    def int_map(key: str, low: int, high: int) -> dict[str, int]:
        value = require(key)
        if not isinstance(value, dict) or not value:
            raise DataFileError(name, f"{language}.{key}: expected a non-empty mapping")
        for word, number in value.items():
            if not isinstance(number, int) or not low <= number <= high:
                raise DataFileError(
                    name, f"{language}.{key}.{word}: expected an integer {low}..{high}"
                )
        return {str(word).lower(): number for word, number in value.items()}

    months = int_map("months", 1, 12)
    weekdays = int_map("weekdays", 0, 6)
    def string_list(value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise DataFileError(name, f"{where}: expected a list of strings")
        return value

    lists = {
        key: tuple(item.lower() for item in string_list(require(key), f"{language}.{key}"))
        for key in _LIST_KEYS
    }
    filters_section = require("event_filters")
    if not isinstance(filters_section, dict):
        raise DataFileError(name, f"{language}.event_filters: expected a mapping")
    event_filters = {
        key: tuple(
            item.lower().replace("’", "'")
            for item in string_list(filters_section.get(key), f"{language}.event_filters.{key}")
        )
        for key in EVENT_FILTER_KEYS
    }

    deictic: dict[str, tuple[str, int]] = {}
    for phrase, spec in (require("deictic") or {}).items():
        if (
            not isinstance(spec, dict)
            or spec.get("unit") not in _UNITS
            or not isinstance(spec.get("offset"), int)
        ):
            raise DataFileError(
                name,
                f"{language}.deictic.{phrase}: expected {{unit: day|month|year, offset: int}}",
            )
        deictic[_key(str(phrase))] = (spec["unit"], spec["offset"])

    references: list[tuple[str, bool]] = []
    for cue in require("reference_cues") or []:
        if not isinstance(cue, dict) or not isinstance(cue.get("phrase"), str):
            raise DataFileError(name, f"{language}.reference_cues: each cue needs a 'phrase'")
        unknown = set(cue) - {"phrase", "clause_initial"}
        if unknown:
            raise DataFileError(name, f"{language}.reference_cues: unknown keys {sorted(unknown)}")
        references.append((_key(cue["phrase"]), bool(cue.get("clause_initial", False))))

    return LanguageCues(
        months=months,
        weekdays=weekdays,
        seasons=lists["seasons"],
        prepositions=lists["prepositions"],
        month_alone_leads=lists["month_alone_leads"],
        period_modifiers=lists["period_modifiers"],
        connectors=lists["connectors"],
        deictic=deictic,
        reference_cues=tuple(references),
        count_verbs=frozenset(lists["count_verbs"]),
        not_before_year=frozenset(lists["not_before_year"]),
        not_after_year=frozenset(lists["not_after_year"]),
        event_filters=event_filters,
    )


# --------------------------------------------------------------------------- grammar


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace
    and straight/curly apostrophes matching each other."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word.rstrip("-"))
        escaped = escaped.replace(r"\ ", r"\s+")
        escaped = re.sub("['’]", "['’]", escaped)
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


_YEAR_DIGITS: Final = r"(?:1[6-9]\d\d|20\d\d)"
# not inside a bigger number: "13224", "1,2014", French thousands "2 000" / "12 014"
# nor a decade ("the 1990s")
_YEAR: Final = rf"(?<![\d.,/])(?<!\d\s){_YEAR_DIGITS}(?!\d)(?![.,]\d)(?!s\b)"
_DAY: Final = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_DIGITS: Final = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")  # year-like numbers
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_WINDOW: Final = 48  # characters around an anchor: longer than any prefix or suffix
_CORE_GROUPS: Final = ("a", "d", "m", "y", "s", "wd", "dx")


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower()).replace("’", "'")


class DateGrammar:
    """The compiled date patterns of one language."""

    def __init__(self, language: str, cues: LanguageCues) -> None:
        self.language = language
        self.cues = cues
        months = _alternation(cues.months) + r"\.?"
        weekday = _alternation(cues.weekdays)
        season = _alternation(cues.seasons)
        if language == "fr":
            day = rf"(?:1er|{_DAY})"
            of = r"(?:\s+(?:de\s+|d['’]\s*))?"
            range_link = r"\s*(?:-|–|au|et|à)\s*"
            wd = rf"(?:{weekday}\s+)?"
        else:
            day = rf"{_DAY}(?:st|nd|rd|th)?"
            of = r"(?:\s+of)?"
            range_link = r"\s*(?:-|–|to|through|and)\s*"
            wd = rf"(?:{weekday},?\s+)?"
        the = r"(?:the\s+)?" if language == "en" else ""
        y = rf"(?P<y>{_YEAR})"
        mod = rf"(?:(?P<mod>{_alternation(cues.period_modifiers)})(?:\s+|\s*-\s*))"
        patterns: list[tuple[str, str]] = [
            (
                "iso",
                rf"(?P<y>{_YEAR_DIGITS})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])(?!\d)",
            ),
            (
                "numeric",
                rf"(?<![\d/.])(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{_YEAR_DIGITS})(?!\d)",
            ),
            (
                "d_range_m",
                rf"{wd}(?P<d>{day}){range_link}(?P<d2>{day})\s+(?P<m>{months})(?:,?\s+{y})?",
            ),
            ("d_m_y", rf"{wd}{the}(?P<d>{day}){of}\s+(?P<m>{months}),?\s+{y}"),
            ("d_m", rf"{wd}{the}(?P<d>{day}){of}\s+(?P<m>{months})(?!\w)"),
            ("m_y", rf"{mod}?(?P<m>{months}){of},?\s+{y}"),
            ("season_y", rf"{mod}?(?P<s>{season}){of}\s+{y}"),
            (
                "y_y",
                rf"(?<![\d.,/])(?P<y>{_YEAR_DIGITS})\s?[-–/]\s?(?P<y2>{_YEAR_DIGITS}|\d\d)(?!\d)",
            ),
            ("y", rf"{mod}?{y}"),
            (
                "m",
                rf"(?P<lead>{_alternation(cues.month_alone_leads)})(?:\s+|\s*-\s*)(?P<m>{months})(?!\s*\d)(?!\w)",
            ),
            ("weekday", rf"(?P<wd>{weekday})(?!\w)"),
        ]
        if cues.deictic:
            patterns.append(("deictic", rf"(?P<dx>{_alternation(cues.deictic)})(?!\w)"))
        if language == "en":
            patterns[3:3] = [
                (
                    "m_d_range",
                    rf"{wd}(?P<m>{months})\s+(?P<d>{day}){range_link}(?P<d2>{day})(?!\d)(?:,?\s+{y})?",
                ),
                ("m_d_y", rf"{wd}(?P<m>{months})\s+(?P<d>{day}),?\s+{y}"),
                ("m_d", rf"{wd}(?P<m>{months})\s+(?P<d>{day})(?![,.]?\d)(?!\w)"),
            ]
        self._anchor_words = frozenset(
            [*cues.months, *cues.weekdays, *(phrase.split()[-1] for phrase in cues.deictic)]
        )
        self._patterns = [
            (name, re.compile(rf"(?<![\w-]){body}", re.IGNORECASE)) for name, body in patterns
        ]
        self._preposition = re.compile(
            rf"(?:^|(?<=[\s(\[,;:—–]))(?P<p>{_alternation(cues.prepositions)})\s+$", re.IGNORECASE
        )

    # ----------------------------------------------------------------- scanning

    def scan(self, text: str) -> list[RawDate]:
        """Every date expression in ``text``: leftmost-longest matches without overlaps.

        Every date holds a year, a month or weekday name or the last word of a deictic
        phrase: the patterns only run in windows around such anchors, found by two cheap
        regexes, since most of a text holds no date."""
        matches = [
            (match.start(), -match.end(), name, match)
            for low, high in self._windows(text)
            for name, pattern in self._patterns
            for match in pattern.finditer(text, low, high)
        ]
        matches.sort(key=lambda item: (item[0], item[1]))
        found: list[RawDate] = []
        taken_until = -1
        for start, _, name, match in matches:
            if start < taken_until:
                continue
            built = self._build(name, match, text)
            if built:
                found.extend(built)
                taken_until = match.end()
        return found

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Merged character windows around every anchor of ``text``."""
        anchors = [match.start() for match in _DIGITS.finditer(text)]  # years
        words = self._anchor_words
        anchors += [
            match.start()
            for match in _WORD.finditer(text)
            if _key(match.group()).rstrip(".") in words
        ]
        anchors.sort()
        windows: list[tuple[int, int]] = []
        size = len(text)
        for anchor in anchors:
            low, high = max(0, anchor - _WINDOW), min(size, anchor + _WINDOW)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], high)
            else:
                windows.append((low, high))
        return windows

    def _build(self, name: str, match: re.Match[str], text: str) -> list[RawDate]:
        groups = match.groupdict()
        start, end = match.span()
        core = min(match.start(g) for g in _CORE_GROUPS if groups.get(g))
        modified = bool(groups.get("mod"))

        def month() -> int | None:
            word = groups["m"]
            if self.language == "en" and not word[0].isupper():
                return None  # "may", "march": English month names are capitalised
            return self.cues.months.get(word.rstrip(".").lower())

        year = int(groups["y"]) if groups.get("y") else None
        value: PartialDate | None
        kind: Kind = "absolute"
        if name == "iso":
            value = PartialDate(year, int(groups["mm"]), int(groups["dd"]))
        elif name == "numeric":
            a, b = int(groups["a"]), int(groups["b"])
            if self.language == "en" and a <= 12 and b <= 12 and a != b:
                return []  # 03/04/2015: month-first or day-first is ambiguous in English
            d, m = (a, b) if self.language == "fr" or a > 12 else (b, a)
            value = PartialDate(year, m, d) if 1 <= m <= 12 else None
        elif name in {"d_range_m", "m_d_range", "d_m_y", "d_m", "m_d_y", "m_d"}:
            m = month()
            value = PartialDate(year, m, int(re.sub(r"\D", "", groups["d"]))) if m else None
            kind = "absolute" if year else "needs_year"
        elif name == "m_y":
            m = month()
            value = PartialDate(year, m) if m else None
        elif name in {"season_y", "y"}:
            value = PartialDate(year)
        elif name == "y_y":
            first, tail = int(groups["y"]), groups["y2"]
            second = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
            if second <= first:
                return []
            y2 = match.start("y2")
            return [
                self._raw(start, match.end("y"), start, PartialDate(first), "absolute", name, text),
                RawDate(y2, end, y2, PartialDate(second), "absolute", name),
            ]
        elif name == "m":
            m = month()
            value = PartialDate(None, m) if m else None
            kind = "needs_year"
        elif name == "weekday":
            word = groups["wd"]
            if self.language == "en" and not word[0].isupper():
                return []
            return [
                RawDate(
                    start,
                    end,
                    start,
                    PartialDate(None),
                    "weekday",
                    name,
                    weekday=self.cues.weekdays[word.lower()],
                )
            ]
        else:  # deictic
            unit, offset = self.cues.deictic[_key(groups["dx"])]
            return [
                RawDate(
                    start, end, start, PartialDate(None), "deictic", name, offset=(unit, offset)
                )
            ]
        if value is None or not value.is_valid():
            return []
        bare = name == "y" and not modified
        return [self._raw(start, end, core, value, kind, name, text, bare=bare)]

    def _raw(
        self,
        start: int,
        end: int,
        core: int,
        value: PartialDate,
        kind: Kind,
        name: str,
        text: str,
        *,
        bare: bool = False,
    ) -> RawDate:
        """A RawDate whose text takes in the preposition written just before it."""
        preposition = ""
        before = self._preposition.search(text, max(0, start - 30), start)
        if before is not None:
            preposition = _key(before["p"])
            start = before.start("p")
        return RawDate(
            start,
            end,
            core,
            value,
            kind,
            name,
            preposition=preposition,
            bare=bare and not preposition,
        )


@cache
def grammar(language: str) -> DateGrammar:
    """The compiled grammar of ``language`` ("en" or "fr"), built once."""
    cues = load_cues()
    if language not in cues:
        raise ValueError(f"no date grammar for language {language!r}; use one of {LANGUAGES}")
    return DateGrammar(language, cues[language])


def parse_date(text: str, language: str, published: date | None = None) -> PartialDate | None:
    """The date that all of ``text`` expresses, or None.

    Year-less dates, weekdays and deictic expressions need ``published``
    ("December 17" read on 2015-06-19 is 2014-12-17)."""
    stripped = text.strip()
    found = grammar(language).scan(stripped)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped):
        return None
    return resolve_with_reference(found[0], published)


def resolve_with_reference(raw: RawDate, published: date | None) -> PartialDate | None:
    """``raw``'s date, using ``published`` for what the text leaves out."""
    if raw.kind == "absolute":
        return raw.value
    if published is None:
        return None
    if raw.kind == "needs_year":
        return raw.value.latest_on_or_before(published)
    if raw.kind == "weekday" and raw.weekday is not None:
        return last_weekday(published, raw.weekday)
    if raw.kind == "deictic" and raw.offset is not None:
        return shift(published, *raw.offset)
    return None
