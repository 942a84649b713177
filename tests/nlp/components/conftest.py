from collections.abc import Callable

import pytest
from spacy.language import Language

import claimgraph.nlp.components.figures  # noqa: F401  (registers the factory)
from claimgraph.nlp.pipelines import load_raw


@pytest.fixture(scope="session")
def nlps() -> dict[str, Language]:
    """The bare models plus the figures component only, loaded once for the session."""
    out = {}
    for language in ("en", "fr"):
        nlp = load_raw(language)
        nlp.add_pipe("claimgraph_figures", config={"language": language})
        out[language] = nlp
    return out


def figures_in(nlps: dict[str, Language], language: str, text: str) -> list[dict]:
    """The figures of ``text`` with no mentions or dates set upstream."""
    nlp = nlps[language]
    doc = nlp.make_doc(text)
    doc._.mentions = []
    doc._.dates = []
    return nlp(doc)._.figures


@pytest.fixture
def figures_of(nlps: dict[str, Language]) -> Callable[[str, str], list[dict]]:
    """``figures_of(language, text)``: the figures the component finds in ``text``."""
    return lambda language, text: figures_in(nlps, language, text)


@pytest.fixture
def statuses_of(nlps: dict[str, Language]) -> Callable[[str, str], list[str | None]]:
    """``statuses_of(language, text)``: the status of each figure found in ``text``."""
    return lambda language, text: [f["status"] for f in figures_in(nlps, language, text)]
