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
