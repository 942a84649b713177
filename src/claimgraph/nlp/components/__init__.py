"""Our spaCy components. Importing this package registers every factory with spaCy."""

from claimgraph.nlp.components import (  # noqa: F401
    aliases,
    attribution,
    dates,
    entity_groups,
    figures,
    gazetteer,
    mt_repair,
    relation_classifier,
    relations,
    renamings,
    sentences,
)
