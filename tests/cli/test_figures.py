"""``claimgraph figures`` and ``check`` on a store holding the test corpus."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from claimgraph.cli.main import app

from .conftest import CORPUS, Ran

pytestmark = pytest.mark.models

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "kb.db"
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def test_figures_json_rows_carry_their_evidence(invoke: Callable[..., Result], corpus_db: Path) -> None:
    result = invoke("figures", "--db", str(corpus_db), "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    stats = json.loads(invoke("stats", "--db", str(corpus_db), "--format", "json").stdout)
    assert len(rows) == stats["figures"] > 0
    assert all(row["sentence"] for row in rows)  # every figure is tied to its sentence
    for row in rows:
        assert row["value_text"] in row["sentence"]


def test_figures_csv_has_a_header_and_one_row_per_figure(invoke: Callable[..., Result], corpus_db: Path) -> None:
    result = invoke("figures", "--db", str(corpus_db), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["value", "value_text", "unit", "counts"]
    assert "sentence" in rows[0]
    figures = len(json.loads(invoke("figures", "--db", str(corpus_db), "--format", "json").stdout))
    assert len(rows) == figures + 1
    assert all(len(row) == len(rows[0]) for row in rows)


def test_figures_filters_narrow_the_list(invoke: Callable[..., Result], corpus_db: Path) -> None:
    every = json.loads(invoke("figures", "--db", str(corpus_db), "--format", "json").stdout)
    statuses = {row["status"] for row in every if row["status"]}
    assert statuses, "the corpus has counts of people with a status"
    status = min(statuses)
    some = json.loads(invoke("figures", "--db", str(corpus_db), "--format", "json", "--status", status).stdout)
    assert some and all(row["status"] == status for row in some) and len(some) <= len(every)


def test_figures_plot_writes_a_png_for_the_corpus(invoke: Callable[..., Result], corpus_db: Path, tmp_path: Path) -> None:
    chart = tmp_path / "timeline.png"
    result = invoke("figures", "--db", str(corpus_db), "--plot", str(chart))
    assert result.exit_code == 0, result.output
    assert chart.read_bytes()[:8] == PNG_MAGIC
    assert f"into {chart}" in " ".join(result.stdout.split())


def test_figures_plot_without_dated_figures_fails_in_one_line(
    invoke: Callable[..., Result], run_main: Callable[..., Ran], tmp_path: Path
) -> None:
    # No publication date, no meta.json, no date in the text: nothing to put on a time axis.
    undated = tmp_path / "undated.txt"
    undated.write_text("Some 130 French jihadists remain in the Idlib region, a note says.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert invoke("ingest", str(undated), "--db", str(db)).exit_code == 0
    chart = tmp_path / "timeline.png"

    result = run_main("figures", "--db", str(db), "--plot", str(chart))

    assert result.code == 2  # a ConfigError: nothing the user asked for can be drawn
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("error:") and "no dated figures" in result.stderr
    assert not chart.exists()


def test_figures_plot_refuses_an_unknown_file_type(run_main: Callable[..., Ran], corpus_db: Path, tmp_path: Path) -> None:
    result = run_main("figures", "--db", str(corpus_db), "--plot", str(tmp_path / "chart.gif"))
    assert result.code == 2
    assert ".png" in result.stderr and "chart.gif" in result.stderr
    assert not (tmp_path / "chart.gif").exists()


def test_check_json_has_its_three_sections(invoke: Callable[..., Result], corpus_db: Path) -> None:
    result = invoke("check", "--db", str(corpus_db), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {"sum_checks", "timelines", "disagreements"} <= report.keys()
    table = invoke("check", "--db", str(corpus_db))
    assert table.exit_code == 0
    assert "Sum checks" in table.stdout and "Disagreements" in table.stdout


def test_figures_and_check_on_an_empty_store(invoke: Callable[..., Result], tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    assert json.loads(invoke("figures", "--db", db, "--format", "json").stdout) == []
    report = json.loads(invoke("check", "--db", db, "--format", "json").stdout)
    assert not report["sum_checks"] and not report["disagreements"]
