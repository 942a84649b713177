from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import ReadError
from claimgraph.ingest.meta import load_meta

from .conftest import SEED_DIR


def write_meta(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "meta.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_seed_meta_loads() -> None:
    meta = load_meta(SEED_DIR / "meta.json", source="seed")
    assert meta["language"] == "en" and meta["published"] is None and "notes" in meta


@pytest.mark.parametrize(
    "published", ["2016", "2016-11", "2016-11-10", "2016-11-10T08:00:00+00:00"]
)
def test_iso_dates_are_accepted(tmp_path: Path, published: str) -> None:
    assert (
        load_meta(write_meta(tmp_path, {"published": published}), source="s")["published"]
        == published
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"published": "10/11/2016"}, "'published' is '10/11/2016'; expected an ISO date"),
        ({"language": "English"}, "'language' is 'English'; expected an ISO 639 code"),
        ({"url": "ftp://x.org/a"}, "'url' is 'ftp://x.org/a'; expected an http or https URL"),
        ({"title": 3}, "'title' must be a string or null, not int"),
        (["not", "an", "object"], "must hold a JSON object, not list"),
    ],
)
def test_invalid_meta_names_the_key(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(ReadError, match=message) as caught:
        load_meta(write_meta(tmp_path, data), source="doc.txt")
    assert caught.value.source == "doc.txt"


def test_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "meta.json"
    path.write_text("{title: no quotes}")
    with pytest.raises(ReadError, match="is not valid UTF-8 JSON"):
        load_meta(path, source="doc.txt")
