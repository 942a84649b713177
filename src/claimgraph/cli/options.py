"""Options shared by several commands, built from the settings table (claimgraph.settings)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from claimgraph import settings

DbOption = Annotated[
    str,
    typer.Option("--db", envvar=settings.SETTINGS["db"].env_var, help=settings.SETTINGS["db"].help),
]
DEFAULT_DB = str(settings.SETTINGS["db"].default)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
