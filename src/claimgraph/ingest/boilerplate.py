"""Remove what is not the article: whole lines matched by the rules in ``boilerplate.yaml``.

Only whole lines go, never part of one, and everything else is kept character for
character (no reflowing, no whitespace changes inside kept lines). When a removed line
stood between blank lines, one of the blank lines goes with it, so paragraphs stay
separated by exactly what separated them before. A title repeated verbatim as the next
non-blank line at the top, standing as a paragraph of its own (a common copy-paste
artefact), is collapsed to one; a repeat that heads a block (an infobox title followed
by its lines, as in Wikipedia copies) is content and stays.

Every removal is recorded (:class:`Removal`) for the document's provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.datafiles import read_yaml
from claimgraph.errors import DataFileError

KINDS = frozenset(
    {"paywall", "related", "comments", "cookies", "newsletter", "share", "advertising"}
)
LANGUAGES = frozenset({"en", "fr", "any"})
DEFAULT_MAX_CHARS = 200
MAX_TITLE_CHARS = 300
DUPLICATE_TITLE = "duplicate-title"
_REQUIRED = {"name", "kind", "language", "pattern", "examples"}
_OPTIONAL = {"max_chars", "counter_examples"}


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern, matched against a whole stripped line, ignoring case."""

    name: str
    kind: str
    language: str
    pattern: re.Pattern[str]
    max_chars: int = DEFAULT_MAX_CHARS

    def matches(self, line: str) -> bool:
        stripped = line.strip()
        return len(stripped) <= self.max_chars and self.pattern.fullmatch(stripped) is not None


@dataclass(frozen=True)
class Removal:
    """A removed line: its 1-based number in the input, the rule, and the exact text."""

    line_no: int
    rule: str
    text: str


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text and what was removed from it."""

    text: str
    removals: tuple[Removal, ...] = field(default=())

    @property
    def removed_lines(self) -> list[str]:
        return [removal.text for removal in self.removals]


def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """Load and check the rules file (the bundled one by default).

    Raises :class:`DataFileError` naming the file and the bad rule when a key is missing
    or unknown, a pattern does not compile, or a rule fails its own examples.
    """
    if path is None:
        resource = resources.files("claimgraph.ingest").joinpath("boilerplate.yaml")
        name, content = "claimgraph/ingest/boilerplate.yaml", resource.read_text("utf-8")
    else:
        name, content = str(path), path.read_text("utf-8")
    data = read_yaml(content, name)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise DataFileError(name, "expected a mapping with a 'rules' list at the top")
    rules = [_rule(name, index, raw) for index, raw in enumerate(data["rules"])]
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise DataFileError(name, f"rule name {rule.name!r} is used twice")
        seen.add(rule.name)
    return tuple(rules)


def _rule(file: str, index: int, raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"rule #{index + 1} is not a mapping")
    label = f"rule #{index + 1} ({raw.get('name', 'unnamed')})"
    missing = _REQUIRED - raw.keys()
    if missing:
        raise DataFileError(file, f"{label} lacks {', '.join(sorted(missing))}")
    unknown = raw.keys() - _REQUIRED - _OPTIONAL
    if unknown:
        raise DataFileError(
            file,
            f"{label} has unknown key(s) {', '.join(sorted(unknown))}; "
            f"valid keys: {', '.join(sorted(_REQUIRED | _OPTIONAL))}",
        )
    if raw["kind"] not in KINDS:
        raise DataFileError(
            file, f"{label}: kind {raw['kind']!r} is not one of {', '.join(sorted(KINDS))}"
        )
    if raw["language"] not in LANGUAGES:
        raise DataFileError(
            file, f"{label}: language {raw['language']!r} is not one of en, fr, any"
        )
    max_chars = raw.get("max_chars", DEFAULT_MAX_CHARS)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 1:
        raise DataFileError(file, f"{label}: max_chars must be a positive integer")
    try:
        pattern = re.compile(str(raw["pattern"]), re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(file, f"{label}: pattern does not compile ({exc})") from exc
    rule = Rule(str(raw["name"]), raw["kind"], raw["language"], pattern, max_chars)
    examples = raw["examples"]
    counter = raw.get("counter_examples", [])
    if not isinstance(examples, list) or not examples or not isinstance(counter, list):
        raise DataFileError(file, f"{label}: examples must be a non-empty list of lines")
    for example in examples:
        if not rule.matches(str(example)):
            raise DataFileError(file, f"{label}: pattern does not match its example {example!r}")
    for example in counter:
        if rule.matches(str(example)):
            raise DataFileError(file, f"{label}: pattern matches its counter-example {example!r}")
    return rule


@cache
def default_rules() -> tuple[Rule, ...]:
    """The bundled rules, loaded and checked once."""
    return load_rules()


def clean(text: str, rules: tuple[Rule, ...] | None = None) -> CleanedText:
    """Remove boilerplate lines (and a verbatim duplicate title) from ``text``."""
    active = default_rules() if rules is None else rules
    lines = text.splitlines(keepends=True)
    removed: dict[int, str] = {}
    duplicate = _duplicate_title(lines)
    if duplicate is not None:
        first, second = duplicate
        for index in range(first + 1, second + 1):
            removed[index] = DUPLICATE_TITLE
    for index, line in enumerate(lines):
        if index in removed or not line.strip():
            continue
        for rule in active:
            if rule.matches(line):
                removed[index] = rule.name
                _drop_one_blank_beside(lines, index, removed)
                break
    kept = "".join(line for index, line in enumerate(lines) if index not in removed)
    removals = tuple(
        Removal(index + 1, rule, lines[index].rstrip("\r\n"))
        for index, rule in sorted(removed.items())
        if lines[index].strip()
    )
    return CleanedText(kept, removals)


def _is_blank(line: str) -> bool:
    return not line.strip()


def _duplicate_title(lines: list[str]) -> tuple[int, int] | None:
    """Indexes of the first line and of its verbatim repeat, if the text opens that way."""
    non_blank = [index for index, line in enumerate(lines) if not _is_blank(line)]
    if len(non_blank) < 2:
        return None
    first, second = non_blank[0], non_blank[1]
    title = lines[first].rstrip("\r\n")
    if len(title.strip()) > MAX_TITLE_CHARS or lines[second].rstrip("\r\n") != title:
        return None
    after = second + 1
    if after < len(lines) and not _is_blank(lines[after]):
        return None  # the repeat heads a block (an infobox, a list): it is content
    return first, second


def _drop_one_blank_beside(lines: list[str], index: int, removed: dict[int, str]) -> None:
    """Mark one blank line next to a removed line, following first, else preceding."""
    following = index + 1
    if following < len(lines) and _is_blank(lines[following]) and following not in removed:
        removed[following] = removed[index]
        return
    previous = index - 1
    while previous >= 0 and previous in removed:
        previous -= 1
    if previous >= 0 and _is_blank(lines[previous]):
        removed[previous] = removed[index]
