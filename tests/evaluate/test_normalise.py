import pytest

from claimgraph.evaluate.normalise import normalise_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hay’at Tahrir al-Sham", "Hay'at Tahrir al-Sham"),
        ("L'État islamique", "etat islamique"),
        ("the Islamic State", "Islamic State"),
        ("Les Forces démocratiques syriennes", "forces democratiques syriennes"),
        ("AL-HOL", "al hol"),
    ],
)
def test_equivalent_names_share_a_key(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_different_names_keep_different_keys() -> None:
    assert normalise_name("Theodore") != normalise_name("odore")
    assert normalise_name("Lens") == "lens"  # "le" is only dropped as a separate word
