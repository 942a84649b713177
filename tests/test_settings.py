from pathlib import Path

import pytest

from claimgraph import settings

DOCS = Path(__file__).parents[1] / "docs" / "settings.md"


@pytest.mark.parametrize("name", sorted(settings.SETTINGS))
def test_every_setting_is_documented_with_its_option_variable_and_default(name: str) -> None:
    setting = settings.SETTINGS[name]
    rows = [line for line in DOCS.read_text("utf-8").splitlines() if line.startswith(f"| `{name}` |")]
    assert len(rows) == 1, f"docs/settings.md needs exactly one row for {name}"
    row = rows[0]
    assert f"`--{name.replace('_', '-')}`" in row
    assert f"`{setting.env_var}`" in row
    assert f"`{setting.default}`" in row
    assert setting.help in row


def test_environment_overrides_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_BATCH_SIZE", "7")
    monkeypatch.setenv("CLAIMGRAPH_TIMEOUT", "2.5")
    assert settings.get("batch_size") == 7
    assert settings.get("timeout") == 2.5
    monkeypatch.delenv("CLAIMGRAPH_BATCH_SIZE")
    assert settings.get("batch_size") == 32
