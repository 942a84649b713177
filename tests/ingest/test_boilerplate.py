from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import DataFileError
from claimgraph.ingest.boilerplate import clean, default_rules, load_rules

from .conftest import SEED_DIR

SEED_BOILERPLATE = [
    "Read the story also: The material is reserved for our subscribers In Idlib, former jihadists are polishing their image",
    "You have 82.99% of this article to read. The rest is reserved for subscribers.",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
]


def test_bundled_rules_load_and_pass_their_examples() -> None:
    rules = default_rules()
    assert len(rules) >= 15
    assert {"paywall", "related", "comments", "cookies", "newsletter", "share"} <= {
        r.kind for r in rules
    }


def test_seed_article_loses_boilerplate_and_keeps_every_paragraph_exactly() -> None:
    original = (SEED_DIR / "source.txt").read_text("utf-8")
    cleaned = clean(original)
    paragraphs = [p for p in original.split("\n\n") if p.strip()]
    title = paragraphs[0]
    article = [p for p in paragraphs[1:] if p not in SEED_BOILERPLATE and p != title]
    assert len(article) == 6
    assert cleaned.text == "\n\n".join([title, *article]) + "\n"
    for line in SEED_BOILERPLATE:
        assert line not in cleaned.text
    assert cleaned.text.count(title) == 1
    assert cleaned.removed_lines == [title, *SEED_BOILERPLATE]
    assert [r.rule for r in cleaned.removals] == [
        "duplicate-title",
        "read-also-en",
        "paywall-share-left-en",
        "comment-form-title",
        "comment-form-email",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Il vous reste 74.3% de cet article à lire. La suite est réservée aux abonnés.",
        "The material is reserved for our subscribers",
        "Read also: Al-Hol, a time bomb",
        "Lire aussi : Le camp d'Al-Hol",
        "À lire aussi",
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée",
        "Subscribe to our newsletter",
        "Inscrivez-vous à notre newsletter",
        "We use cookies to give you the best experience on our website.",
        "Nous utilisons des cookies pour vous offrir la meilleure expérience.",
        "Share this article",
        "Facebook Twitter LinkedIn Email",
        "  Leave a Reply  ",
    ],
)
def test_english_and_french_boilerplate_lines_are_removed(line: str) -> None:
    text = f"First paragraph of the article.\n\n{line}\n\nSecond paragraph of the article.\n"
    cleaned = clean(text)
    assert cleaned.text == "First paragraph of the article.\n\nSecond paragraph of the article.\n"
    assert cleaned.removed_lines == [line]


@pytest.mark.parametrize(
    "line",
    [
        "You have 20 days to appeal, the court said.",
        "Read also as a warning, the memo lists 150 names of French jihadists.",
        "Il faut lire aussi entre les lignes du rapport, estime le chercheur.",
        "The rest is reserved for the families of the victims, the official said.",
        "Share of foreign fighters rose to 40% in 2015.",
        "Facebook and Twitter closed the accounts in 2016.",
        "We use informants inside the camp, the officer said.",
        "Abonnez-vous à la chaîne, exhortait le propagandiste dans ses vidéos.",
        "Read also: " + "a paragraph that goes on and on about the camp and its population " * 6,
    ],
)
def test_article_sentences_that_look_like_boilerplate_are_kept(line: str) -> None:
    text = f"Intro.\n\n{line}\n\nEnd.\n"
    assert clean(text).text == text


def test_boilerplate_inside_a_line_is_not_touched() -> None:
    text = (
        "He said: Leave a Reply is the name of the forum. Subscribe to our newsletter, he added.\n"
    )
    assert clean(text).text == text


def test_single_newline_paragraphs_lose_only_the_line() -> None:
    assert clean("One.\nRead more\nTwo.").text == "One.\nTwo."


def test_trailing_boilerplate_leaves_the_last_paragraph_as_it_was() -> None:
    assert clean("Body.\n\nLeave a Reply\n\nRequired fields are marked *").text == "Body.\n"


def test_crlf_and_spacing_of_kept_lines_are_untouched() -> None:
    text = "Title  \r\n\r\n  Indented   spacing\tkept.\r\n\r\nShare\r\n\r\nEnd.\r\n"
    assert clean(text).text == "Title  \r\n\r\n  Indented   spacing\tkept.\r\n\r\nEnd.\r\n"


def test_duplicate_title_only_when_exact() -> None:
    assert clean("Title\n\nTitle\n\nBody.").text == "Title\n\nBody."
    assert clean("Title\n\nTitle.\n\nBody.").text == "Title\n\nTitle.\n\nBody."
    assert clean("Title\n\ntitle\n\nBody.").text == "Title\n\ntitle\n\nBody."


def test_repeated_title_heading_a_block_is_content() -> None:
    text = "Al-Roj refugee camp\n\nAl-Roj refugee camp\n- Population: 2,500\n"
    assert clean(text).text == text


def test_a_later_repeat_is_not_collapsed() -> None:
    text = "Title\n\nBody.\n\nTitle\n"
    assert clean(text).text == text


def write_rules(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(body, "utf-8")
    return path


GOOD = """
rules:
  - name: r
    kind: share
    language: any
    pattern: 'share'
    examples: ["Share"]
"""


def test_custom_rules_file_loads(tmp_path: Path) -> None:
    (rule,) = load_rules(write_rules(tmp_path, GOOD))
    assert rule.matches("SHARE") and not rule.matches("Share this")


@pytest.mark.parametrize(
    "body, message",
    [
        ("rules: [", "not valid YAML"),
        ("- a\n- b\n", "a 'rules' list"),
        (GOOD.replace("    kind: share\n", ""), "lacks kind"),
        (GOOD + "    colour: red\n", "unknown key"),
        (GOOD.replace("kind: share", "kind: ads"), "kind 'ads' is not one of"),
        (GOOD.replace("language: any", "language: de"), "language 'de'"),
        (GOOD.replace("'share'", "'(share'"), "does not compile"),
        (GOOD.replace('["Share"]', '["Partager"]'), "does not match its example 'Partager'"),
        (GOOD + '    counter_examples: ["share"]\n', "matches its counter-example"),
        (GOOD + GOOD.replace("rules:\n", ""), "used twice"),
        (GOOD + "    max_chars: 0\n", "max_chars"),
    ],
)
def test_invalid_rules_files_are_refused_with_the_reason(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(DataFileError, match=message) as caught:
        load_rules(write_rules(tmp_path, body))
    assert str(tmp_path / "rules.yaml") in str(caught.value)
