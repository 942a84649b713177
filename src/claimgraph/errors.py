"""Every error claimgraph raises on purpose, in one tree.

    ClaimgraphError                 base: catch this to handle any of ours
    ├── ConfigError                 a setting or option has an invalid value
    ├── DataFileError               a bundled or user data file (gazetteer, vocabulary) is invalid
    ├── IngestError                 one input could not be read; the batch goes on
    │   ├── FetchError              a URL could not be fetched (scheme, address, size, time)
    │   └── ReadError               a file or response could not be turned into text
    ├── StoreError                  the database could not be opened or migrated
    └── ModelNotInstalledError      a spaCy model package is missing

Each message says what failed, the likely cause and the fix. Library code raises; only the
CLI prints.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of every error raised on purpose by claimgraph."""


class ConfigError(ClaimgraphError):
    """A setting or option has an invalid value."""


class DataFileError(ClaimgraphError):
    """A data file is invalid; the message names the file and the bad key."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}. Fix the data file and run again.")


class IngestError(ClaimgraphError):
    """One input could not be ingested. ``source`` names it, ``reason`` says why."""

    code = "ingest"

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class FetchError(IngestError):
    """A URL could not be fetched: bad scheme, private address, too slow, too large."""

    code = "fetch"


class ReadError(IngestError):
    """A file or response could not be turned into text: empty, binary, malformed."""

    code = "read"


class StoreError(ClaimgraphError):
    """The database could not be opened, migrated or written."""


class ModelNotInstalledError(ClaimgraphError):
    """A spaCy model package is not installed."""

    def __init__(self, model: str, package: str) -> None:
        super().__init__(
            f"The spaCy model {model!r} is not installed. Install it with "
            f"`pip install {package}` (or run `make demo`, which installs everything)."
        )
