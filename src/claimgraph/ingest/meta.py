"""``meta.json`` beside a document: what the user knows about it, checked on load.

Recognised keys (each a string or null): ``title``, ``publisher``, ``published`` (an ISO
date: ``2016``, ``2016-11``, ``2016-11-10`` or a full ISO timestamp), ``language`` (an
ISO 639 code such as ``en``), ``url`` (http or https), ``license``. Any other key is kept
as given (the corpus adds ``attribution``, ``notes``...).

Which file applies to ``<dir>/<name>``: ``<dir>/<name>.meta.json`` if it exists; else
``<dir>/meta.json`` when the document is a corpus ``source.*`` file or the only document
in its folder.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from claimgraph.errors import ReadError

STRING_KEYS = ("title", "publisher", "published", "language", "url", "license")
META_NAME = "meta.json"
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def meta_path_for(document: Path, *, only_document: bool) -> Path | None:
    """The ``meta.json`` that describes ``document``, if there is one."""
    own = document.with_name(document.name + ".meta.json")
    if own.is_file():
        return own
    shared = document.with_name(META_NAME)
    if shared.is_file() and (document.stem == "source" or only_document):
        return shared
    return None


def load_meta(path: Path, *, source: str) -> dict[str, Any]:
    """Read and check a ``meta.json``; :class:`ReadError` naming ``source`` and the key."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ReadError(source, f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(source, f"{path} is not valid UTF-8 JSON ({exc}); fix it") from exc
    if not isinstance(data, dict):
        raise ReadError(source, f"{path} must hold a JSON object, not {type(data).__name__}")
    for key in STRING_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ReadError(
                source, f"{path}: {key!r} must be a string or null, not {type(value).__name__}"
            )
    _check_value(
        path,
        source,
        "published",
        data.get("published"),
        _valid_date,
        "an ISO date such as 2016-11-10",
    )
    _check_value(
        path,
        source,
        "language",
        data.get("language"),
        lambda v: _LANGUAGE.fullmatch(v) is not None,
        "an ISO 639 code such as en or fr",
    )
    _check_value(
        path,
        source,
        "url",
        data.get("url"),
        lambda v: v.startswith(("http://", "https://")),
        "an http or https URL",
    )
    return data


def _check_value(
    path: Path, source: str, key: str, value: str | None, valid: Any, what: str
) -> None:
    if value is not None and not valid(value):
        raise ReadError(source, f"{path}: {key!r} is {value!r}; expected {what}")


def _valid_date(value: str) -> bool:
    if _PARTIAL_DATE.fullmatch(value):
        return True
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
