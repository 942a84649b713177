"""Ingest: everything before NLP. Inputs in; cleaned, sourced documents (or failures) out.

sources.plan_sources   PATH_OR_URL... -> Source items (files, folders, URLs, feeds)
fetch.fetch            the one safe fetcher (schemes, addresses, redirects, limits)
readers                HTML (trafilatura), plain text, PDF (pypdf), by type
boilerplate.clean      paywall, "read also", comment forms, cookies, newsletters, share
language               detect_language -> LanguageGuess (en and fr supported)
pipeline               ingest_sources -> IngestedDocument | IngestFailure
"""

from __future__ import annotations

from claimgraph.ingest.document import IngestedDocument, IngestFailure
from claimgraph.ingest.fetch import FetchedResponse, fetch, make_client
from claimgraph.ingest.language import SUPPORTED, LanguageGuess, detect_language
from claimgraph.ingest.pipeline import expand_feed, ingest_sources, read_source
from claimgraph.ingest.sources import Source, plan_sources

__all__ = [
    "SUPPORTED",
    "FetchedResponse",
    "IngestFailure",
    "IngestedDocument",
    "LanguageGuess",
    "Source",
    "detect_language",
    "expand_feed",
    "fetch",
    "ingest_sources",
    "make_client",
    "plan_sources",
    "read_source",
]
