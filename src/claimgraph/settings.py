"""Every tunable setting, declared once.

The CLI builds its options from this table, the docs list it (docs/settings.md), and a test
checks that the two agree. Each setting can also come from an environment variable
``CLAIMGRAPH_<NAME>`` (upper case).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: int | float | str | bool
    help: str

    @property
    def env_var(self) -> str:
        return f"CLAIMGRAPH_{self.name.upper()}"

    def value(self) -> int | float | str | bool:
        """The environment's value when set, else the default, converted to the default's type."""
        raw = os.environ.get(self.env_var)
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        return type(self.default)(raw)


SETTINGS: Final[dict[str, Setting]] = {
    setting.name: setting
    for setting in (
        Setting("db", "sqlite:///claimgraph.db", "Database URL or SQLite file path."),
        Setting("max_bytes", 20_000_000, "Largest file or HTTP response read, in bytes."),
        Setting("timeout", 20.0, "Seconds allowed for one HTTP fetch, redirects included."),
        Setting("batch_size", 32, "Documents per spaCy batch and per database transaction."),
        Setting("n_process", 1, "spaCy worker processes (nlp.pipe n_process)."),
    )
}


def get(name: str) -> int | float | str | bool:
    """The current value of setting ``name``."""
    return SETTINGS[name].value()
