"""``claimgraph extract`` and ``eval`` on the test corpus, and every command's --help."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from claimgraph.cli.main import app
from claimgraph.evaluate.scoring import KINDS

from .conftest import CORPUS

pytestmark = pytest.mark.models

RECORD_KEYS = {"doc", "entities", "aliases", "figures", "relations", "dates"}


def test_extract_json_prints_one_record_per_line_named_after_the_folder(invoke: Callable[..., Result]) -> None:
    source = CORPUS / "wp-fr-dgsi" / "source.txt"
    result = invoke("extract", str(source), "--format", "json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert RECORD_KEYS <= record.keys()
    assert record["doc"] == "wp-fr-dgsi"
    text = source.read_text(encoding="utf-8")
    assert all(figure["quote"] in text for figure in record["figures"])  # quotes are exact
    assert all(relation["quote"] in text for relation in record["relations"])


def test_extract_folder_and_a_bad_input(invoke: Callable[..., Result], tmp_path: Path) -> None:
    for slug in ("wp-en-hurras-al-din", "wp-fr-al-hol"):
        shutil.copytree(CORPUS / slug, tmp_path / "corpus" / slug)
    missing = tmp_path / "missing.txt"
    result = invoke("extract", str(tmp_path / "corpus"), str(missing), "--format", "json")
    assert result.exit_code == 1
    docs = sorted(json.loads(line)["doc"] for line in result.stdout.splitlines())
    assert docs == ["wp-en-hurras-al-din", "wp-fr-al-hol"]
    assert next(line for line in result.stderr.splitlines() if str(missing) in line).startswith("error ")


def test_eval_json_scores_every_kind(invoke: Callable[..., Result]) -> None:
    result = invoke("eval", str(CORPUS), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    text = json.dumps(report)
    assert all(kind in text for kind in KINDS)
    assert "11" in text  # the number of documents scored appears


def test_eval_with_an_impossible_floor_exits_1(invoke: Callable[..., Result], tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"all": {kind: 1.0 for kind in KINDS}, "de": {"entities": 0.1}}), encoding="utf-8")
    result = invoke("eval", str(CORPUS), "--doc", "wp-fr-dgsi", "--floors", str(floors))
    assert result.exit_code == 1
    assert "below floor" in result.stderr
    assert "de: no documents" in result.stderr

    reachable = tmp_path / "reachable.json"
    reachable.write_text(json.dumps({"all": {"entities": 0.0}}), encoding="utf-8")
    passed = invoke("eval", str(CORPUS), "--doc", "wp-fr-dgsi", "--floors", str(reachable))
    assert passed.exit_code == 0
    assert "all scores at or above the floors" in passed.stderr


COMMAND_OPTIONS = {
    "ingest": ["--db", "--feed", "--allow-private", "--batch-size", "--no-extract"],
    "stats": ["--db", "--format"],
    "errors": ["--db", "--format"],
    "search": ["--db", "--limit", "--any", "--format"],
    "figures": ["--cohort", "--status", "--place", "--format", "--plot"],
    "check": ["--db", "--format"],
    "extract": ["--format", "--batch-size"],
    "eval": ["--format", "--lang", "--doc", "--floors"],
    "demo": ["--db"],
    "reprocess": ["--db", "--all", "--batch-size"],
    "train-relations": ["--out", "--threshold", "--min-count"],
}


@pytest.mark.parametrize("command", sorted(COMMAND_OPTIONS))
def test_help_of_every_command(invoke: Callable[..., Result], command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    for option in COMMAND_OPTIONS[command]:
        assert option in result.stdout, f"{command} --help does not mention {option}"


def test_top_level_help_lists_the_commands(invoke: Callable[..., Result]) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in COMMAND_OPTIONS:
        assert command in result.stdout


def test_every_command_has_its_help_checked() -> None:
    assert {command.name for command in app.registered_commands} == set(COMMAND_OPTIONS)
